"""Writes of participation: an SKM answer, a feedback, a moderation decision. Each
announces what pembinaan (notifications, the transparency figures) must hear."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from . import events
from .models import (
    ELEMENT_FIELDS,
    FeedbackKind,
    FeedbackStatus,
    Layanan,
    PublicFeedback,
    SurveyResponse,
)
from .selectors import ikm_of, periode_of, unit_pimpinan_user_ids

RESPONDENT_FIELDS = ("usia", "jenis_kelamin", "pendidikan", "pekerjaan")


def ikm_threshold() -> Decimal:
    return Decimal(str(getattr(settings, "PARTICIPATION_IKM_THRESHOLD", "76.61")))


def ikm_min_respondents() -> int:
    return int(getattr(settings, "PARTICIPATION_IKM_MIN_RESPONDENTS", 10))


@transaction.atomic
def survey_submit(*, layanan: Layanan, answers: Mapping[str, object]) -> SurveyResponse:
    """Store one anonymous answer; flag the unit to its pimpinan if its IKM of this
    periode (with enough respondents) falls below the threshold."""
    if not layanan.is_active:
        raise ValidationError(_("Layanan ini tidak sedang menerima survei."))
    scores = {}
    for code in ELEMENT_FIELDS:
        value = answers.get(code)
        if not isinstance(value, int) or not 1 <= value <= 4:
            raise ValidationError(_("Setiap unsur dinilai 1 sampai 4."))
        scores[code] = value
    now = timezone.now()
    response = SurveyResponse.objects.create(
        layanan=layanan,
        submitted_at=now,
        periode=periode_of(now),
        saran=str(answers.get("saran") or "")[:2000],
        **{field: str(answers.get(field) or "") for field in RESPONDENT_FIELDS},
        **scores,
    )
    _flag_unit_if_low(layanan.unit_id, response.periode)
    events.announce(events.public_figures_changed)
    return response


def _flag_unit_if_low(unit_id: int, periode: str) -> None:
    ikm = ikm_of(responses_of_unit_id(unit_id).filter(periode=periode))
    if ikm is None or ikm.respondents < ikm_min_respondents() or ikm.value >= ikm_threshold():
        return
    events.announce(
        events.unit_ikm_below_threshold,
        unit_id=unit_id,
        periode=periode,
        ikm=str(ikm.value),
        threshold=str(ikm_threshold()),
        pimpinan_user_ids=unit_pimpinan_user_ids(unit_id),
    )


def responses_of_unit_id(unit_id: int):
    return SurveyResponse.objects.filter(layanan__unit_id=unit_id)


def feedback_submit(
    *,
    kind: str,
    text: str,
    layanan: Layanan | None = None,
    article_id: int | None = None,
    sender_email: str = "",
    about_staff_service: bool = False,
) -> PublicFeedback:
    """Queue a feedback for moderation; nothing is public until a moderator approves it."""
    if (layanan is None) == (article_id is None):
        raise ValidationError(_("Masukan ditujukan ke satu layanan atau satu artikel."))
    if kind not in FeedbackKind.values or not text.strip():
        raise ValidationError(_("Isi masukan belum lengkap."))
    return PublicFeedback.objects.create(
        kind=kind,
        text=text.strip()[:3000],
        layanan=layanan,
        article_id=article_id,
        unit_id=layanan.unit_id if layanan else None,
        sender_email=sender_email.strip(),
        about_staff_service=about_staff_service and layanan is not None,
        submitted_at=timezone.now(),
    )


@transaction.atomic
def feedback_moderate(
    *, feedback: PublicFeedback, by, status: str, answer: str = ""
) -> PublicFeedback:
    """Approve or reject a feedback and set its public answer. Approved feedback about a
    service given by staff goes to the unit's pimpinan (without any name)."""
    if status not in FeedbackStatus.values:
        raise ValidationError(_("Status tidak dikenal."))
    was_approved = feedback.status == FeedbackStatus.APPROVED
    now = timezone.now()
    feedback.status = status
    answer = answer.strip()
    if answer != feedback.answer:
        feedback.answer = answer
        feedback.answered_at = now if answer else None
    feedback.moderated_by = by
    feedback.moderated_at = now
    feedback.save()
    log(
        instance=feedback,
        action="participation.feedback.moderate",
        user=by,
        data={"status": status, "answered": bool(answer)},
    )
    if status == FeedbackStatus.APPROVED and not was_approved and feedback.about_staff_service:
        layanan = feedback.layanan
        if layanan is not None:
            events.announce(
                events.staff_service_feedback,
                feedback_id=feedback.pk,
                layanan_public_id=str(layanan.public_id),
                layanan_name=layanan.nama,
                pimpinan_user_ids=unit_pimpinan_user_ids(layanan.unit_id),
            )
    events.announce(events.public_figures_changed)
    return feedback


@transaction.atomic
def layanan_save(*, layanan: Layanan, by) -> Layanan:
    created = layanan.pk is None
    layanan.full_clean()
    layanan.save()
    log(
        instance=layanan,
        action="wagtail.create" if created else "wagtail.edit",
        user=by,
    )
    events.announce(events.public_figures_changed)
    return layanan
