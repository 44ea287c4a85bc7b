"""After the last lesson the pegawai is told what is left: the quiz, or the certificate."""

import pytest

from django.urls import reverse

from learning.models import Certificate
from learning.quiz import services
from tests.learning.factories import action_url

from .conftest import answers
from .factories import make_question, make_quiz, single_choice

pytestmark = pytest.mark.django_db


def test_after_the_last_lesson_the_course_page_points_to_the_quiz_then_the_certificate(
    client, course, enrolled
):
    quiz = make_quiz(course, [make_question(single_choice())], pass_mark=50)
    client.force_login(enrolled)
    lessons = list(course.lessons())
    for lesson in lessons[:-1]:
        response = client.post(action_url(lesson, "done"))
        assert response.url != course.url  # on to the next lesson, no next-step yet

    response = client.post(action_url(lessons[-1], "done"), follow=True)

    assert response.redirect_chain[-1][0] == course.url
    html = response.content.decode()
    assert "Semua pelajaran selesai. Langkah berikutnya: Kerjakan kuis: Kuis." in html
    assert f'<a class="button" href="{quiz.url}">Kerjakan kuis: Kuis</a>' in html
    assert "Kursus selesai." not in html

    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1"))
    html = client.get(course.url).content.decode()

    certificate = Certificate.objects.get(enrolment__user=enrolled)
    assert "Kursus selesai." in html
    assert reverse("learning:certificate_download", args=[certificate.uuid]) in html
    assert "Kerjakan kuis" not in html


def test_course_without_a_quiz_is_complete_after_the_last_lesson(client, course, enrolled):
    client.force_login(enrolled)
    for lesson in course.lessons():
        response = client.post(action_url(lesson, "done"), follow=True)
    html = response.content.decode()
    assert "Selamat, kursus ini selesai!" in html and "Unduh sertifikat" in html
    assert "Langkah berikutnya" not in html
