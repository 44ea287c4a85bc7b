"""pengembangan's part of a personal-data erasure: what the pimpinan wrote about the
pegawai's plan, the reasons copied from their evaluation, assessment notes and the
pimpinan's post-training notes. The rows
stay (the AKPK totals count them). ``kinerja_link.personal_data`` orchestrates."""

from __future__ import annotations

from kinerja_link.models import Pegawai

from .models import (
    PenilaianKompetensi,
    PenilaianPascaPelatihan,
    RencanaItem,
    RencanaPengembangan,
)


def pengembangan_personal_data_erase(pegawai: Pegawai) -> dict[str, int]:
    return {
        "rencana_pengembangan": RencanaPengembangan.objects.filter(pegawai=pegawai).update(
            pimpinan_comment=""
        ),
        "kegiatan_pengembangan": RencanaItem.objects.filter(rencana__pegawai=pegawai).update(
            reason=""
        ),
        "penilaian_kompetensi": PenilaianKompetensi.objects.filter(pegawai=pegawai).update(note=""),
        "penilaian_pascapelatihan": PenilaianPascaPelatihan.objects.filter(pegawai=pegawai).update(
            note=""
        ),
    }
