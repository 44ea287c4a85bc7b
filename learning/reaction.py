"""Level 1 of the post-training evaluation: the reaction survey after a course.

Optional but prompted: the course page offers it once the course is complete, until the
pegawai answers it. One response per enrolment (the database's unique key agrees).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from learning.models import CoursePage, Enrolment, ReactionQuestion, ReactionResponse

if TYPE_CHECKING:
    from accounts.models import User

SCALE = range(1, 6)


@dataclass(frozen=True)
class SurveyQuestion:
    key: str
    text: str | Promise  # the default set's texts are lazy: translated when shown


# The default set: relevance to the job, clarity, applicability, quality of the material
# and facilitator. Their keys are stable so the report compares courses that use them.
DEFAULT_QUESTIONS = (
    SurveyQuestion("relevansi", gettext_lazy("Materi relevan dengan pekerjaan saya")),
    SurveyQuestion("kejelasan", gettext_lazy("Materi disampaikan dengan jelas")),
    SurveyQuestion("penerapan", gettext_lazy("Saya dapat menerapkannya dalam pekerjaan")),
    SurveyQuestion("kualitas", gettext_lazy("Mutu materi dan fasilitator baik")),
)


def questions_for(course: CoursePage) -> list[SurveyQuestion]:
    """The course's own questions in their order, or the default set."""
    own = ReactionQuestion.objects.filter(course=course).order_by("sort_order", "pk")
    return [SurveyQuestion(q.key, q.text) for q in own] or list(DEFAULT_QUESTIONS)


def survey_pending(enrolment: Enrolment | None) -> bool:
    """Whether to prompt: the course is complete and the survey not yet answered."""
    if enrolment is None or not enrolment.is_completed:
        return False
    return not ReactionResponse.objects.filter(enrolment=enrolment).exists()


def reaction_submit(
    *, user: User, enrolment: Enrolment, scores: dict[str, int], comment: str = ""
) -> ReactionResponse:
    """Store the pegawai's own answers to a completed course's survey, once."""
    if enrolment.user_id != user.pk:
        raise PermissionDenied
    if not enrolment.is_completed:
        raise ValidationError(_("Survei dibuka setelah kursus selesai."))
    questions = questions_for(enrolment.course)
    if set(scores) != {q.key for q in questions} or any(
        score not in SCALE for score in scores.values()
    ):
        raise ValidationError(_("Jawab setiap pertanyaan dengan nilai 1 sampai 5."))
    try:
        with transaction.atomic():
            response = ReactionResponse.objects.create(
                enrolment=enrolment,
                scores=scores,
                labels={q.key: str(q.text) for q in questions},
                comment=comment.strip()[:2000],
            )
    except IntegrityError:
        raise ValidationError(_("Survei kursus ini sudah Anda isi.")) from None
    log(instance=response, action="learning.reaction.submit", user=user)
    return response
