"""What an SKP import's columns mean: e-Kinerja's long format, one row per aspek row.

An SKP spans several rows: every row repeats the pegawai's NIP and the periode, names its
RHK (jenis, text, the leader's RHK it intervenes in) and one aspek with its IKI and target.
The SKP's own fields (pejabat penilai, atasan, pendekatan, ekspektasi per value, lampiran)
may be repeated on each row or written on the first only. Headers are matched like the
evaluation import's (``columns.header_key``): case, spaces and punctuation do not matter.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import AspekRHK, JenisRHK, Pendekatan, StatusSKP
from . import columns
from .columns import BERAKHLAK, NIP, PENILAI_NIP, PERIODE, cell_text, header_key

NAMA = "nama"
ATASAN_NIP = "atasan_nip"
PENDEKATAN = "pendekatan"
STATUS = "status"
JENIS_RHK = "jenis_rhk"
RHK = "rhk"
RHK_PIMPINAN = "rhk_pimpinan"
ASPEK = "aspek"
INDIKATOR = "indikator"
TARGET = "target"
DUKUNGAN = "dukungan_sumber_daya"
SKEMA = "skema_pertanggungjawaban"
KONSEKUENSI = "konsekuensi"
LAMPIRAN = (DUKUNGAN, SKEMA, KONSEKUENSI)


def ekspektasi_field(code: str) -> str:
    return f"ekspektasi_{code}"


# The template's headers, in order; each is also an alias of its field.
TEMPLATE_HEADERS: list[tuple[str, str]] = [
    (NIP, "NIP"),
    (NAMA, "NAMA"),
    (PERIODE, "PERIODE"),
    (PENILAI_NIP, "NIP PEJABAT PENILAI"),
    (ATASAN_NIP, "NIP ATASAN PEJABAT PENILAI"),
    (PENDEKATAN, "PENDEKATAN"),
    (STATUS, "STATUS SKP"),
    (JENIS_RHK, "JENIS RHK"),
    (RHK, "RENCANA HASIL KERJA"),
    (RHK_PIMPINAN, "RHK PIMPINAN YANG DIINTERVENSI"),
    (ASPEK, "ASPEK"),
    (INDIKATOR, "INDIKATOR KINERJA INDIVIDU"),
    (TARGET, "TARGET"),
    *[(ekspektasi_field(code), f"EKSPEKTASI {name.upper()}") for code, name in BERAKHLAK.items()],
    (DUKUNGAN, "DUKUNGAN SUMBER DAYA"),
    (SKEMA, "SKEMA PERTANGGUNGJAWABAN"),
    (KONSEKUENSI, "KONSEKUENSI"),
]

HEADER_ALIASES: dict[str, str] = {
    **{header_key(label): field for field, label in TEMPLATE_HEADERS},
    # the field names themselves, as the JSON form and SIASN-style exports write them
    **{header_key(field): field for field, _label in TEMPLATE_HEADERS},
    "nipbaru": NIP,
    "namapegawai": NAMA,
    "periodepenilaian": PERIODE,
    "tahun": PERIODE,
    "nippenilai": PENILAI_NIP,
    "penilainipnrp": PENILAI_NIP,
    "nipatasanpenilai": ATASAN_NIP,
    "jenis": JENIS_RHK,
    "rhk": RHK,
    "rhkpimpinan": RHK_PIMPINAN,
    "rhkatasan": RHK_PIMPINAN,
    "aspekindikator": ASPEK,
    "iki": INDIKATOR,
    "indikator": INDIKATOR,
    "indikatorkinerja": INDIKATOR,
    **{f"ekspektasi{code.lower()}": ekspektasi_field(code) for code in BERAKHLAK},
    **{f"ekspektasikhusus{header_key(n)}": ekspektasi_field(c) for c, n in BERAKHLAK.items()},
}
REQUIRED_LABELS = {
    NIP: "NIP",
    RHK: "RENCANA HASIL KERJA",
    ASPEK: "ASPEK",
    INDIKATOR: "INDIKATOR KINERJA INDIVIDU",
    TARGET: "TARGET",
}
# The SKP's own fields: the same on every row of one SKP (or blank after the first).
SKP_FIELDS = (
    PENILAI_NIP,
    ATASAN_NIP,
    PENDEKATAN,
    STATUS,
    *[ekspektasi_field(c) for c in BERAKHLAK],
    *LAMPIRAN,
)
MAX_TARGET_LENGTH = 255


def map_headers(headers: list[object]) -> dict[str, int]:
    return columns.map_headers(headers, HEADER_ALIASES)


def missing_required(mapping: dict[str, int]) -> list[str]:
    return [label for field, label in REQUIRED_LABELS.items() if field not in mapping]


def _choice(value: object, choices: dict[str, str], default: str | None, message: str) -> str:
    key = header_key(cell_text(value))
    if not key and default is not None:
        return default
    if key in choices:
        return choices[key]
    raise ValidationError(message % {"value": cell_text(value)})


def parse_jenis(value: object) -> str:
    return _choice(
        value,
        {
            "utama": JenisRHK.UTAMA,
            "tambahan": JenisRHK.TAMBAHAN,
            "rhkutama": JenisRHK.UTAMA,
            "rhktambahan": JenisRHK.TAMBAHAN,
        },
        JenisRHK.UTAMA,
        _("Jenis RHK tidak dikenal: \u201c%(value)s\u201d (gunakan Utama atau Tambahan)."),
    )


def parse_aspek(value: object) -> str:
    return _choice(
        value,
        {a.value: a.value for a in AspekRHK},
        None,
        _(
            "Aspek tidak dikenal: \u201c%(value)s\u201d (gunakan Kuantitas, Kualitas, Waktu "
            "atau Biaya)."
        ),
    )


def parse_pendekatan(value: object) -> str | None:
    if not cell_text(value):
        return None
    return _choice(
        value,
        {p.value: p.value for p in Pendekatan},
        None,
        _("Pendekatan tidak dikenal: \u201c%(value)s\u201d (gunakan Kuantitatif atau Kualitatif)."),
    )


def parse_status(value: object) -> str | None:
    if not cell_text(value):
        return None
    return _choice(
        value,
        {s.value: s.value for s in StatusSKP} | {"disetujuipejabatpenilai": StatusSKP.DISETUJUI},
        None,
        _("Status SKP tidak dikenal: \u201c%(value)s\u201d (gunakan Konsep atau Disetujui)."),
    )


LABELS = dict(TEMPLATE_HEADERS)


def required_text(value: object, label: str, max_length: int | None = None) -> str:
    text = cell_text(value)
    if not text:
        raise ValidationError(_("%(label)s kosong.") % {"label": label})
    if max_length and len(text) > max_length:
        raise ValidationError(
            _("%(label)s terlalu panjang (lebih dari %(max)s karakter).")
            % {"label": label, "max": max_length}
        )
    return text
