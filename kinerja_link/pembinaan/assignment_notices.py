"""Notifications that close the assignment loop (issue 16, part 4): the pegawai hears of a
course assigned to them; their pimpinan hears when the member completes it or misses its
due date. One ``bulk_create`` per call, keyed per assignment, so a retried job or a
second completion event makes nothing twice. The reminders before and after the due
date for the pegawai stay in ``reminders``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Assignment, Notification


def assigned_key(assignment_id: int) -> str:
    return f"assignment:{assignment_id}:assigned"


def completed_key(assignment_id: int) -> str:
    return f"assignment:{assignment_id}:completed:pimpinan"


def overdue_key(assignment_id: int, due_date: datetime.date) -> str:
    return f"assignment:{assignment_id}:overdue:pimpinan:{due_date:%Y-%m-%d}"


def _long(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def notify_assigned(assignment_ids: Iterable[int]) -> int:
    """Each pegawai: "<pimpinan> assigned you <course>, due <date>"."""
    rows = Assignment.objects.filter(pk__in=list(assignment_ids)).values_list(
        "pk", "pegawai__user_id", "course__title", "due_date", "assigned_by__display_name"
    )
    url = reverse("learning:belajar_saya")
    notifications = [
        Notification(
            user_id=user_id,
            key=assigned_key(pk),
            title=(_("Kursus baru ditugaskan: “%(course)s”") % {"course": title})[:200],
            body=_("%(by)s menugaskan kursus “%(course)s” dengan tenggat %(due)s.")
            % {"by": by or _("Pimpinan Anda"), "course": title, "due": _long(due)},
            url=url,
        )
        for pk, user_id, title, due, by in rows
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return len(notifications)


def _pimpinan_rows(assignment_ids: Iterable[int]):
    """(assignment pk, pimpinan user id, member name, course, due date) for members who
    have an active pejabat penilai, else the assigner."""
    rows = Assignment.objects.filter(pk__in=list(assignment_ids)).values_list(
        "pk",
        "pegawai__pejabat_penilai__user_id",
        "pegawai__pejabat_penilai__is_active",
        "assigned_by_id",
        "pegawai__user__display_name",
        "course__title",
        "due_date",
    )
    for pk, penilai_user, penilai_active, assigner, name, title, due in rows:
        user_id = penilai_user if penilai_user and penilai_active else assigner
        if user_id:
            yield pk, user_id, name, title, due


def notify_completed(assignment_ids: Iterable[int]) -> int:
    url = reverse("tim_saya:index")
    notifications = [
        Notification(
            user_id=user_id,
            key=completed_key(pk),
            title=(
                _("%(name)s menyelesaikan kursus “%(course)s”") % {"name": name, "course": title}
            )[:200],
            url=url,
        )
        for pk, user_id, name, title, _due in _pimpinan_rows(assignment_ids)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return len(notifications)


def notify_overdue(assignment_ids: Iterable[int]) -> int:
    url = reverse("tim_saya:index")
    notifications = [
        Notification(
            user_id=user_id,
            key=overdue_key(pk, due),
            title=(
                _("%(name)s melewati tenggat kursus “%(course)s”") % {"name": name, "course": title}
            )[:200],
            body=_("Tenggatnya %(due)s. Bicarakan dengan anggota tim Anda.") % {"due": _long(due)},
            url=url,
        )
        for pk, user_id, name, title, due in _pimpinan_rows(assignment_ids)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return len(notifications)
