import datetime

import pytest

from django.core.exceptions import ValidationError

from accounts.nip import NipKind, Sex, mask_nip, normalize_nip, parse_nip

TODAY = datetime.date(2026, 11, 29)


def codes(value):
    with pytest.raises(ValidationError) as excinfo:
        parse_nip(value, today=TODAY)
    return excinfo.value.code


def test_valid_pns_nip_is_parsed():
    info = parse_nip("198609262015051001", today=TODAY)
    assert info.kind == NipKind.PNS
    assert info.birth_date == datetime.date(1986, 9, 26)
    assert info.sex == Sex.MALE
    assert info.warnings == []


def test_valid_pppk_nip_is_accepted_with_its_layout():
    info = parse_nip("199001012022" + "21" + "2" + "015", today=TODAY)
    assert info.kind == NipKind.PPPK
    assert info.sex == Sex.FEMALE
    assert info.warnings == []


def test_pppk_inner_structure_only_warns():
    info = parse_nip("199013402030" + "21" + "9" + "000", today=TODAY)
    assert info.kind == NipKind.PPPK
    assert len(info.warnings) == 4  # birth date, year, sex, serial


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19860926201505100", "length"),  # 17 digits: a leading character lost
        ("1986092620150510011", "length"),
        ("98609262015051001", "length"),
        ("", "not_digits"),
        ("19860926201505100A", "not_digits"),
        ("1986 0926 2015 05 1 001", "not_digits"),
        ("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "not_digits"),  # Arabic-Indic digits are not ASCII digits
        ("198613262015051001", "birth_date"),  # month 13
        ("198602302015051001", "birth_date"),  # 30 February
        ("189001012015051001", "birth_date"),  # too old
        ("198609262015131001", "tmt"),  # TMT month 13
        ("198609261995051001", "tmt"),  # appointed at age 8
        ("198609262030051001", "tmt"),  # TMT in the future
        ("198609262015053001", "sex"),
        ("198609262015051000", "serial"),
    ],
)
def test_invalid_nips_are_rejected_with_a_reason(value, code):
    assert codes(value) == code


def test_error_messages_are_indonesian():
    with pytest.raises(ValidationError) as excinfo:
        parse_nip("12345", today=TODAY)
    assert "NIP harus 18 digit (tertulis 5 digit)" in excinfo.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("198609262015051001", "198609262015051001"),
        (" 19860926 201505 1 001 ", "198609262015051001"),
        ("19860926.201505.1.001", "198609262015051001"),
        (198609262015051001, "198609262015051001"),
        ("1.98609262015051001E+17", "198609262015051001"),
        ("1.98609262015051010E17", "198609262015051010"),
    ],
)
def test_normalize_recovers_exact_values(raw, expected):
    assert normalize_nip(raw) == expected


@pytest.mark.parametrize(
    "raw", ["1.98609E+17", "1.9860926201505101E+17", 1.98609262015051e17, None]
)
def test_normalize_rejects_values_that_lost_digits(raw):
    with pytest.raises(ValidationError):
        normalize_nip(raw)


def test_mask_hides_birth_date_and_sex():
    assert mask_nip("198609262015051001") == "1986••••••••••1001"
