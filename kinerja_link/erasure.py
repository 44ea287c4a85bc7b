"""kinerja_link's part of a personal-data erasure: free text about the pegawai in their
evaluations and SKP, their API tokens, and the pegawai row itself. The ratings stay
(aggregates count them). ``kinerja_link.personal_data`` orchestrates."""

from __future__ import annotations

from . import perilaku_catatan
from .models import ApiToken, Evaluasi, Pegawai, PerilakuEkspektasi


def kinerja_personal_data_erase(pegawai: Pegawai) -> dict[str, int]:
    evaluasi = list(Evaluasi.objects.filter(pegawai=pegawai))
    for row in evaluasi:
        row.perilaku_catatan = perilaku_catatan.without_text(row.perilaku_catatan)
    Evaluasi.objects.bulk_update(evaluasi, ["perilaku_catatan"])
    return {
        "catatan_perilaku": len(evaluasi),
        "ekspektasi": PerilakuEkspektasi.objects.filter(skp__pegawai=pegawai).update(ekspektasi=""),
        "token_api": ApiToken.objects.filter(user_id=pegawai.user_id).delete()[0],
    }


def pegawai_deactivate_erased(pegawai: Pegawai) -> None:
    pegawai.jabatan = ""
    pegawai.is_active = False
    pegawai.save(update_fields=["jabatan", "is_active"])
