"""What an evaluation import's columns mean, and how a cell becomes a value.

Two header styles arrive: SIASN field names (``hasilKinerjaNilai``) and the Indonesian
headers of e-Kinerja spreadsheets (``RATING HASIL KERJA``). Both are reduced to a key of
lowercase letters and digits, so case, spaces, dots and underscores do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..kuadran import Predikat, Rating
from ..models.skp import BULAN, ROMAN, JenisPeriode

NIP = "nip"
NAMA = "nama"
TAHUN = "tahun"
PERIODIK_ID = "periodik_id"
PERIODE = "periode"
HASIL = "hasil"
PERILAKU = "perilaku"
PREDIKAT = "predikat"
PENILAI_NIP = "penilai_nip"
NILAI_PEMBINAAN = "nilai_pembinaan"

HEADER_ALIASES: dict[str, str] = {
    "nip": NIP,
    "nipbaru": NIP,
    "nippegawai": NIP,
    "nipnrp": NIP,
    "nama": NAMA,
    "namapegawai": NAMA,
    "tahun": TAHUN,
    "tahunpenilaian": TAHUN,
    "periodikid": PERIODIK_ID,
    "jenisperiode": PERIODIK_ID,
    "periode": PERIODE,
    "periodiknama": PERIODE,
    "periodepenilaian": PERIODE,
    "hasilkinerjanilai": HASIL,
    "ratinghasilkerja": HASIL,
    "hasilkerja": HASIL,
    "ratinghasil": HASIL,
    "perilakukerjanilai": PERILAKU,
    "ratingperilakukerja": PERILAKU,
    "perilakukerja": PERILAKU,
    "ratingperilaku": PERILAKU,
    "kuadrankinerjanilai": PREDIKAT,
    "predikatkinerja": PREDIKAT,
    "predikat": PREDIKAT,
    "kuadrankinerja": PREDIKAT,
    "penilainipnrp": PENILAI_NIP,
    "nippenilai": PENILAI_NIP,
    "nippejabatpenilai": PENILAI_NIP,
    "nilaiperlupembinaan": NILAI_PEMBINAAN,
    "perlupembinaan": NILAI_PEMBINAAN,
    "nilaiyangperlupembinaan": NILAI_PEMBINAAN,
    "nilaiberakhlakperlupembinaan": NILAI_PEMBINAAN,
}
REQUIRED = (NIP, HASIL, PERILAKU)
REQUIRED_LABELS = {NIP: "NIP", HASIL: "RATING HASIL KERJA", PERILAKU: "RATING PERILAKU KERJA"}


def header_key(header: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header or "").lower())


def map_headers(headers: list[object], aliases: dict[str, str] | None = None) -> dict[str, int]:
    """Column index per canonical field (the first column wins); unknown columns (jabatan,
    unor…) are ignored. ``aliases``: another import kind's header names."""
    aliases = HEADER_ALIASES if aliases is None else aliases
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = aliases.get(header_key(header))
        if field and field not in mapping:
            mapping[field] = index
    return mapping


def missing_required(mapping: dict[str, int]) -> list[str]:
    return [REQUIRED_LABELS[f] for f in REQUIRED if f not in mapping]


def cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # XLSX numbers come back as floats
    return str(value).strip() if value is not None else ""


_RATING_WORDS = {"diatas": Rating.DI_ATAS, "sesuai": Rating.SESUAI, "dibawah": Rating.DI_BAWAH}
_PREDIKAT_WORDS = {
    "sangatbaik": Predikat.SANGAT_BAIK,
    "baik": Predikat.BAIK,
    "butuhperbaikan": Predikat.BUTUH_PERBAIKAN,
    "perluperbaikan": Predikat.BUTUH_PERBAIKAN,
    "kurang": Predikat.KURANG,
    "misconduct": Predikat.KURANG,
    "kurangmisconduct": Predikat.KURANG,
    "sangatkurang": Predikat.SANGAT_KURANG,
}


def parse_rating(value: object, label: str) -> Rating:
    """A rating as a SIASN code (1/2/3) or as text ("Di Atas Ekspektasi", "sesuai")."""
    key = header_key(cell_text(value)).removesuffix("ekspektasi")
    if key in {"1", "2", "3"}:
        return Rating(int(key))
    if key in _RATING_WORDS:
        return _RATING_WORDS[key]
    if not key:
        raise ValidationError(_("%(label)s kosong.") % {"label": label})
    raise ValidationError(
        _(
            "%(label)s tidak dikenal: \u201c%(value)s\u201d (gunakan 1/2/3 atau Di Atas/Sesuai/"
            "Di Bawah Ekspektasi)."
        )
        % {"label": label, "value": cell_text(value)}
    )


