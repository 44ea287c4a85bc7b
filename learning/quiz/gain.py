"""Kirkpatrick level 2: the gain from a course's pre-test to its final quiz (post-test).

Pre = the score of the pegawai's first finished pre-test attempt (what they knew before);
post = their best finished score on the course's final quiz (the one that is not the
pre-test; ``GradingMethod.HIGHEST``, the default). Gain = post − pre, in score points (%).
A pegawai counts only with both. Set-based: two queries whatever the number of courses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min

from wagtail.models import Page

from learning.quiz.models import AttemptState, QuizAttempt, QuizPage


@dataclass(frozen=True)
class Gain:
    pre: Decimal
    post: Decimal

    @property
    def gain(self) -> Decimal:
        return self.post - self.pre


def _course_of_quizzes(course_ids: Iterable[int]) -> dict[int, tuple[int, bool]]:
    """Quiz id -> (course id, is pre-test), for the quizzes directly under the courses.
    A course has at most two quizzes, so reading every quiz's path is a small query."""
    wanted = set(course_ids)
    if not wanted:
        return {}
    course_by_path = dict(Page.objects.filter(pk__in=wanted).values_list("path", "pk"))
    result = {}
    for pk, path, is_pretest in QuizPage.objects.values_list("pk", "path", "is_pretest"):
        course_id = course_by_path.get(path[: -QuizPage.steplen])
        if course_id is not None:
            result[pk] = (course_id, is_pretest)
    return result


def gains(
    *, course_ids: Iterable[int], user_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], Gain]:
    """(course id, user id) -> Gain, for pegawai with a pre-test and a final-quiz score."""
    quizzes = _course_of_quizzes(course_ids)
    if not any(pre for _, pre in quizzes.values()):
        return {}
    attempts = QuizAttempt.objects.filter(
        quiz_id__in=quizzes, state=AttemptState.FINISHED, score__isnull=False
    )  # score is set on every finished attempt counted here
    if user_ids is not None:
        attempts = attempts.filter(user_id__in=list(user_ids))
    first_number = {
        (row["quiz_id"], row["user_id"]): row["n"]
        for row in attempts.filter(quiz_id__in=[q for q, (_, pre) in quizzes.items() if pre])
        .values("quiz_id", "user_id")
        .annotate(n=Min("number"))
    }
    pre: dict[tuple[int, int], Decimal] = {}
    post: dict[tuple[int, int], Decimal] = {}
    for quiz_id, user_id, number, maybe_score in attempts.values_list(
        "quiz_id", "user_id", "number", "score"
    ):
        score = Decimal(maybe_score or 0)
        course_id, is_pretest = quizzes[quiz_id]
        key = (course_id, user_id)
        if is_pretest:
            if first_number.get((quiz_id, user_id)) == number:
                pre[key] = score
        else:
            post[key] = max(post.get(key, score), score)
    return {key: Gain(pre=pre[key], post=post[key]) for key in pre.keys() & post.keys()}


def average_gain(values: Iterable[Gain]) -> Decimal | None:
    found = [g.gain for g in values]
    if not found:
        return None
    return (sum(found, Decimal(0)) / len(found)).quantize(Decimal("0.1"))
