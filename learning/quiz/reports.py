"""Reads for pengelola: the essay marking queue and per-quiz statistics.

Facility is the mean fraction a question earned; discrimination compares the upper and
lower thirds of attempts by score (upper mean − lower mean, −1..1): a good question is
answered better by those who did better overall.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Avg, Count, Q

from wagtail.models import Revision

from learning.quiz.grading import GradeState
from learning.quiz.models import AttemptState, Question, QuizAnswer, QuizAttempt, QuizPage
from learning.quiz.types import QuestionData
from learning.scopes import users_managed_by

if TYPE_CHECKING:
    from accounts.models import User


@dataclass
class QueueItem:
    answer: QuizAnswer
    question: QuestionData
    html: str = ""  # the question text, rendered safely by the view


def marking_queue(grader: User, limit: int = 100) -> list[QueueItem]:
    """Essays waiting for a grade from the pegawai this grader looks after."""
    answers_waiting = QuizAnswer.objects.filter(
        grade_state=GradeState.NEEDS_GRADING, attempt__state=AttemptState.FINISHED
    ).exclude(attempt__user=grader)
    if not grader.is_superuser:
        answers_waiting = answers_waiting.filter(
            attempt__user__in=users_managed_by(grader).values("pk")
        )
    answers = list(
        answers_waiting.select_related("attempt__user", "attempt__quiz").order_by(
            "attempt__submitted_at", "slot"
        )[:limit]
    )
    revision_of = {
        (a.pk, entry["slot"]): entry["revision"]
        for a in answers
        for entry in a.attempt.layout
        if entry["slot"] == a.slot
    }
    contents = dict(
        Revision.objects.filter(pk__in=set(revision_of.values())).values_list("pk", "content")
    )
    return [
        QueueItem(a, QuestionData.from_json(contents[revision_of[(a.pk, a.slot)]]["data"]))
        for a in answers
    ]


@dataclass(frozen=True)
class QuestionStats:
    question_id: int
    name: str
    answered: int
    facility: Decimal | None
    discrimination: Decimal | None


def _mean(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def quiz_report(quiz: QuizPage) -> dict:
    finished = QuizAttempt.objects.filter(quiz=quiz, state=AttemptState.FINISHED)
    summary = finished.aggregate(
        attempts=Count("pk"),
        people=Count("user", distinct=True),
        average=Avg("score"),
        passed=Count("pk", filter=Q(passed=True)),
    )
    attempts = list(finished.filter(pending=0).order_by("score").values("pk", "score", "layout"))
    third = len(attempts) // 3
    lower = {a["pk"] for a in attempts[:third]}
    upper = {a["pk"] for a in attempts[len(attempts) - third :]} if third else set()
    question_of = {(a["pk"], e["slot"]): e["question"] for a in attempts for e in a["layout"]}
    fractions: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    rows = QuizAnswer.objects.filter(attempt_id__in=[a["pk"] for a in attempts]).values_list(
        "attempt_id", "slot", "fraction"
    )
    for attempt_id, slot, fraction in rows:
        question_id = question_of.get((attempt_id, slot))
        if question_id is not None and fraction is not None:
            fractions[question_id].append((attempt_id, fraction))
    names = dict(Question.objects.filter(pk__in=fractions).values_list("pk", "name"))
    stats = []
    for question_id, values in fractions.items():
        high = _mean([f for a, f in values if a in upper])
        low = _mean([f for a, f in values if a in lower])
        stats.append(
            QuestionStats(
                question_id,
                names.get(question_id, "?"),
                len(values),
                _mean([f for _a, f in values]),
                high - low if high is not None and low is not None else None,
            )
        )
    stats.sort(key=lambda s: (s.facility is None, s.facility))
    return {"summary": summary, "questions": stats}