def parse_predikat(value: object) -> Predikat | None:
    key = header_key(cell_text(value))
    if not key:
        return None
    if key in {"1", "2", "3", "4", "5"}:
        return Predikat(int(key))
    if key in _PREDIKAT_WORDS:
        return _PREDIKAT_WORDS[key]
    raise ValidationError(_("Predikat kinerja tidak dikenal: \u201c%s\u201d.") % cell_text(value))


# The seven core values (SE MenPANRB 20/2021) by the codes learning's migration seeds.
BERAKHLAK = {
    "BP": "Berorientasi Pelayanan",
    "AK": "Akuntabel",
    "KO": "Kompeten",
    "HA": "Harmonis",
    "LO": "Loyal",
    "AD": "Adaptif",
    "KL": "Kolaboratif",
}
_VALUE_WORDS = {header_key(name): code for code, name in BERAKHLAK.items()} | {
    code.lower(): code for code in BERAKHLAK
}


def parse_flagged_values(value: object) -> list[str]:
    """BerAKHLAK values a pimpinan flagged for pembinaan: "AK, KL" or "Akuntabel; Kolaboratif"."""
    codes = []
    for part in re.split(r"[,;/\n]+", cell_text(value)):
        key = header_key(part)
        if not key or key == "tidakada":
            continue
        if key not in _VALUE_WORDS:
            raise ValidationError(
                _(
                    "Nilai BerAKHLAK tidak dikenal: \u201c%(value)s\u201d (gunakan kode BP, AK, "
                    "KO, HA, LO, AD, KL atau namanya)."
                )
                % {"value": part.strip()}
            )
        if _VALUE_WORDS[key] not in codes:
            codes.append(_VALUE_WORDS[key])
    return codes


@dataclass(frozen=True)
class PeriodeKey:
    tahun: int
    jenis: str
    nomor: int


_MONTHS = {name.lower(): i for i, name in enumerate(BULAN) if name}
_ROMANS = {r.lower(): i for i, r in enumerate(ROMAN) if r}


def parse_periode(text: object, tahun: object = None, periodik_id: object = None) -> PeriodeKey:
    """ "Triwulan III 2026", "TW 3", "Maret 2026", "Tahunan 2026", or SIASN tahun + periodikId.

    SIASN's ``periodikId`` is 1 for bulanan and 2 for triwulan; with it, a bare number in
    the period column is the month or the quarter.
    """
    words = re.findall(r"[a-z]+|\d+", cell_text(text).lower())
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    year = years[0] if years else _year(tahun)
    rest = [w for w in words if not (w.isdigit() and len(w) == 4)]
    jenis, nomor = _jenis_nomor(rest, cell_text(periodik_id))
    if year is None:
        raise ValidationError(_("Tahun periode tidak ditemukan."))
    return PeriodeKey(year, jenis, nomor)


def _year(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if text.isdigit() and len(text) == 4 else None


_KNOWN_WORDS = {"triwulan", "tw", "q", "bulan", "bulanan", "tahun", "tahunan", "periode", "ke"}


def _jenis_nomor(words: list[str], periodik_id: str) -> tuple[str, int]:
    unknown = [
        w for w in words if not (w.isdigit() or w in _KNOWN_WORDS | _ROMANS.keys() | _MONTHS.keys())
    ]
    if unknown:
        raise ValidationError(_("Periode tidak dikenal: \u201c%s\u201d.") % " ".join(words))
    numbers = [int(w) for w in words if w.isdigit()] + [_ROMANS[w] for w in words if w in _ROMANS]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    if months:
        return JenisPeriode.BULANAN, months[0]
    quarterly = periodik_id == "2" or any(w in {"triwulan", "tw", "q"} for w in words)
    monthly = periodik_id == "1" or "bulan" in words or "bulanan" in words
    if quarterly and numbers and 1 <= numbers[0] <= 4:
        return JenisPeriode.TRIWULAN, numbers[0]
    if monthly and numbers and 1 <= numbers[0] <= 12:
        return JenisPeriode.BULANAN, numbers[0]
    if not words or set(words) <= {"tahunan", "tahun"}:
        return JenisPeriode.TAHUNAN, 0
    raise ValidationError(_("Periode tidak dikenal: \u201c%s\u201d.") % " ".join(words))
