"""Deleting a course page never deletes its enrolments or lesson completions.

Before: the page went, its enrolments and completions with it, Wagtail's screen said
"referenced 0 times" and no audit row named what the cascade removed.
"""

import pytest

from django.db.models.deletion import ProtectedError
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, PageLogEntry

from learning import services
from learning.models import CoursePage, Enrolment, LessonCompletion
from tests.factories import UserFactory

from .factories import lessons_of, make_course


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def learner_records(course, pegawai):
    services.enrolment_create(user=pegawai, course=course)
    services.lesson_complete(user=pegawai, lesson=lessons_of(course)[0])
    return Enrolment.objects.get(user=pegawai, course=course)


def test_the_delete_screen_lists_the_records_and_refuses(admin_client, course, learner_records):
    url = reverse("wagtailadmin_pages:delete", args=[course.pk])

    screen = admin_client.get(url)
    assert screen.status_code == 200
    text = screen.content.decode()
    assert "tidak dapat dihapus" in text
    assert "digunakan oleh 1 pendaftaran kursus" in text
    assert "digunakan oleh 1 pelajaran selesai" in text
    assert "Batalkan terbit" in text
    assert "Yes, delete" not in text and "Ya, hapus" not in text

    refused = admin_client.post(url)
    assert refused.status_code == 409
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert Enrolment.objects.filter(pk=learner_records.pk).exists()
    assert LessonCompletion.objects.filter(enrolment=learner_records).count() == 1


def test_a_lesson_with_completions_is_refused_too(admin_client, course, learner_records):
    lesson = lessons_of(course)[0]
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert response.status_code == 409
    assert "1 pelajaran selesai" in response.content.decode()
    assert Page.objects.filter(pk=lesson.pk).exists()


def test_code_cannot_cascade_either(course, learner_records):
    with pytest.raises(ProtectedError):
        course.delete()
    assert Enrolment.objects.filter(pk=learner_records.pk).exists()


def test_a_bulk_delete_is_refused(admin_client, course, learner_records):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = admin_client.post(f"{url}?id={course.pk}&next=/admin/")
    assert response.status_code == 409
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_course_nobody_took_is_deleted_as_before(admin_client, index):
    spare = make_course(title="Draf salah buat")
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[spare.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=spare.pk).exists()
    assert PageLogEntry.objects.filter(page_id=spare.pk, action="wagtail.delete").exists()


def test_a_deletion_that_is_allowed_is_audited_row_by_row(learner_records):
    completion = LessonCompletion.objects.get(enrolment=learner_records)
    enrolment_id, user_id = learner_records.pk, learner_records.user_id
    learner_records.delete()  # an enrolment deleted on purpose takes its completions

    entries = ModelLogEntry.objects.filter(action="foundation.record.delete")
    by_id = {(e.content_type.model, e.object_id): e for e in entries}
    enrolment_entry = by_id[("enrolment", str(enrolment_id))]
    assert enrolment_entry.deleted
    assert enrolment_entry.data["before"]["user_id"] == user_id
    assert enrolment_entry.data["after"] is None
    completion_id = completion.pk
    assert by_id[("lessoncompletion", str(completion_id))].data["before"]["lesson_id"] == (
        completion.lesson_id
    )
