"""Kirkpatrick level 3: 1–3 months after a course the pegawai's pimpinan rates the change
in behaviour at work for the course's competency (1–5 and an optional note).

``l3_request`` is the daily beat job: set-based (one read of the due enrolments, one of
their courses' competencies, one insert, one insert of notifications) and idempotent (one
request per enrolment by the unique key; notifications keyed per pimpinan and day).
Only the pegawai's pejabat penilai at the time of answering may answer (``l3_answer``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.log_actions import log

from learning.models import CourseCompetency, Enrolment, EnrolmentStatus

from ..models import Pegawai
from ..pembinaan.notifications import notify
from .models import PenilaianPascaPelatihan

if TYPE_CHECKING:
    from accounts.models import User


def l3_window(now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """Completions in (earliest, latest] are due for a level-3 request at ``now``."""
    latest = now - datetime.timedelta(days=settings.EVALUASI_L3_DELAY_DAYS)
    earliest = now - datetime.timedelta(days=settings.EVALUASI_L3_WINDOW_END_DAYS)
    return earliest, latest


def _first_competencies(course_ids: set[int]) -> dict[int, int]:
    """Course id -> the first competency it teaches (the editors' order)."""
    first: dict[int, int] = {}
    for course_id, competency_id in (
        CourseCompetency.objects.filter(course_id__in=course_ids)
        .order_by("course_id", "sort_order", "pk")
        .values_list("course_id", "competency_id")
    ):
        first.setdefault(course_id, competency_id)
    return first


def l3_request(*, now: datetime.datetime | None = None) -> int:
    """Ask the pimpinan about every due completion not yet asked; returns how many."""
    now = now or timezone.now()
    earliest, latest = l3_window(now)
    due = list(
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED,
            completed_at__gt=earliest,
            completed_at__lte=latest,
            penilaian_pasca__isnull=True,
            user__pegawai__is_active=True,
            user__pegawai__pejabat_penilai__is_active=True,
        ).values_list(
            "pk",
            "course_id",
            "user__pegawai__pk",
            "user__pegawai__pejabat_penilai_id",
            "user__pegawai__pejabat_penilai__user_id",
        )
    )
    if not due:
        return 0
    competencies = _first_competencies({row[1] for row in due})
    PenilaianPascaPelatihan.objects.bulk_create(
        [
            PenilaianPascaPelatihan(
                enrolment_id=enrolment_id,
                pegawai_id=pegawai_id,
                pimpinan_id=pimpinan_id,
                competency_id=competencies.get(course_id),
            )
            for enrolment_id, course_id, pegawai_id, pimpinan_id, _user in due
        ],
        ignore_conflicts=True,  # a concurrent run asked first: nothing doubles
    )
    per_pimpinan = Counter(row[4] for row in due)
    url = reverse("pengembangan:evaluasi_team")
    for user_id, count in per_pimpinan.items():
        notify(
            users=[user_id],
            key=f"evaluasi-l3:{now:%Y%m%d}",
            title=ngettext(
                "%(n)d anggota tim selesai pelatihan: nilai perubahan perilakunya",
                "%(n)d anggota tim selesai pelatihan: nilai perubahan perilakunya",
                count,
            )
            % {"n": count},
            url=url,
        )
    return len(due)


def l3_open_for(user: User) -> QuerySet[PenilaianPascaPelatihan]:
    """Requests the user may answer now: for pegawai whose pejabat penilai they are."""
    return (
        PenilaianPascaPelatihan.objects.filter(
            answered_at__isnull=True,
            pegawai__is_active=True,
            pegawai__pejabat_penilai__user=user,
            pegawai__pejabat_penilai__is_active=True,
        )
        .select_related("pegawai__user", "enrolment__course", "competency")
        .order_by("asked_at", "pk")
    )


def l3_answer(
    *, user: User, penilaian: PenilaianPascaPelatihan, rating: int, note: str = ""
) -> PenilaianPascaPelatihan:
    """The pegawai's current pejabat penilai rates the change, once."""
    with transaction.atomic():
        locked = PenilaianPascaPelatihan.objects.select_for_update().get(pk=penilaian.pk)
        pimpinan = (
            Pegawai.objects.filter(pk=locked.pegawai_id).values_list(
                "pejabat_penilai__user_id", "pejabat_penilai__is_active"
            )
        ).first()
        if pimpinan is None or not pimpinan[1] or pimpinan[0] != user.pk:
            raise PermissionDenied(_("Hanya pejabat penilai pegawai ini yang dapat menilai."))
        if not locked.is_open:
            raise ValidationError(_("Penilaian ini sudah diisi."))
        if rating not in range(1, 6):
            raise ValidationError(_("Pilih nilai 1 sampai 5."))
        locked.rating = rating
        locked.note = note.strip()[:1000]
        locked.answered_by = user
        locked.answered_at = timezone.now()
        locked.save(update_fields=["rating", "note", "answered_by", "answered_at"])
    log(instance=locked, action="pengembangan.l3.answer", user=user)
    return locked
