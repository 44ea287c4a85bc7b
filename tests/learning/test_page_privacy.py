"""Enrolling, marking a lesson done and starting a quiz are routes of their pages, so a
course restricted with Wagtail's privacy settings is closed to them as to its pages."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from learning.models import Enrolment, LessonCompletion
from learning.quiz.models import QuizAttempt
from tests.learning.quiz.factories import make_question, make_quiz

from .factories import action_url, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_course(index):
    course = make_course(lessons=2)
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Peserta Latsar 2026"))
    return course


def test_a_pegawai_outside_the_group_cannot_enrol_in_a_restricted_course(
    client, restricted_course, pegawai
):
    client.force_login(pegawai)

    response = client.post(action_url(restricted_course, "enrol"))

    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert not Enrolment.objects.filter(user=pegawai).exists()


def test_a_member_of_the_group_enrols_and_marks_lessons_done(client, restricted_course, pegawai):
    pegawai.groups.add(Group.objects.get(name="Peserta Latsar 2026"))
    client.force_login(pegawai)

    client.post(action_url(restricted_course, "enrol"))
    client.post(action_url(restricted_course.lessons().first(), "done"))

    assert LessonCompletion.objects.filter(enrolment__user=pegawai).count() == 1


def test_marking_a_lesson_of_a_restricted_course_done_is_refused(
    client, restricted_course, pegawai
):
    client.force_login(pegawai)

    client.post(action_url(restricted_course.lessons().first(), "done"))

    assert not LessonCompletion.objects.exists()


def test_a_quiz_inside_a_restricted_course_cannot_be_started_from_outside(
    client, restricted_course, pegawai
):
    quiz = make_quiz(restricted_course, [make_question()])
    client.force_login(pegawai)

    client.post(action_url(quiz, "start"))

    assert not QuizAttempt.objects.filter(user=pegawai).exists()
