"""The completion rule of a course, in one place.

A course is complete when every *requirement* is met. Each requirement reports how many
of its units are done out of how many exist; progress is the sum over requirements, so
a requirement another app adds (the quiz) also moves the progress bar.

Built in: every live lesson marked done. Other apps add theirs with a Wagtail hook in
their ``wagtail_hooks.py``::

    @hooks.register(COMPLETION_REQUIREMENT_HOOK)  # "bina_completion_requirement"
    def required_quiz_passed(enrolment) -> Requirement:
        ...  # Requirement(done=number passed, total=number of required quizzes)

and nothing else here changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wagtail import hooks

if TYPE_CHECKING:
    from learning.models import Enrolment

COMPLETION_REQUIREMENT_HOOK = "bina_completion_requirement"


@dataclass(frozen=True)
class Requirement:
    done: int
    total: int
    # Where a pegawai goes to meet it (e.g. the quiz not yet passed), shown as the next step
    # once every lesson is done; empty when the requirement has no page of its own.
    next_url: str = ""
    next_label: str = ""

    @property
    def met(self) -> bool:
        return self.done >= self.total


def lessons_done(enrolment: Enrolment) -> Requirement:
    from learning.models import LessonCompletion, LessonPage

    lesson_ids = LessonPage.objects.child_of(enrolment.course).live().values("pk")
    total = lesson_ids.count()
    done = LessonCompletion.objects.filter(enrolment=enrolment, lesson_id__in=lesson_ids).count()
    return Requirement(done=min(done, total), total=total)


@dataclass(frozen=True)
class Progress:
    percent: int
    complete: bool


@dataclass(frozen=True)
class NextStep:
    url: str
    label: str


def next_step(enrolment: Enrolment) -> NextStep | None:
    """The first unmet requirement other apps registered that has a page to go to (the
    course's quiz), for the pegawai who has finished every lesson."""
    for check in hooks.get_hooks(COMPLETION_REQUIREMENT_HOOK):
        result = check(enrolment)
        if not result.met and result.next_url:
            return NextStep(url=result.next_url, label=result.next_label)
    return None


def evaluate(enrolment: Enrolment) -> Progress:
    """Where an enrolment stands. A course with nothing to do is never complete."""
    checks = [lessons_done, *hooks.get_hooks(COMPLETION_REQUIREMENT_HOOK)]
    results = [check(enrolment) for check in checks]
    total = sum(r.total for r in results)
    done = sum(r.done for r in results)
    if total == 0:
        return Progress(percent=0, complete=False)
    complete = all(r.met for r in results)
    percent = 100 if complete else min(99, done * 100 // total)
    return Progress(percent=percent, complete=complete)
