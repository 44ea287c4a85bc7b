"""The quiz's part of the course completion rule (see `learning.completion`)."""

from __future__ import annotations

from learning.completion import Requirement


def required_quizzes_passed(enrolment) -> Requirement:
    """Each live quiz of the course marked as required counts once its grade passes."""
    from learning.quiz.models import QuizPage
    from learning.quiz.selectors import quiz_grade

    quizzes = (
        QuizPage.objects.child_of(enrolment.course).live().filter(required_for_completion=True)
    )
    quizzes = list(quizzes)
    done = sum(1 for quiz in quizzes if quiz_grade(quiz=quiz, user=enrolment.user).passed)
    return Requirement(done=done, total=len(quizzes))
