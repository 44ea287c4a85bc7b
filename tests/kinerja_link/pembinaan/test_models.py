"""The invariants the pembinaan tables hold by themselves, whatever code writes to them."""

import datetime

import pytest

from django.db import IntegrityError, transaction

from kinerja_link.models import JenisPeriode, Periode
from kinerja_link.pembinaan.models import AssignmentStatus, SessionKind
from tests.learning.factories import make_course

from .factories import AssignmentFactory, PembinaanRuleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("jenis", "nomor", "start", "end"),
    [
        (JenisPeriode.TAHUNAN, 0, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
        (JenisPeriode.TRIWULAN, 1, datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)),
        (JenisPeriode.TRIWULAN, 3, datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)),
        (JenisPeriode.BULANAN, 2, datetime.date(2026, 2, 1), datetime.date(2026, 2, 28)),
    ],
)
def test_periode_dates(jenis, nomor, start, end):
    periode = Periode(tahun=2026, jenis=jenis, nomor=nomor)
    assert (periode.start_date, periode.end_date) == (start, end)


def test_recommendation_is_once_per_evaluation_rule_and_action():
    rec = RecommendationFactory(session_kind=SessionKind.COACHING)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(
            evaluasi=rec.evaluasi, rule=rec.rule, session_kind=SessionKind.COACHING
        )
    # Another session kind from the same rule is another recommendation.
    RecommendationFactory(evaluasi=rec.evaluasi, rule=rec.rule, session_kind=SessionKind.KONSELING)


def test_recommendation_is_a_course_or_a_session_never_both():
    course = make_course(lessons=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(course=course, session_kind=SessionKind.COACHING)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(course=None, session_kind="")
    RecommendationFactory(course=course, session_kind="")


def test_one_open_assignment_per_pegawai_and_course():
    course = make_course(lessons=0)
    first = AssignmentFactory(course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(course=course, pegawai=first.pegawai)
    first.status = AssignmentStatus.CANCELLED
    first.save()
    AssignmentFactory(course=course, pegawai=first.pegawai)  # a cancelled one does not block


def test_completed_assignment_has_a_completion_time():
    course = make_course(lessons=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(course=course, status=AssignmentStatus.COMPLETED)


def test_rule_versions_are_unique_and_validity_ordered():
    rule = PembinaanRuleFactory(code="contoh-aturan", valid_from=datetime.date(2026, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PembinaanRuleFactory(code=rule.code, version=rule.version)
    with pytest.raises(IntegrityError), transaction.atomic():
        PembinaanRuleFactory(
            valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2025, 12, 31)
        )
