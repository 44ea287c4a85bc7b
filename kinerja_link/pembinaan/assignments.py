"""Assignments: a pimpinan assigns a course to members of their own team.

Every state change of an ``Assignment`` goes through this module, except completion,
which comes only from learning's ``course_completed`` event (``assignment_receivers``).

Status: ``assigned`` and ``overdue`` are stored; "sedang berjalan" (in progress) is
*computed at read time* from the enrolment's percent (``assignment_state``), because
learning announces completion but not each lesson, and a stored copy of the percent
would go stale. ``overdue`` is stored by the daily ``assignments_mark_overdue`` job so
reminders and reports can filter on it in SQL.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from foundation.audit.bulk import log_entries_bulk
from foundation.audit.changes import changes, snapshot
from learning.models import CoursePage
from learning.services import enrolments_create_bulk

from ..models import Pegawai
from ..selectors import team_of
from .assignment_notices import notify_assigned, notify_completed, notify_overdue
from .models import Assignment, AssignmentStatus, Recommendation, RecommendationStatus
from .team import team_members

if TYPE_CHECKING:
    from accounts.models import User

NOTE_MAX = 2000


# What the audit trail records of a new assignment.
ASSIGNMENT_AUDITED_FIELDS = ("pegawai", "course", "due_date", "note", "status", "recommendation")


@dataclass
class BulkResult:
    created: list[Assignment] = field(default_factory=list)
    already_open: list[int] = field(default_factory=list)  # pegawai ids
    already_completed: list[int] = field(default_factory=list)  # pegawai ids


# --- Creating ----------------------------------------------------------------------------


def _validate(
    *, course: CoursePage, due_date: datetime.date, note: str, today: datetime.date
) -> None:
    if not course.live:
        raise ValidationError(_("Kursus ini tidak tersedia."))
    if due_date is None or due_date <= today:
        raise ValidationError(_("Tenggat harus setelah hari ini."))
    if len(note) > NOTE_MAX:
        raise ValidationError(_("Catatan paling banyak %(max)d karakter.") % {"max": NOTE_MAX})


def _parse_ids(pegawai_ids: Iterable[int | str]) -> list[int]:
    try:
        ids = sorted({int(pk) for pk in pegawai_ids})
    except (TypeError, ValueError):
        raise ValidationError(_("Daftar pegawai tidak valid.")) from None
    if not ids:
        raise ValidationError(_("Pilih minimal satu pegawai."))
    return ids


def assignments_bulk_create(
    *,
    user: User,
    pegawai_ids: Iterable[int | str],
    course: CoursePage,
    due_date: datetime.date,
    note: str = "",
    recommendation: Recommendation | None = None,
    today: datetime.date | None = None,
) -> BulkResult:
    """Assign ``course`` to several team members: all of them or none.

    A single id outside the user's team (or unknown) rejects the whole request; the
    rejection is audited. A member with an open assignment of this course keeps it (no
    duplicate); one who already completed the course is reported, not assigned.
    """
    today = today or timezone.localdate()
    note = (note or "").strip()
    ids = _parse_ids(pegawai_ids)
    _validate(course=course, due_date=due_date, note=note, today=today)
    members = team_members(user=user, ids=ids, action="assignment", course=course.pk)
    try:
        with transaction.atomic():
            return _bulk_write(
                user=user,
                members=members,
                course=course,
                due_date=due_date,
                note=note,
                recommendation=recommendation,
            )
    except IntegrityError:
        # Another request assigned the same course to the same pegawai a moment ago.
        raise ValidationError(
            _("Penugasan yang sama sedang dibuat oleh permintaan lain. Muat ulang halaman.")
        ) from None


def _bulk_write(
    *,
    user: User,
    members: list[Pegawai],
    course: CoursePage,
    due_date: datetime.date,
    note: str,
    recommendation: Recommendation | None,
) -> BulkResult:
    result = BulkResult()
    open_for = set(
        Assignment.objects.filter(
            pegawai__in=members, course=course, status__in=AssignmentStatus.open_values()
        ).values_list("pegawai_id", flat=True)
    )
    result.already_open = sorted(open_for)
    todo = [m for m in members if m.pk not in open_for]
    enrolments = (
        enrolments_create_bulk(users=[m.user for m in todo], course=course, actor=user)
        if todo
        else {}
    )
    result.already_completed = [m.pk for m in todo if enrolments[m.user_id].is_completed]
    completed = set(result.already_completed)
    rows = [
        Assignment(
            pegawai=member,
            course=course,
            assigned_by=user,
            recommendation=recommendation,
            evaluasi_id=recommendation.evaluasi_id if recommendation else None,
            enrolment=enrolments[member.user_id],
            due_date=due_date,
            note=note,
        )
        for member in todo
        if member.pk not in completed
    ]
    result.created = _insert(rows, course=course, user=user) if rows else []
    return result


def _insert(rows: list[Assignment], *, course: CoursePage, user: User) -> list[Assignment]:
    """One insert, a re-read and one insert of audit entries."""
    Assignment.objects.bulk_create(rows)
    # Re-read rather than trust bulk_create's pks (not every backend returns them):
    # these members had no open assignment of the course, so these rows are ours.
    created = list(
        Assignment.objects.filter(
            pegawai__in=[a.pegawai_id for a in rows],
            course=course,
            status__in=AssignmentStatus.open_values(),
        ).select_related("pegawai__user")
    )
    log_entries_bulk(
        Assignment,
        "kinerja_link.assignment.create",
        [(a.pk, str(a), changes(None, snapshot(a, ASSIGNMENT_AUDITED_FIELDS))) for a in created],
        user_id=user.pk,
    )
    notify_assigned([a.pk for a in created])
    return created


def assignment_create(
    *,
    user: User,
    pegawai: Pegawai,
    course: CoursePage,
    due_date: datetime.date,
    note: str = "",
    recommendation: Recommendation | None = None,
    today: datetime.date | None = None,
) -> Assignment:
    """Assign one course to one team member; an open assignment of it is returned as is."""
    result = assignments_bulk_create(
        user=user,
        pegawai_ids=[pegawai.pk],
        course=course,
        due_date=due_date,
        note=note,
        recommendation=recommendation,
        today=today,
    )
    if result.created:
        return result.created[0]
    if result.already_completed:
        raise ValidationError(_("Pegawai ini sudah menyelesaikan kursus tersebut."))
    return Assignment.objects.get(
        pegawai=pegawai, course=course, status__in=AssignmentStatus.open_values()
    )


# --- Recommendations ---------------------------------------------------------------------


def _open_recommendation(*, user: User, recommendation: Recommendation) -> Recommendation:
    """Lock the recommendation; it must be open and for a member of the user's team."""
    locked = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("rule", "course")
        .filter(pk=recommendation.pk, pegawai__in=team_of(user))
        .first()
    )
    if locked is None:
        raise PermissionDenied
    if locked.status != RecommendationStatus.OPEN:
        raise ValidationError(_("Rekomendasi ini sudah diputuskan."))
    return locked


