"""The IKM formula of PermenPANRB 14/2017 against a worked example with known figures."""

from decimal import Decimal

import pytest

from kinerja_link.participation.ikm import ikm_from_answers, ikm_from_sums, mutu_of
from kinerja_link.participation.models import ELEMENT_FIELDS, SurveyResponse
from kinerja_link.participation.selectors import ikm_of, ikm_trend

# Four respondents, U1..U9 each (worked by hand below).
WORKED = [
    (4, 4, 3, 3, 4, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 4, 2, 3),
    (3, 4, 2, 4, 3, 4, 3, 3, 3),
    (4, 3, 3, 3, 3, 4, 4, 3, 2),
]


def _answers(rows):
    return [dict(zip(ELEMENT_FIELDS, row, strict=True)) for row in rows]


def test_worked_example():
    # Sums per element: 14 14 11 14 13 14 15 11 11 (total 117).
    # NRR = sum ÷ 4: 3.50 3.50 2.75 3.50 3.25 3.50 3.75 2.75 2.75.
    # NRR tertimbang = Σ NRR × 1/9 = 29.25 ÷ 9 = 3.25; IKM = 3.25 × 25 = 81.25 → B "Baik".
    ikm = ikm_from_answers(_answers(WORKED))
    assert ikm is not None
    assert ikm.respondents == 4
    assert [ikm.nrr[code] for code in ELEMENT_FIELDS] == [
        Decimal(v) for v in ("3.5", "3.5", "2.75", "3.5", "3.25", "3.5", "3.75", "2.75", "2.75")
    ]
    assert ikm.nrr_weighted == Decimal("3.25")
    assert ikm.value == Decimal("81.25")
    assert (ikm.mutu, ikm.kinerja) == ("B", "Baik")


def test_extremes_are_25_and_100():
    assert ikm_from_sums(3, dict.fromkeys(ELEMENT_FIELDS, 3)).value == Decimal("25.00")
    assert ikm_from_sums(3, dict.fromkeys(ELEMENT_FIELDS, 12)).value == Decimal("100.00")
    assert ikm_from_sums(0, dict.fromkeys(ELEMENT_FIELDS, 0)) is None


@pytest.mark.parametrize(
    ("value", "mutu", "kinerja"),
    [
        ("25.00", "D", "Tidak Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("76.61", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("100.00", "A", "Sangat Baik"),
    ],
)
def test_conversion_table_bounds(value, mutu, kinerja):
    assert mutu_of(Decimal(value)) == (mutu, kinerja)


def test_rounding_is_to_two_places_half_up():
    # 1000 respondents, Σ of the sums 27 578: IKM = 27 578 ÷ 9000 × 25 = 76.6055…, reported
    # 76.61 and so mutu B (76.60 would be C).
    sums = dict.fromkeys(ELEMENT_FIELDS, 3064)
    sums["u1"] = 3066
    ikm = ikm_from_sums(1000, sums)
    assert ikm.value == Decimal("76.61")
    assert ikm.mutu == "B"


def test_selectors_aggregate_the_same_figures(layanan):
    for row in WORKED:
        SurveyResponse.objects.create(
            layanan=layanan,
            submitted_at="2026-11-02T09:00:00+07:00",
            periode="2026-T4",
            **dict(zip(ELEMENT_FIELDS, row, strict=True)),
        )
    ikm = ikm_of(layanan.responses.all())
    assert ikm.value == Decimal("81.25")
    assert [(periode, point.value) for periode, point in ikm_trend(layanan.responses.all())] == [
        ("2026-T4", Decimal("81.25"))
    ]
