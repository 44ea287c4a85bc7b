"""Level 2: the gain from the first pre-test attempt to the best final-quiz score."""

from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.quiz.gain import average_gain, gains
from learning.quiz.models import AttemptState, QuizAttempt, QuizPage

from .factories import make_quiz

pytestmark = pytest.mark.django_db


def finished(user, quiz, number, score):
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        number=number,
        state=AttemptState.FINISHED,
        submitted_at=timezone.now(),
        score=Decimal(score),
    )


@pytest.fixture
def quizzes(course):
    final = make_quiz(course, title="Kuis akhir")
    pretest = make_quiz(course, title="Pre-test", is_pretest=True, required_for_completion=False)
    return pretest, final


def test_gain_is_the_best_post_test_minus_the_first_pre_test(
    course, quizzes, pegawai, other_pegawai
):
    pretest, final = quizzes
    finished(pegawai, pretest, 1, "40")
    finished(pegawai, pretest, 2, "90")  # a retake of the pre-test is not what they knew before
    finished(pegawai, final, 1, "60")
    finished(pegawai, final, 2, "85")
    finished(other_pegawai, pretest, 1, "50")  # no post-test yet: not counted
    QuizAttempt.objects.create(user=other_pegawai, quiz=final, number=1)  # in progress
    found = gains(course_ids=[course.pk])
    assert set(found) == {(course.pk, pegawai.pk)}
    assert (found[(course.pk, pegawai.pk)].pre, found[(course.pk, pegawai.pk)].post) == (40, 85)
    assert found[(course.pk, pegawai.pk)].gain == 45
    finished(other_pegawai, final, 1 + 1, "70")
    both = gains(course_ids=[course.pk])
    assert average_gain(both.values()) == Decimal("32.5")  # (45 + 20) / 2
    assert gains(course_ids=[course.pk], user_ids=[other_pegawai.pk]).keys() == {
        (course.pk, other_pegawai.pk)
    }


def test_a_course_without_a_pre_test_has_no_gain(course, pegawai):
    final = make_quiz(course, title="Kuis akhir")
    finished(pegawai, final, 1, "80")
    assert gains(course_ids=[course.pk]) == {}


def test_one_pre_test_and_one_final_quiz_per_course_and_a_pre_test_is_never_required(
    course, quizzes
):
    pretest, _final = quizzes
    assert not QuizPage.can_create_at(course)
    pretest.required_for_completion = True
    pretest.clean()
    assert pretest.required_for_completion is False
    second = QuizPage.objects.get(pk=_final.pk)
    second.is_pretest = True
    with pytest.raises(ValidationError):
        second.clean()
