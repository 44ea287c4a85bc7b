"""Benchmark pegawai made in bulk: valid NIPs and one unit holding them.

Import after ``django.setup()``; shared by the import and recommendation benchmarks.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from kinerja_link.models import Pegawai, UnitKerja


def nips(count: int, *, born_from: datetime.date, tmt: str) -> list[str]:
    """``count`` distinct valid PNS NIPs: 50 per birth date, alternating sex, TMT ``tmt``."""
    return [
        f"{born_from + datetime.timedelta(days=i // 50):%Y%m%d}{tmt}{1 + i % 2}{i % 50 + 1:03d}"
        for i in range(count)
    ]


def ensure_pegawai(all_nips: list[str], *, unit_code: str, unit_name: str) -> UnitKerja:
    """A root unit with one pegawai per NIP; what exists already is kept."""
    unit = UnitKerja.objects.filter(kode=unit_code).first() or UnitKerja.add_root(
        kode=unit_code, nama=unit_name
    )
    users = get_user_model().objects
    have = set(users.filter(nip__in=all_nips).values_list("nip", flat=True))
    prefix = unit_code.lower()
    users.bulk_create(
        [
            get_user_model()(
                username=f"{prefix}{n}",
                nip=n,
                display_name=f"Pegawai {n[-6:]}",
                password=UNUSABLE_PASSWORD_PREFIX,
            )
            for n in all_nips
            if n not in have
        ],
        batch_size=5000,
    )
    user_ids = users.filter(nip__in=all_nips, pegawai__isnull=True).values_list("id", flat=True)
    Pegawai.objects.bulk_create(
        [Pegawai(user_id=uid, unit=unit, jabatan="Pelaksana") for uid in user_ids],
        batch_size=5000,
    )
    return unit
