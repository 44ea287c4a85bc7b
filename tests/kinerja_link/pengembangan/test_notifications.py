"""Part 4 of issue 16: the pegawai hears of an assignment; the pimpinan of a completion,
a missed due date and a submitted IDP (the last in test_views)."""

import datetime

import pytest

from django.utils import timezone

from kinerja_link.pembinaan import assignments as svc
from kinerja_link.pembinaan.models import Notification
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def assignment(org):
    course = make_course(title="Menyusun SKP", lessons=0)
    return svc.assignment_create(
        user=org.kepala.user,
        pegawai=org.staff[0],
        course=course,
        due_date=TODAY + datetime.timedelta(days=10),
    )


def test_the_pegawai_is_notified_of_an_assignment_once(org, assignment):
    notes = Notification.objects.filter(user=org.staff[0].user, key__endswith=":assigned")
    assert [n.title for n in notes] == ["Kursus baru ditugaskan: “Menyusun SKP”"]
    svc.assignment_create(
        user=org.kepala.user,
        pegawai=org.staff[0],
        course=assignment.course,
        due_date=assignment.due_date,
    )
    assert notes.count() == 1
    assert not Notification.objects.filter(user=org.staff[1].user).exists()


def test_the_pimpinan_is_notified_of_a_completion_once(org, assignment):
    for _run in range(2):
        svc.assignments_complete(user_id=org.staff[0].user_id, course_id=assignment.course_id)
    notes = Notification.objects.filter(user=org.kepala.user, key__contains=":completed:")
    assert notes.count() == 1
    assert org.staff[0].nama in notes.get().title


def test_the_pimpinan_is_notified_of_a_missed_due_date_once(org, assignment):
    later = assignment.due_date + datetime.timedelta(days=1)
    svc.assignments_mark_overdue(today=later)
    svc.assignments_mark_overdue(today=later + datetime.timedelta(days=1))
    notes = Notification.objects.filter(user=org.kepala.user, key__contains=":overdue:")
    assert notes.count() == 1
    assert "melewati tenggat" in notes.get().title
    assert not Notification.objects.filter(
        user=org.staff[0].user, key__contains=":overdue:pimpinan"
    )
