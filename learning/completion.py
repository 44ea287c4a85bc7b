"""The completion rule of a course, in one place.

A course is complete when every *requirement* is met. Each requirement reports how many
of its units are done out of how many exist; progress is the sum over requirements, so
a requirement added later (the quiz) also moves the progress bar.

Built in: every live lesson marked done. The quiz issue plugs in with::

    from learning.completion import Requirement, register_requirement

    @register_requirement
    def required_quiz_passed(enrolment) -> Requirement:
        ...  # Requirement(done=1 if passed else 0, total=number of required quizzes)

and nothing else here changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from learning.models import Enrolment


@dataclass(frozen=True)
class Requirement:
    done: int
    total: int

    @property
    def met(self) -> bool:
        return self.done >= self.total


RequirementCheck = Callable[["Enrolment"], Requirement]
_requirements: list[RequirementCheck] = []


def register_requirement(check: RequirementCheck) -> RequirementCheck:
    """Add a requirement to every course's completion rule (idempotent per function)."""
    if check not in _requirements:
        _requirements.append(check)
    return check


def lessons_done(enrolment: Enrolment) -> Requirement:
    from learning.models import LessonCompletion, LessonPage

    lesson_ids = LessonPage.objects.child_of(enrolment.course).live().values("pk")
    total = lesson_ids.count()
    done = LessonCompletion.objects.filter(enrolment=enrolment, lesson_id__in=lesson_ids).count()
    return Requirement(done=min(done, total), total=total)


register_requirement(lessons_done)


@dataclass(frozen=True)
class Progress:
    percent: int
    complete: bool


def evaluate(enrolment: Enrolment) -> Progress:
    """Where an enrolment stands. A course with nothing to do is never complete."""
    results = [check(enrolment) for check in _requirements]
    total = sum(r.total for r in results)
    done = sum(r.done for r in results)
    if total == 0:
        return Progress(percent=0, complete=False)
    complete = all(r.met for r in results)
    percent = 100 if complete else min(99, done * 100 // total)
    return Progress(percent=percent, complete=complete)
