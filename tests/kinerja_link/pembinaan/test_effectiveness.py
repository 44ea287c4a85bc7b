"""The effectiveness report: outcomes in the next period of the same kind, per rule and
per course, scoped to the pengelola's units, in a fixed number of queries."""

import pytest

from kinerja_link.models import JenisPeriode
from kinerja_link.pembinaan.effectiveness import compare, effectiveness_report, next_periode_key
from kinerja_link.pembinaan.models import AssignmentStatus, PembinaanRule
from kinerja_link.scope import EVERYTHING, Scope
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory

from .factories import AssignmentFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ((2026, JenisPeriode.TRIWULAN, 3), (2026, JenisPeriode.TRIWULAN, 4)),
        ((2026, JenisPeriode.TRIWULAN, 4), (2027, JenisPeriode.TRIWULAN, 1)),
        ((2026, JenisPeriode.BULANAN, 12), (2027, JenisPeriode.BULANAN, 1)),
        ((2026, JenisPeriode.TAHUNAN, 0), (2027, JenisPeriode.TAHUNAN, 0)),
    ],
)
def test_next_periode(key, expected):
    assert next_periode_key(*key) == expected


def test_compare_lower_codes_are_better():
    assert compare(4, 3) == "membaik"  # Kurang/Misconduct -> Butuh Perbaikan
    assert compare(3, 3) == "tetap"
    assert compare(3, 4) == "memburuk"
    assert compare(3, None) == "belum_dinilai"


def _assign(evaluasi, course, *, rule=None, via_recommendation=True, **fields):
    if via_recommendation:
        rec = RecommendationFactory(evaluasi=evaluasi, rule=rule, course=course, session_kind="")
        return AssignmentFactory(
            pegawai=evaluasi.pegawai, course=course, recommendation=rec, **fields
        )
    return AssignmentFactory(pegawai=evaluasi.pegawai, course=course, evaluasi=evaluasi, **fields)


@pytest.fixture
def seeded(org, courses):
    q3, q4 = PeriodeFactory(nomor=3), PeriodeFactory(nomor=4)
    bp_rule = PembinaanRule.objects.get(code="butuh-perbaikan")
    kurang_rule = PembinaanRule.objects.get(code="kurang-misconduct")
    a, b, c, d = org.staff[0], org.staff[1], org.staff[2], PegawaiFactory(unit=org.unit_a)
    # a: Butuh Perbaikan -> Baik (predikat better, perilaku same).
    _assign(
        EvaluasiFactory(pegawai=a, periode=q3, rating_hasil=3, rating_perilaku=2),
        courses.skp,
        rule=bp_rule,
    )
    EvaluasiFactory(pegawai=a, periode=q4)
    # b: Kurang/Misconduct -> Sangat Kurang, assigned directly from the evaluation.
    b_q3 = EvaluasiFactory(pegawai=b, periode=q3, rating_hasil=2, rating_perilaku=3)
    _assign(b_q3, courses.ak, via_recommendation=False, status=AssignmentStatus.IN_PROGRESS)
    EvaluasiFactory(pegawai=b, periode=q4, rating_hasil=3, rating_perilaku=3)
    # c: Butuh Perbaikan, not evaluated yet in Triwulan IV; two courses from one rule.
    c_q3 = EvaluasiFactory(pegawai=c, periode=q3, rating_hasil=3, rating_perilaku=2)
    _assign(c_q3, courses.skp, rule=bp_rule)
    _assign(c_q3, courses.kl, rule=bp_rule)
    # d: Kurang/Misconduct -> Butuh Perbaikan: better on both counts.
    _assign(
        EvaluasiFactory(pegawai=d, periode=q3, rating_hasil=2, rating_perilaku=3),
        courses.ak,
        rule=kurang_rule,
    )
    EvaluasiFactory(pegawai=d, periode=q4, rating_hasil=3, rating_perilaku=2)
    # Not counted: a cancelled assignment, and a pegawai outside the pengelola's units.
    e = PegawaiFactory(unit=org.unit_a)
    _assign(
        EvaluasiFactory(pegawai=e, periode=q3, rating_hasil=3, rating_perilaku=2),
        courses.skp,
        rule=bp_rule,
        status=AssignmentStatus.CANCELLED,
    )
    _assign(
        EvaluasiFactory(pegawai=org.other, periode=q3, rating_hasil=3, rating_perilaku=2),
        courses.skp,
        rule=bp_rule,
    )
    EvaluasiFactory(pegawai=org.other, periode=q4, rating_hasil=3, rating_perilaku=3)
    return org


def _counts(row):
    return row.pegawai, row.predikat, row.perilaku


def _outcome(membaik=0, tetap=0, memburuk=0, belum_dinilai=0):
    return {
        "membaik": membaik,
        "tetap": tetap,
        "memburuk": memburuk,
        "belum_dinilai": belum_dinilai,
    }


def test_report_per_rule_and_per_course(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        report = effectiveness_report(scope=Scope.of([seeded.unit_a.path]))
    assert report["total"] == 4
    by_rule = {row.label: _counts(row) for row in report["by_rule"]}
    assert by_rule == {
        "Butuh Perbaikan: pembelajaran teknis SKP/RHK dan coaching (v1)": (
            2,
            _outcome(membaik=1, belum_dinilai=1),
            _outcome(tetap=1, belum_dinilai=1),
        ),
        "Kurang/Misconduct: kursus nilai yang ditandai dan konseling (v1)": (
            1,
            _outcome(membaik=1),
            _outcome(membaik=1),
        ),
        "Tanpa aturan (penugasan langsung)": (1, _outcome(memburuk=1), _outcome(tetap=1)),
    }
    by_course = {row.label: _counts(row) for row in report["by_course"]}
    assert by_course == {
        "Menyusun SKP dan RHK": (
            2,
            _outcome(membaik=1, belum_dinilai=1),
            _outcome(tetap=1, belum_dinilai=1),
        ),
        "Akuntabel": (2, _outcome(membaik=1, memburuk=1), _outcome(membaik=1, tetap=1)),
        "Kolaboratif": (1, _outcome(belum_dinilai=1), _outcome(belum_dinilai=1)),
    }


def test_whole_organisation_for_a_superuser_scope_and_nothing_without_scope(seeded):
    everyone = effectiveness_report(scope=EVERYTHING)
    assert everyone["total"] == 5
    assert effectiveness_report(scope=None)["total"] == 0


def test_query_count_does_not_grow_with_assignments(org, courses, django_assert_max_num_queries):
    q3, q4 = PeriodeFactory(nomor=3), PeriodeFactory(nomor=4)
    rule = PembinaanRule.objects.get(code="butuh-perbaikan")
    for _ in range(20):
        person = PegawaiFactory(unit=org.unit_a)
        _assign(
            EvaluasiFactory(pegawai=person, periode=q3, rating_hasil=3, rating_perilaku=2),
            courses.skp,
            rule=rule,
        )
        EvaluasiFactory(pegawai=person, periode=q4)
    with django_assert_max_num_queries(4):
        report = effectiveness_report(scope=Scope.of([org.unit_a.path]))
    assert report["by_rule"][0].predikat["membaik"] == 20
