"""State changes of the IDP: drafting (prefilled), editing, submitting, deciding.

Who may do what: the pegawai drafts, edits and submits their own plan; their pejabat
penilai (``team_of``) approves it or returns it with a comment. Every change is audited
and the other side is notified in the app (``pembinaan.notifications.notify``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from learning.models import CourseCompetency, CoursePage

from ..models import Pegawai
from ..pembinaan.models import Recommendation, RecommendationStatus, SessionKind
from ..pembinaan.notifications import notify
from ..selectors import team_of
from .models import (
    DevelopmentForm,
    GapKind,
    IdpStatus,
    RencanaItem,
    RencanaPengembangan,
)
from .rules import current_levels, standar_for

if TYPE_CHECKING:
    from accounts.models import User

SESSION_FORMS = {
    SessionKind.COACHING: DevelopmentForm.COACHING,
    SessionKind.MENTORING: DevelopmentForm.MENTORING,
    SessionKind.KONSELING: DevelopmentForm.COACHING,
}
DEFAULT_SESSION_JP = Decimal(2)


@dataclass(frozen=True)
class ItemData:
    """What the pegawai may change on one planned activity."""

    form: str
    target_jp: Decimal
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


def _own_pegawai(user: User) -> Pegawai:
    pegawai = Pegawai.objects.filter(user=user, is_active=True).select_related("unit").first()
    if pegawai is None:
        raise PermissionDenied
    return pegawai


@transaction.atomic
def idp_draft(*, user: User, tahun: int) -> RencanaPengembangan:
    """The user's IDP of ``tahun``; made and prefilled (jabatan gaps, then the evaluation's
    recommendations of that year) when there is none yet."""
    pegawai = _own_pegawai(user)
    rencana, created = RencanaPengembangan.objects.get_or_create(
        pegawai=pegawai, tahun=tahun, defaults={"jabatan": pegawai.jabatan}
    )
    if created:
        items = gap_items(pegawai) + recommendation_items(pegawai, tahun)
        for order, item in enumerate(items):
            item.rencana = rencana
            item.sort_order = order
        RencanaItem.objects.bulk_create(items)
        log(
            instance=rencana,
            action="pengembangan.idp.create",
            user=user,
            data={"items": len(items)},
        )
    return rencana


def _course_for(competency_id: int, level: int) -> CoursePage | None:
    """A live course that brings the competency to at least ``level``, if any."""
    link = (
        CourseCompetency.objects.filter(
            competency_id=competency_id,
            target_level__gte=level,
            course__live=True,
        )
        .select_related("course")
        .order_by("target_level", "course__title")
        .first()
    )
    return link.course if link else None


def gap_items(pegawai: Pegawai) -> list[RencanaItem]:
    """One item per competency of the jabatan's standard below its required level."""
    standar = standar_for(pegawai)
    levels = current_levels(
        pegawai_id=pegawai.pk, competency_ids=[s.competency_id for s in standar]
    )
    items = []
    for row in standar:
        current = levels.get(row.competency_id)
        if current is not None and current.level >= row.required_level:
            continue
        course = _course_for(row.competency_id, row.required_level)
        items.append(
            RencanaItem(
                gap_kind=GapKind.COMPETENCY,
                competency=row.competency,
                required_level=row.required_level,
                current_level=current.level if current else None,
                current_source=current.source if current else "",
                # Who rated and when, for a coach/mentor's rating (the item keeps no more).
                reason=_("Sumber level saat ini: %(source)s") % {"source": current.source_label}
                if current and current.by
                else "",
                form=DevelopmentForm.E_LEARNING if course else DevelopmentForm.PELATIHAN,
                course=course,
                target_jp=Decimal(course.jp or 0) if course else Decimal(0),
            )
        )
    return items


def recommendation_items(pegawai: Pegawai, tahun: int) -> list[RencanaItem]:
    """The evaluation's recommendations of the year (not dismissed) as performance items."""
    recommendations = (
        Recommendation.objects.filter(pegawai=pegawai, evaluasi__periode__tahun=tahun)
        .exclude(status=RecommendationStatus.DISMISSED)
        .select_related("course", "rule__competency")
        .order_by("priority", "pk")
    )
    items = []
    for rec in recommendations:
        course = rec.course
        form = (
            DevelopmentForm.E_LEARNING
            if course
            else SESSION_FORMS.get(SessionKind(rec.session_kind), DevelopmentForm.COACHING)
            if rec.session_kind
            else DevelopmentForm.COACHING
        )
        items.append(
            RencanaItem(
                gap_kind=GapKind.PERFORMANCE,
                competency=rec.rule.competency if rec.rule_id else None,
                reason=rec.reason[:300],
                form=form,
                course=course,
                recommendation=rec,
                target_jp=Decimal(course.jp or 0) if course else DEFAULT_SESSION_JP,
            )
        )
    return items


