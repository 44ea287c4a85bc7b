"""Assignments: scoped, all-or-nothing creation; recommendations; completion from learning."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from bina.celery import app as celery_app
from kinerja_link.pembinaan import assignments as svc
from kinerja_link.pembinaan.models import (
    Assignment,
    AssignmentStatus,
    RecommendationStatus,
    SessionKind,
)
from kinerja_link.pembinaan.team import REJECTED_ACTION, OutsideTeamError
from learning import services as learning
from learning.models import Enrolment, EnrolmentSource
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import EvaluasiFactory
from tests.learning.factories import make_course

from .factories import AssignmentFactory, PembinaanRuleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    # Read at each use, not at import: a run that crosses midnight (WIB) stays right.
    return timezone.localdate()


def due() -> datetime.date:
    return today() + datetime.timedelta(days=14)


@pytest.fixture
def course(org):
    return make_course(title="Menyusun SKP dan RHK", lessons=2)


def bulk(org, ids, course, **kwargs):
    return svc.assignments_bulk_create(
        user=org.kepala.user,
        pegawai_ids=ids,
        course=course,
        due_date=kwargs.pop("due_date", due()),
        note=kwargs.pop("note", "Wajib"),
        **kwargs,
    )


def test_bulk_assignment_enrols_each_member_and_audits(org, course):
    ids = [p.pk for p in org.staff]
    result = bulk(org, ids, course)
    assert sorted(a.pegawai_id for a in result.created) == sorted(ids)
    rows = Assignment.objects.filter(course=course)
    assert rows.count() == 3
    for assignment in rows.select_related("enrolment", "pegawai"):
        assert assignment.status == AssignmentStatus.ASSIGNED
        assert assignment.assigned_by == org.kepala.user
        assert assignment.enrolment.user_id == assignment.pegawai.user_id
        assert assignment.enrolment.source == EnrolmentSource.ASSIGNED
    logs = ModelLogEntry.objects.filter(action="kinerja_link.assignment.create")
    assert logs.count() == 3


@pytest.mark.parametrize("intruder", ["foreign", "unknown"])
def test_one_foreign_or_unknown_id_rejects_everything_and_is_audited(org, course, intruder):
    bad = org.other.pk if intruder == "foreign" else 999_999
    ids = [org.staff[0].pk, org.staff[1].pk, bad]
    with pytest.raises(OutsideTeamError, match="bukan anggota tim Anda"):
        bulk(org, ids, course)
    assert not Assignment.objects.exists()
    assert not Enrolment.objects.filter(course=course).exists()
    entry = ModelLogEntry.objects.get(action=REJECTED_ACTION)
    assert entry.user == org.kepala.user
    assert entry.data["requested_ids"] == sorted(ids)
    assert entry.data["foreign_ids"] == [bad]
    assert entry.data["action"] == "assignment"
    assert entry.data["course"] == course.pk


def test_another_pimpinan_cannot_assign_to_my_team(org, course):
    boss = PegawaiFactory(unit=org.unit_b)
    PegawaiFactory(unit=org.unit_b, pejabat_penilai=boss)
    with pytest.raises(OutsideTeamError):
        svc.assignments_bulk_create(
            user=boss.user, pegawai_ids=[org.staff[0].pk], course=course, due_date=due(), note=""
        )
    assert not Assignment.objects.exists()


def test_a_pegawai_without_team_cannot_assign(org, course):
    with pytest.raises(OutsideTeamError):
        svc.assignments_bulk_create(
            user=org.staff[0].user,
            pegawai_ids=[org.staff[1].pk],
            course=course,
            due_date=due(),
            note="",
        )


@pytest.mark.parametrize("days", [0, -3])
def test_due_date_must_be_in_the_future(org, course, days):
    with pytest.raises(ValidationError, match="Tenggat harus setelah hari ini"):
        bulk(org, [org.staff[0].pk], course, due_date=today() + datetime.timedelta(days=days))
    assert not Assignment.objects.exists()


def test_unpublished_course_is_refused(org, course):
    course.unpublish()
    course.refresh_from_db()
    with pytest.raises(ValidationError, match="tidak tersedia"):
        bulk(org, [org.staff[0].pk], course)


def test_open_assignment_is_not_duplicated_and_self_enrolment_is_reused(org, course):
    first, second = org.staff[0], org.staff[1]
    own = learning.enrolment_create(user=second.user, course=course)
    bulk(org, [first.pk], course)
    result = bulk(org, [first.pk, second.pk], course)
    assert result.already_open == [first.pk]
    assert [a.pegawai_id for a in result.created] == [second.pk]
    assert Assignment.objects.filter(pegawai=first, course=course).count() == 1
    assert Assignment.objects.get(pegawai=second).enrolment_id == own.pk
    assert Enrolment.objects.get(pk=own.pk).source == EnrolmentSource.SELF


def test_missing_prerequisite_rejects_the_whole_request(org, course):
    basic = make_course(lessons=1)
    course.prerequisites.add(basic)
    course.save_revision().publish()
    learning.enrolment_create(user=org.staff[0].user, course=basic)
    learning.lesson_complete(user=org.staff[0].user, lesson=basic.lessons().first())
    with pytest.raises(ValidationError, match="prasyarat"):
        bulk(org, [org.staff[0].pk, org.staff[1].pk], course)
    assert not Assignment.objects.exists()
    assert not Enrolment.objects.filter(course=course).exists()


def test_already_completed_course_is_reported_not_assigned(org, course):
    me = org.staff[0]
    learning.enrolment_create(user=me.user, course=course)
    for lesson in course.lessons():
        learning.lesson_complete(user=me.user, lesson=lesson)
    result = bulk(org, [me.pk], course)
    assert result.already_completed == [me.pk] and not result.created


def test_accepting_a_course_recommendation_assigns_with_the_rule_due_days(org, course):
    rule = PembinaanRuleFactory(due_days=21, session_kind="")
    evaluasi = EvaluasiFactory(pegawai=org.staff[0])
    rec = RecommendationFactory(evaluasi=evaluasi, rule=rule, course=course, session_kind="")
    assignment = svc.recommendation_accept(user=org.kepala.user, recommendation=rec)
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.ACCEPTED and rec.decided_by == org.kepala.user
    assert assignment.due_date == today() + datetime.timedelta(days=21)
    assert assignment.recommendation == rec and assignment.evaluasi == evaluasi
    assert assignment.note == rec.reason
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        svc.recommendation_accept(user=org.kepala.user, recommendation=rec)
    assert Assignment.objects.count() == 1


def test_accepting_a_session_recommendation_only_marks_it_accepted(org):
    rec = RecommendationFactory(evaluasi=EvaluasiFactory(pegawai=org.staff[1]))
    assert rec.session_kind == SessionKind.COACHING
    assert svc.recommendation_accept(user=org.kepala.user, recommendation=rec) is None
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.ACCEPTED
    assert not Assignment.objects.exists()


def test_recommendations_of_others_cannot_be_decided(org):
    rec = RecommendationFactory(evaluasi=EvaluasiFactory(pegawai=org.other))
    with pytest.raises(PermissionDenied):
        svc.recommendation_accept(user=org.kepala.user, recommendation=rec)
    with pytest.raises(PermissionDenied):
        svc.recommendation_dismiss(user=org.kepala.user, recommendation=rec, reason="x")
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.OPEN


def test_dismissing_needs_a_reason(org):
    rec = RecommendationFactory(evaluasi=EvaluasiFactory(pegawai=org.staff[0]))
    with pytest.raises(ValidationError, match="alasan"):
        svc.recommendation_dismiss(user=org.kepala.user, recommendation=rec, reason="   ")
    svc.recommendation_dismiss(
        user=org.kepala.user, recommendation=rec, reason="Sudah ikut pelatihan serupa"
    )
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.DISMISSED
    assert rec.dismissed_reason == "Sudah ikut pelatihan serupa"
    assert ModelLogEntry.objects.filter(action="kinerja_link.recommendation.dismiss").exists()


def test_cancel_closes_an_open_assignment_of_my_team_only(org, course):
    mine = svc.assignment_create(
        user=org.kepala.user, pegawai=org.staff[0], course=course, due_date=due()
    )
    foreign = AssignmentFactory(pegawai=org.other, course=course)
    with pytest.raises(PermissionDenied):
        svc.assignment_cancel(user=org.kepala.user, assignment=foreign)
    svc.assignment_cancel(user=org.kepala.user, assignment=mine, reason="Salah pilih")
    mine.refresh_from_db()
    assert mine.status == AssignmentStatus.CANCELLED
    with pytest.raises(ValidationError):
        svc.assignment_cancel(user=org.kepala.user, assignment=mine)
    # A cancelled assignment no longer blocks a new one of the same course.
    again = svc.assignment_create(
        user=org.kepala.user, pegawai=org.staff[0], course=course, due_date=due()
    )
    assert again.pk != mine.pk


def test_real_course_completion_closes_the_assignment_once(
    org, course, django_capture_on_commit_callbacks
):
    me = org.staff[0]
    assignment = svc.assignment_create(
        user=org.kepala.user, pegawai=me, course=course, due_date=due()
    )
    other_course = make_course(lessons=1)
    untouched = svc.assignment_create(
        user=org.kepala.user, pegawai=me, course=other_course, due_date=due()
    )
    lessons = list(course.lessons())
    with django_capture_on_commit_callbacks(execute=True):
        learning.lesson_complete(user=me.user, lesson=lessons[0])
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ASSIGNED
    state = svc.assignment_state(
        Assignment.objects.select_related("enrolment").get(pk=assignment.pk), today=today()
    )
    assert state == AssignmentStatus.IN_PROGRESS  # computed from the enrolment's percent
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        learning.lesson_complete(user=me.user, lesson=lessons[1])
    assert callbacks, "learning announces completion on commit"
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.COMPLETED
    first_completed_at = assignment.completed_at
    # The event arriving twice changes nothing.
    for callback in callbacks:
        callback()
    assignment.refresh_from_db()
    assert assignment.completed_at == first_completed_at
    assert ModelLogEntry.objects.filter(action="kinerja_link.assignment.complete").count() == 1
    untouched.refresh_from_db()
    assert untouched.status == AssignmentStatus.ASSIGNED


def test_mark_overdue_with_a_given_today(org, course):
    later = today() + datetime.timedelta(days=30)
    late = AssignmentFactory(
        pegawai=org.staff[0], course=course, due_date=later - datetime.timedelta(days=1)
    )
    on_time = AssignmentFactory(pegawai=org.staff[1], course=course, due_date=later)
    done = AssignmentFactory(
        pegawai=org.staff[2],
        course=course,
        due_date=today(),
        status=AssignmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    assert svc.assignments_mark_overdue(today=later) == 1
    assert svc.assignments_mark_overdue(today=later) == 0
    late.refresh_from_db(), on_time.refresh_from_db(), done.refresh_from_db()
    assert late.status == AssignmentStatus.OVERDUE
    assert on_time.status == AssignmentStatus.ASSIGNED
    assert done.status == AssignmentStatus.COMPLETED


def test_overdue_job_is_scheduled_daily():
    entries = celery_app.conf.beat_schedule.values()
    assert any(e["task"] == "kinerja_link.tasks.assignments_mark_overdue_task" for e in entries)


def test_belajar_saya_lists_open_assignments_first_with_due_dates(client, org, course):
    me = org.staff[0]
    late_course = make_course(title="Kursus Terlambat", lessons=1)
    svc.assignment_create(user=org.kepala.user, pegawai=me, course=course, due_date=due())
    late = svc.assignment_create(
        user=org.kepala.user, pegawai=me, course=late_course, due_date=due()
    )
    past = today() - datetime.timedelta(days=2)
    Assignment.objects.filter(pk=late.pk).update(status=AssignmentStatus.OVERDUE, due_date=past)
    own = make_course(title="Kursus Pilihan Sendiri", lessons=1)
    learning.enrolment_create(user=me.user, course=own)
    client.force_login(me.user)
    body = client.get(reverse("learning:belajar_saya")).content.decode()
    assert "Lewat tenggat" in body
    assert due().strftime("%Y") in body
    assert body.index("Kursus Terlambat") < body.index("Menyusun SKP dan RHK")
    assert body.index("Menyusun SKP dan RHK") < body.index("Sedang dipelajari")
    assert body.index("Sedang dipelajari") < body.index("Kursus Pilihan Sendiri")


def test_belajar_saya_shows_no_assignment_of_someone_else(client, org, course):
    svc.assignment_create(user=org.kepala.user, pegawai=org.staff[1], course=course, due_date=due())
    client.force_login(org.staff[0].user)
    body = client.get(reverse("learning:belajar_saya")).content.decode()
    assert "Menyusun SKP dan RHK" not in body
    assert "Belum ada penugasan dari pimpinan" in body
