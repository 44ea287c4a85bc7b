"""NIP (Nomor Induk Pegawai) parsing and validation, per docs/domain.md §6.

A NIP is 18 digits and always text. Two layouts share that shape:

* PNS:  YYYYMMDD (birth) · YYYYMM (TMT CPNS) · sex (1/2) · serial (001–999)
* PPPK: YYYYMMDD (birth) · YYYY (appointment) · ``2`` · contract count · sex · serial

A PNS NIP's 13th digit is the first digit of a month (0 or 1), so a ``2`` there marks
the PPPK layout. The PNS structure is checked strictly; the PPPK one only yields
warnings, because agencies' PPPK numbering is not uniform.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Masking needs only the NIP's shape and is used below accounts (logs, audit viewer).
from foundation.nip_masking import NIP_LENGTH as NIP_LENGTH
from foundation.nip_masking import mask_nip as mask_nip

_EARLIEST_BIRTH_YEAR = 1940
_MIN_AGE_AT_APPOINTMENT = 15
_SCIENTIFIC = re.compile(r"\d+(\.\d+)?[eE]\+?\d+")


class NipKind(StrEnum):
    PNS = "pns"
    PPPK = "pppk"


class Sex(StrEnum):
    MALE = "1"
    FEMALE = "2"


@dataclass(frozen=True)
class NipInfo:
    nip: str
    kind: NipKind
    birth_date: datetime.date | None
    sex: Sex | None
    warnings: list[str] = field(default_factory=list)


def _date_or_none(year: str, month: str, day: str = "01") -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def normalize_nip(raw: object) -> str:
    """Recover an 18-digit NIP from what forms and spreadsheets hand us.

    Accepts text with spaces or dots between groups and integers. A NIP that a
    spreadsheet stored as a float or printed in scientific notation is recovered only
    when the digits are all there (``1.98609262015051001E+17``); a rounded one
    (``1.98609E+17``) cannot be recovered exactly and is rejected.
    """
    if isinstance(raw, bool) or raw is None:
        raise ValidationError(_("NIP wajib diisi."), code="required")
    if isinstance(raw, int):
        text = str(raw)
    elif isinstance(raw, float):
        raise ValidationError(
            _("NIP tersimpan sebagai angka pecahan dan tidak dapat dipulihkan dengan tepat."),
            code="inexact",
        )
    else:
        text = str(raw).strip()
        if _SCIENTIFIC.fullmatch(text):
            return _from_scientific(text)
        text = re.sub(r"[\s.\-]", "", text)
    return text


def _from_scientific(text: str) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid numbers
        raise ValidationError(_("NIP tidak valid."), code="invalid") from exc
    mantissa_digits = len(text.lower().split("e")[0].replace(".", "").lstrip("0"))
    if value != value.to_integral_value() or mantissa_digits < NIP_LENGTH:
        raise ValidationError(
            _("NIP dalam notasi ilmiah (%(value)s) kehilangan digit dan tidak dapat dipulihkan."),
            code="inexact",
            params={"value": text},
        )
    return str(int(value))


def parse_nip(value: str, *, today: datetime.date | None = None) -> NipInfo:
    """Validate ``value`` and return what its digits say; raise ``ValidationError`` if invalid."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        raise ValidationError(_("NIP hanya boleh berisi angka."), code="not_digits")
    if len(value) != NIP_LENGTH:
        raise ValidationError(
            _("NIP harus %(expected)d digit (tertulis %(actual)d digit)."),
            code="length",
            params={"expected": NIP_LENGTH, "actual": len(value)},
        )
    today = today or datetime.date.today()
    if value[12] == "2":
        return _parse_pppk(value, today)
    return _parse_pns(value, today)


def _check_birth_date(value: str, today: datetime.date) -> datetime.date | None:
    birth = _date_or_none(value[0:4], value[4:6], value[6:8])
    if (
        birth is None
        or not _EARLIEST_BIRTH_YEAR <= birth.year <= today.year - _MIN_AGE_AT_APPOINTMENT
    ):
        return None
    return birth


def _parse_pns(value: str, today: datetime.date) -> NipInfo:
    birth = _check_birth_date(value, today)
    if birth is None:
        raise ValidationError(
            _("Tanggal lahir pada NIP (digit 1–8) tidak valid."), code="birth_date"
        )
    tmt = _date_or_none(value[8:12], value[12:14])
    if tmt is None or tmt > today or tmt.year - birth.year < _MIN_AGE_AT_APPOINTMENT:
        raise ValidationError(_("TMT CPNS pada NIP (digit 9–14) tidak valid."), code="tmt")
    if value[14] not in (Sex.MALE, Sex.FEMALE):
        raise ValidationError(
            _("Kode jenis kelamin pada NIP (digit 15) harus 1 atau 2."), code="sex"
        )
    if value[15:] == "000":
        raise ValidationError(
            _("Nomor urut pada NIP (digit 16–18) tidak boleh 000."), code="serial"
        )
    return NipInfo(nip=value, kind=NipKind.PNS, birth_date=birth, sex=Sex(value[14]))


def _parse_pppk(value: str, today: datetime.date) -> NipInfo:
    warnings: list[str] = []
    birth = _check_birth_date(value, today)
    if birth is None:
        warnings.append(str(_("Tanggal lahir pada NI PPPK (digit 1–8) tampak tidak valid.")))
    appointment_year = int(value[8:12])
    if not 2019 <= appointment_year <= today.year:
        warnings.append(str(_("Tahun pengangkatan pada NI PPPK (digit 9–12) tampak tidak valid.")))
    sex = Sex(value[14]) if value[14] in (Sex.MALE, Sex.FEMALE) else None
    if sex is None:
        warnings.append(str(_("Kode jenis kelamin pada NI PPPK (digit 15) tampak tidak valid.")))
    if value[15:] == "000":
        warnings.append(str(_("Nomor urut pada NI PPPK (digit 16–18) tampak tidak valid.")))
    return NipInfo(nip=value, kind=NipKind.PPPK, birth_date=birth, sex=sex, warnings=warnings)


def validate_nip(value: str) -> None:
    """Model/form field validator."""
    parse_nip(value)
