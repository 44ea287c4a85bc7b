"""Deleting a quiz page never deletes its attempts (before: they went with it, unaudited)."""

import pytest

from django.db.models.deletion import ProtectedError
from django.urls import reverse

from learning.quiz import services
from learning.quiz.models import QuizAnswer, QuizAttempt, QuizPage
from tests.factories import UserFactory

from .conftest import answers


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def attempt(quiz, enrolled):
    started = services.attempt_start(user=enrolled, quiz=quiz)
    return services.attempt_submit(user=enrolled, attempt_id=started.pk, data=answers(started))


def test_the_delete_screen_lists_the_attempts_and_refuses(admin_client, quiz, attempt):
    url = reverse("wagtailadmin_pages:delete", args=[quiz.pk])
    text = admin_client.get(url).content.decode()
    assert "digunakan oleh 1 percobaan kuis" in text

    assert admin_client.post(url).status_code == 409
    assert QuizPage.objects.filter(pk=quiz.pk).exists()
    assert QuizAttempt.objects.filter(pk=attempt.pk).exists()
    assert QuizAnswer.objects.filter(attempt=attempt).exists()


def test_deleting_the_course_above_the_quiz_is_refused_for_its_attempts(
    admin_client, course, quiz, attempt
):
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assert response.status_code == 409
    assert "percobaan kuis" in response.content.decode()
    assert QuizAttempt.objects.filter(pk=attempt.pk).exists()


def test_code_cannot_cascade_either(quiz, attempt):
    with pytest.raises(ProtectedError):
        quiz.delete()
