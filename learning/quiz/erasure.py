"""quiz's part of a personal-data erasure. ``kinerja_link.personal_data`` orchestrates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.models import Revision

from .models import QuizAnswer
from .types import QuestionType

if TYPE_CHECKING:
    from accounts.models import User


def quiz_personal_data_erase(user: User) -> dict[str, int]:
    """Essay texts and grader comments go; choices and short answers stay, so a regrade
    after a question is corrected still gives the same score."""
    answers = list(QuizAnswer.objects.filter(attempt__user=user).select_related("attempt"))
    revision_of = {
        answer.pk: entry.get("revision")
        for answer in answers
        for entry in answer.attempt.layout
        if entry.get("slot") == answer.slot
    }
    qtype_of = dict(
        Revision.objects.filter(pk__in=set(revision_of.values())).values_list(
            "pk", "content__data__qtype"
        )
    )
    essays = [a for a in answers if qtype_of.get(revision_of.get(a.pk)) == QuestionType.ESSAY]
    for answer in essays:
        answer.response = None
    for answer in answers:
        answer.grader_comment = ""
    QuizAnswer.objects.bulk_update(answers, ["response", "grader_comment"], batch_size=500)
    return {"jawaban_esai": len(essays)}