@transaction.atomic
def recommendation_accept(
    *,
    user: User,
    recommendation: Recommendation,
    due_date: datetime.date | None = None,
    note: str = "",
    today: datetime.date | None = None,
) -> Assignment | None:
    """Accept a recommendation. A course becomes an assignment (due today + the rule's
    days unless given); a session is marked accepted, to be recorded as a session."""
    today = today or timezone.localdate()
    rec = _open_recommendation(user=user, recommendation=recommendation)
    assignment = None
    if rec.course is not None:
        due_date = due_date or today + datetime.timedelta(days=rec.rule.due_days)
        assignment = assignment_create(
            user=user,
            pegawai=rec.pegawai,
            course=rec.course,
            due_date=due_date,
            note=note or rec.reason,
            recommendation=rec,
            today=today,
        )
    rec.status = RecommendationStatus.ACCEPTED
    rec.decided_by = user
    rec.decided_at = timezone.now()
    rec.save(update_fields=["status", "decided_by", "decided_at"])
    log(
        instance=rec,
        action="kinerja_link.recommendation.accept",
        user=user,
        data={"assignment": assignment.pk if assignment else None},
    )
    return assignment


@transaction.atomic
def recommendation_dismiss(
    *, user: User, recommendation: Recommendation, reason: str
) -> Recommendation:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tuliskan alasan rekomendasi ini diabaikan."))
    if len(reason) > NOTE_MAX:
        raise ValidationError(_("Alasan paling banyak %(max)d karakter.") % {"max": NOTE_MAX})
    rec = _open_recommendation(user=user, recommendation=recommendation)
    rec.status = RecommendationStatus.DISMISSED
    rec.dismissed_reason = reason
    rec.decided_by = user
    rec.decided_at = timezone.now()
    rec.save(update_fields=["status", "dismissed_reason", "decided_by", "decided_at"])
    log(instance=rec, action="kinerja_link.recommendation.dismiss", user=user)
    return rec


