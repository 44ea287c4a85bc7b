"""Kinerja from SIASN: the periode's evaluations of a pengelola's pegawai, read person by
person (``rw-kinerjaperiodik``, or ``rw-skp22`` for a tahunan periode) and handed to
kinerja_link's own import, which alone writes ``Evaluasi`` (same rules, audit, errors)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja_link.importing.columns import parse_periode
from kinerja_link.models import ImportJob, JenisPeriode, Pegawai, Periode
from kinerja_link.scope import scope_for
from kinerja_link.services import evaluasi_import_records

from .client import SiasnClient

if TYPE_CHECKING:
    from accounts.models import User

FIELDS = (
    "nip",
    "tahun",
    "periodikId",
    "periodikNama",
    "hasilKinerjaNilai",
    "perilakuKerjaNilai",
    "kuadranKinerjaNilai",
    "penilaiNipNrp",
)


def kinerja_pull(*, user: User, periode: Periode, client: SiasnClient | None = None) -> ImportJob:
    """Import the periode's evaluations SIASN holds for the user's active pegawai."""
    scope = scope_for(user)
    if scope is None:
        raise ValidationError(_("Hanya pengelola kepegawaian yang dapat mengambil data SIASN."))
    client = client or SiasnClient()
    nips = (
        scope.filter(Pegawai.objects.active())
        .order_by("user__nip")
        .values_list("user__nip", flat=True)
    )
    rows = [row for nip in nips if nip for row in _rows_of(client, nip, periode)]
    return evaluasi_import_records(user=user, records=rows, periode=periode)


def _rows_of(client: SiasnClient, nip: str, periode: Periode) -> list[dict[str, Any]]:
    annual = periode.jenis == JenisPeriode.TAHUNAN
    found = client.riwayat("skp22" if annual else "kinerjaperiodik", nip)
    rows = []
    for row in found:
        picked = {name: row.get(name, "") for name in FIELDS} | {"nip": nip}
        if annual:
            picked["periodikNama"] = f"Tahunan {row.get('tahun', '')}"
        if _in_periode(picked, periode):
            rows.append(picked)
    return rows


def _in_periode(row: dict[str, Any], periode: Periode) -> bool:
    try:
        key = parse_periode(row["periodikNama"], row["tahun"], row["periodikId"])
    except ValidationError:
        return False
    return (key.tahun, key.jenis, key.nomor) == (periode.tahun, periode.jenis, periode.nomor)
