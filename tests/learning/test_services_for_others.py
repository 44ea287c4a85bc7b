"""Services learning offers other apps, so that only learning writes its records."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import ModelLogEntry

from learning import services
from learning.models import (
    Enrolment,
    EnrolmentSource,
    LearningRecord,
    LearningRecordSource,
    VerificationStatus,
)
from tests.factories import UserFactory

from .factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db):
    return [UserFactory() for _n in range(3)]


def test_bulk_enrolment_enrols_everyone_once_and_audits_in_one_batch(course, users, pengelola):
    own = services.enrolment_create(user=users[0], course=course)
    enrolments = services.enrolments_create_bulk(users=users, course=course, actor=pengelola)
    assert sorted(enrolments) == sorted(u.pk for u in users)
    assert enrolments[users[0].pk].pk == own.pk  # reused unchanged
    assert enrolments[users[0].pk].source == EnrolmentSource.SELF
    assert {enrolments[u.pk].source for u in users[1:]} == {EnrolmentSource.ASSIGNED}
    entries = ModelLogEntry.objects.filter(
        action="learning.enrolment.create", user=pengelola
    ).values_list("uuid", flat=True)
    assert len(entries) == 2
    assert len(set(entries)) == 1  # one batch


def test_bulk_enrolment_uses_the_prerequisite_rule_and_writes_nothing_on_refusal(
    index, users, pengelola
):
    basic = make_course(lessons=1)
    advanced = make_course()
    advanced.prerequisites.add(basic)
    advanced.save_revision().publish()
    with pytest.raises(ValidationError, match=users[1].get_full_name()):
        services.enrolments_create_bulk(users=users, course=advanced, actor=pengelola)
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_bulk_enrolment_costs_the_same_for_three_or_thirty(
    course, pengelola, django_assert_max_num_queries
):
    many = [UserFactory() for _n in range(30)]
    with django_assert_max_num_queries(8):
        services.enrolments_create_bulk(users=many, course=course, actor=pengelola)
    assert Enrolment.objects.filter(course=course).count() == 30


def test_session_records_are_verified_jp_and_audited(users, pengelola):
    day = datetime.date(2026, 3, 4)
    records = services.learning_records_for_session(
        users=users[:2],
        title="Coaching bersama Ibu Ani",
        institution="Biro SDM",
        jenis_diklat_id=14,
        minutes=90,
        date=day,
        recorded_by=pengelola,
    )
    assert len(records) == 2
    for record in LearningRecord.objects.filter(pk__in=[r.pk for r in records]):
        assert record.source == LearningRecordSource.COACHING
        assert record.verification_status == VerificationStatus.VERIFIED
        assert record.jp == Decimal("2.00")
        assert record.start_date == record.end_date == day
        assert record.verified_by == pengelola
    entries = ModelLogEntry.objects.filter(action="learning.record.create", user=pengelola)
    assert sorted(int(e.object_id) for e in entries) == sorted(r.pk for r in records)
    assert entries[0].data["after"]["jenis_diklat_id"] == 14