def _editable_by(user: User, rencana: RencanaPengembangan) -> None:
    if rencana.pegawai.user_id != user.pk:
        raise PermissionDenied
    if not rencana.is_editable:
        raise ValidationError(_("Rencana yang sudah diajukan atau disetujui tidak dapat diubah."))


@transaction.atomic
def idp_items_update(
    *,
    user: User,
    rencana: RencanaPengembangan,
    changes: dict[int, ItemData],
    removed: Iterable[int] = (),
) -> None:
    """Change the forms, JP and dates of the plan's items; drop the removed ones."""
    _editable_by(user, rencana)
    items = {item.pk: item for item in rencana.items.all()}
    gone = [pk for pk in removed if pk in items]
    for pk, data in changes.items():
        item = items.get(pk)
        if item is None or pk in gone:
            continue
        item.form = data.form
        item.target_jp = data.target_jp
        item.start_date = data.start_date
        item.end_date = data.end_date
        item.full_clean(exclude=["rencana", "competency", "course", "recommendation"])
        item.save(update_fields=["form", "target_jp", "start_date", "end_date"])
    if gone:
        RencanaItem.objects.filter(rencana=rencana, pk__in=gone).delete()
    log(
        instance=rencana,
        action="pengembangan.idp.edit",
        user=user,
        data={"changed": sorted(changes), "removed": sorted(gone)},
    )


def _pimpinan_user_id(pegawai: Pegawai) -> int | None:
    penilai = pegawai.pejabat_penilai
    if penilai is None or not penilai.is_active:
        return None
    return penilai.user_id


@transaction.atomic
def idp_submit(*, user: User, rencana: RencanaPengembangan) -> RencanaPengembangan:
    """The pegawai hands the plan to their pejabat penilai, who is notified."""
    rencana = (
        RencanaPengembangan.objects.select_for_update(of=("self",))
        .select_related("pegawai__pejabat_penilai", "pegawai__user")
        .get(pk=rencana.pk)
    )
    _editable_by(user, rencana)
    if not rencana.items.exists():
        raise ValidationError(_("Tambahkan sedikitnya satu kegiatan pengembangan."))
    pimpinan_id = _pimpinan_user_id(rencana.pegawai)
    if pimpinan_id is None:
        raise ValidationError(_("Anda belum memiliki pejabat penilai yang aktif."))
    rencana.status = IdpStatus.SUBMITTED
    rencana.submitted_at = timezone.now()
    rencana.save(update_fields=["status", "submitted_at"])
    log(instance=rencana, action="pengembangan.idp.submit", user=user)
    notify(
        users=[pimpinan_id],
        key=f"idp:{rencana.pk}:submit:{rencana.submitted_at:%Y%m%d%H%M%S}",
        title=_("%(name)s mengajukan rencana pengembangan kompetensi %(year)s")
        % {"name": rencana.pegawai.nama, "year": rencana.tahun},
        url=reverse("pengembangan:detail", args=[rencana.pk]),
    )
    return rencana


def _decide(
    *, user: User, rencana: RencanaPengembangan, status: str, comment: str
) -> RencanaPengembangan:
    rencana = (
        RencanaPengembangan.objects.select_for_update(of=("self",))
        .select_related("pegawai__user")
        .get(pk=rencana.pk)
    )
    if not team_of(user).filter(pk=rencana.pegawai_id).exists():
        raise PermissionDenied
    if rencana.status != IdpStatus.SUBMITTED:
        raise ValidationError(_("Hanya rencana yang sedang diajukan yang dapat diputuskan."))
    before = rencana.status
    rencana.status = status
    rencana.pimpinan_comment = comment
    rencana.decided_at = timezone.now()
    rencana.decided_by = user
    rencana.save(update_fields=["status", "pimpinan_comment", "decided_at", "decided_by"])
    log(
        instance=rencana,
        action=f"pengembangan.idp.{status}",
        user=user,
        data={"status": [before, status]},
    )
    title = (
        _("Rencana pengembangan kompetensi %(year)s Anda disetujui")
        if status == IdpStatus.APPROVED
        else _("Rencana pengembangan kompetensi %(year)s Anda dikembalikan untuk diperbaiki")
    )
    notify(
        users=[rencana.pegawai.user_id],
        key=f"idp:{rencana.pk}:{status}:{rencana.decided_at:%Y%m%d%H%M%S}",
        title=title % {"year": rencana.tahun},
        url=reverse("pengembangan:detail", args=[rencana.pk]),
    )
    return rencana


@transaction.atomic
def idp_approve(
    *, user: User, rencana: RencanaPengembangan, comment: str = ""
) -> RencanaPengembangan:
    return _decide(user=user, rencana=rencana, status=IdpStatus.APPROVED, comment=comment.strip())


@transaction.atomic
def idp_return(*, user: User, rencana: RencanaPengembangan, comment: str) -> RencanaPengembangan:
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Tuliskan apa yang perlu diperbaiki.")})
    return _decide(user=user, rencana=rencana, status=IdpStatus.RETURNED, comment=comment)
