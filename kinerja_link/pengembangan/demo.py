"""Demo: the demo pegawai (the first staff member of the demo pimpinan, as in the demo
logins) has an IDP drafted from the evaluation's recommendations and the jabatan's gaps,
submitted to the demo pimpinan, who can approve it. Safe to run again."""

from __future__ import annotations

import datetime

from django.db import transaction

from competencies.models import Competency

from ..demo import DEMO_TAHUN
from ..models import Evaluasi, Pegawai
from ..pembinaan.demo import demo_pimpinan
from ..pembinaan.models import Recommendation
from ..pembinaan.recommendations import recommendations_generate
from ..perilaku_notes import perilaku_notes_update
from ..scope import Scope
from ..selectors import team_for
from .models import (
    IdpStatus,
    LevelSource,
    PenilaianKompetensi,
    RencanaPengembangan,
    StandarKompetensi,
)
from .services import idp_draft, idp_submit

STANDAR = {"MJ-INT": 3, "MJ-KS": 3, "MJ-KOM": 3, "MJ-OPH": 3, "MJ-PP": 3, "SK-PB": 2}
ASSESSED = {"MJ-INT": 3, "MJ-KS": 2}  # an assessment centre result, to show the sources


def demo_pegawai() -> Pegawai | None:
    pimpinan = demo_pimpinan()
    if pimpinan is None:
        return None
    return team_for(pimpinan).select_related("user", "unit").order_by("user__nip").first()


@transaction.atomic
def seed_pengembangan() -> RencanaPengembangan | None:
    pegawai = demo_pegawai()
    if pegawai is None:
        return None
    existing = RencanaPengembangan.objects.filter(pegawai=pegawai, tahun=DEMO_TAHUN).first()
    if existing is not None:
        return existing
    instansi = pegawai.unit.get_root()
    competencies = {c.code: c for c in Competency.objects.filter(code__in=STANDAR)}
    for code, level in STANDAR.items():
        if code in competencies:
            StandarKompetensi.objects.get_or_create(
                jabatan=pegawai.jabatan,
                unit=instansi,
                competency=competencies[code],
                defaults={"required_level": level},
            )
    for code, level in ASSESSED.items():
        if code in competencies:
            PenilaianKompetensi.objects.get_or_create(
                pegawai=pegawai,
                competency=competencies[code],
                source=LevelSource.ASSESSMENT,
                defaults={
                    "level": level,
                    "date": datetime.date(DEMO_TAHUN, 2, 14),
                    "note": "Asesmen kompetensi manajerial",
                },
            )
    _recommend(pegawai)
    rencana = idp_draft(user=pegawai.user, tahun=DEMO_TAHUN)
    if rencana.status == IdpStatus.DRAFT and pegawai.pejabat_penilai_id:
        idp_submit(user=pegawai.user, rencana=rencana)
    return rencana


def _recommend(pegawai: Pegawai) -> None:
    """The pimpinan flags a value on the pegawai's latest evaluation of the demo year, as
    on the evaluation page; the rules then recommend (pembinaan's own services)."""
    if Recommendation.objects.filter(pegawai=pegawai, evaluasi__periode__tahun=DEMO_TAHUN).exists():
        return
    evaluasi = (
        Evaluasi.objects.filter(pegawai=pegawai, periode__tahun=DEMO_TAHUN)
        .select_related("periode")
        .order_by("-periode__nomor")
        .first()
    )
    if evaluasi is None or pegawai.pejabat_penilai is None:
        return
    perilaku_notes_update(
        user=pegawai.pejabat_penilai.user,
        evaluasi=evaluasi,
        flags={"AK": True},
        notes={"AK": "Laporan pengolahan data dua kali terlambat."},
    )
    recommendations_generate(periode_id=evaluasi.periode_id, scope=Scope.of([pegawai.unit.path]))
