"""The quiz's part of the course completion rule (see `learning.completion`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from learning.completion import Requirement


def required_quizzes_passed(enrolment) -> Requirement:
    """Each live quiz of the course marked as required counts once its grade passes."""
    from learning.quiz.models import QuizPage
    from learning.quiz.selectors import quiz_grade

    quizzes = (
        QuizPage.objects.child_of(enrolment.course).live().filter(required_for_completion=True)
    )
    pending = [q for q in quizzes if not quiz_grade(quiz=q, user=enrolment.user).passed]
    total = len(quizzes)
    if not pending:
        return Requirement(done=total, total=total)
    return Requirement(
        done=total - len(pending),
        total=total,
        next_url=pending[0].url or "",
        next_label=_("Kerjakan kuis: %(title)s") % {"title": pending[0].title},
    )