# --- Other transitions -------------------------------------------------------------------


@transaction.atomic
def assignment_cancel(*, user: User, assignment: Assignment, reason: str = "") -> Assignment:
    """The pimpinan withdraws an open assignment; the enrolment stays (learning is free)."""
    locked = (
        Assignment.objects.select_for_update(of=("self",))
        .filter(pk=assignment.pk, pegawai__in=team_of(user))
        .first()
    )
    if locked is None:
        raise PermissionDenied
    if not locked.is_open:
        raise ValidationError(_("Penugasan ini sudah selesai atau dibatalkan."))
    before = {"status": locked.status, "cancelled_reason": locked.cancelled_reason}
    locked.status = AssignmentStatus.CANCELLED
    locked.cancelled_reason = (reason or "").strip()[:NOTE_MAX]
    locked.save(update_fields=["status", "cancelled_reason"])
    log(
        instance=locked,
        action="kinerja_link.assignment.cancel",
        user=user,
        data=changes(
            before, {"status": locked.status, "cancelled_reason": locked.cancelled_reason}
        ),
    )
    return locked


@transaction.atomic
def assignments_mark_overdue(*, today: datetime.date) -> int:
    """Open assignments whose due date has passed become overdue. Idempotent.

    Set-based (a read, one UPDATE, one insert of audit entries), with each change in
    the audit trail: actor "sistem", before/after status.
    """
    due = Assignment.objects.select_for_update(of=("self",)).filter(
        status__in=[AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS], due_date__lt=today
    )
    rows = list(due.values_list("pk", "status", "pegawai__user__display_name", "course__title"))
    if not rows:
        return 0
    Assignment.objects.filter(pk__in=[row[0] for row in rows]).update(
        status=AssignmentStatus.OVERDUE
    )
    overdue = {"status": AssignmentStatus.OVERDUE}
    log_entries_bulk(
        Assignment,
        "kinerja_link.assignment.overdue",
        [
            (pk, f"{nama} · {kursus}", changes({"status": status}, overdue))
            for pk, status, nama, kursus in rows
        ],
    )
    notify_overdue([row[0] for row in rows])
    return len(rows)


def assignments_complete(*, user_id: int, course_id: int, enrolment_id: int | None = None) -> int:
    """Close the open assignment(s) of this user and course; called by the learning event.

    Idempotent: a second call finds nothing open.
    """
    now = timezone.now()
    with transaction.atomic():
        closing = list(
            Assignment.objects.select_for_update(of=("self",)).filter(
                pegawai__user_id=user_id,
                course_id=course_id,
                status__in=AssignmentStatus.open_values(),
            )
        )
        for assignment in closing:
            before = {"status": assignment.status}
            assignment.status = AssignmentStatus.COMPLETED
            assignment.completed_at = now
            if enrolment_id and not assignment.enrolment_id:
                assignment.enrolment_id = enrolment_id
            assignment.save(update_fields=["status", "completed_at", "enrolment"])
            log(
                instance=assignment,
                action="kinerja_link.assignment.complete",
                data=changes(before, {"status": assignment.status}),
            )
        notify_completed([a.pk for a in closing])
    return len(closing)


def assignment_state(assignment: Assignment, *, today: datetime.date) -> str:
    """What the page shows: stored status, with "in progress" computed from the enrolment."""
    status = assignment.status
    if status == AssignmentStatus.ASSIGNED and assignment.due_date < today:
        return AssignmentStatus.OVERDUE  # the nightly job has not run yet today
    enrolment = assignment.enrolment
    if status == AssignmentStatus.ASSIGNED and enrolment is not None and enrolment.percent > 0:
        return AssignmentStatus.IN_PROGRESS
    return status
