"""Reminders about assigned courses, made as in-app notifications in a few set-based
statements; ``mail`` then sends them by e-mail.

For every open assignment (assigned, in progress, overdue) of an active pegawai:

* **h-7** — when the due date is 2 to 7 days away, and only if the assignment was made at
  least 7 days before its due date. An assignment made with less than 7 days left gets no
  h-7: the assignment itself was the news, and a "one week left" note would be wrong.
* **h-1** — when the due date is tomorrow or today (a day the job did not run is caught
  up on the due date itself). Every assignment gets it, however late it was made.
* **lewat tenggat** — once, the first run after the due date. It is ``mandatory``: a
  formal notice that an assigned pembinaan is late, e-mailed even to users who opted out
  of reminder e-mail.
* **rencana aksi** — an agreed (disetujui) rencana aksi whose target date is 0 to 3 days
  away, to the pegawai and their pimpinan (the SKP's pejabat penilai, else the pegawai's).
* **tindak lanjut sesi** — a coaching session whose follow-up date is 0 to 3 days away, to
  whoever held it and every participant.
* **weekly digest** to each pejabat penilai of the overdue items of their team (direct
  reports), at most once per ISO week, on the first run of that week.

Keys carry the due date (``assignment:12:h-7:2026-12-01``): a reminder exists once per
assignment, kind and due date, so a due date moved later earns a new reminder while
re-runs, overlapping runs and runs after a worker restart add nothing. Each kind is one
SELECT that already leaves out assignments whose key exists, plus one INSERT with
conflicts ignored; the query count does not grow with the number of assignments.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Exists, OuterRef, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import (
    Assignment,
    AssignmentStatus,
    Notification,
    RencanaAksi,
    RencanaAksiStatus,
    SessionParticipant,
)

BATCH = 1000
DIGEST_MAX_LINES = 30


@dataclass(frozen=True)
class Kind:
    code: str
    first_day: int | None  # the window opens this many days before the due date
    last_day: int | None  # and closes this many days before it; None: after the due date
    mandatory: bool = False


H7 = Kind("h-7", first_day=7, last_day=2)
H1 = Kind("h-1", first_day=1, last_day=0)
OVERDUE = Kind("lewat-tenggat", first_day=None, last_day=None, mandatory=True)
KINDS = (H7, H1, OVERDUE)


def reminder_key(assignment_id: int, kind: Kind, due_date: datetime.date) -> str:
    return f"assignment:{assignment_id}:{kind.code}:{due_date.isoformat()}"


def reminders_create(*, today: datetime.date | None = None) -> dict[str, int]:
    """Make the reminders due ``today`` (local date). Returns how many of each were new."""
    today = today or timezone.localdate()
    counts = {kind.code: _create_kind(kind, today) for kind in KINDS}
    counts["rencana-aksi"] = rencana_aksi_reminders_create(today=today)
    counts["tindak-lanjut-sesi"] = session_follow_up_reminders_create(today=today)
    counts["digest"] = digests_create(today=today)
    return counts


def _open_assignments() -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        status__in=AssignmentStatus.open_values(),
        pegawai__is_active=True,
        pegawai__user__is_active=True,
    )


def _key_expression(kind: Kind) -> Concat:
    """The reminder key computed in SQL, so that existing ones are left out by the SELECT."""
    return Concat(
        Value("assignment:"),
        Cast("pk", CharField()),
        Value(f":{kind.code}:"),
        Cast("due_date", CharField()),
        output_field=CharField(),
    )


def _window(kind: Kind, today: datetime.date) -> dict[str, datetime.date]:
    if kind.last_day is None or kind.first_day is None:
        return {"due_date__lt": today}
    return {
        "due_date__gte": today + datetime.timedelta(days=kind.last_day),
        "due_date__lte": today + datetime.timedelta(days=kind.first_day),
    }


def _create_kind(kind: Kind, today: datetime.date) -> int:
    window = _window(kind, today)
    rows = (
        _open_assignments()
        .filter(**window)
        .annotate(reminder_key=_key_expression(kind))
        .exclude(Exists(Notification.objects.filter(key=OuterRef("reminder_key"))))
        .values_list("pk", "due_date", "created_at", "pegawai__user_id", "course__title")
    )
    url = reverse("learning:belajar_saya")
    notifications = [
        Notification(
            user_id=user_id,
            key=reminder_key(pk, kind, due),
            url=url,
            mandatory=kind.mandatory,
            **_text(kind, title, due),
        )
        for pk, due, created_at, user_id, title in rows
        if kind is not H7 or timezone.localdate(created_at) <= due - datetime.timedelta(days=7)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True, batch_size=BATCH)
    return len(notifications)


def _text(kind: Kind, course: str, due: datetime.date) -> dict[str, str]:
    values = {"course": course, "due": f"{due:%d-%m-%Y}"}
    if kind is H7:
        title = _("Tenggat kursus “%(course)s” tinggal seminggu") % values
        body = _(
            "Kursus “%(course)s” yang ditugaskan pimpinan Anda bertenggat %(due)s. "
            "Sisihkan waktu minggu ini untuk menyelesaikannya."
        )
    elif kind is H1:
        title = _("Tenggat kursus “%(course)s”: %(due)s") % values
        body = _(
            "Kursus “%(course)s” yang ditugaskan pimpinan Anda bertenggat %(due)s. "
            "Selesaikan sebelum tenggat berakhir."
        )
    else:
        title = _("Kursus “%(course)s” melewati tenggat") % values
        body = _(
            "Kursus “%(course)s” yang ditugaskan pimpinan Anda belum selesai, padahal "
            "tenggatnya %(due)s. Selesaikan segera atau bicarakan dengan pimpinan Anda."
        )
    return {"title": title[:200], "body": body % values}


def digest_key(user_id: int, today: datetime.date) -> str:
    year, week, _day = today.isocalendar()
    return f"digest:{user_id}:{year}-W{week:02d}"


def digests_create(*, today: datetime.date | None = None) -> int:
    """This week's digest to each pejabat penilai with overdue items in their team.

    One SELECT of the overdue items (leaving out pimpinan who already have this week's
    digest) and one INSERT; the body lists the items as they stood when it was made.
    """
    today = today or timezone.localdate()
    items = defaultdict(list)
    for user_id, name, username, title, due in _overdue_without_digest(today):
        items[user_id].append(f"• {name or username} — {title} (tenggat {due:%d-%m-%Y})")
    url = reverse("tim_saya:index")
    digests = [
        Notification(
            user_id=user_id, key=digest_key(user_id, today), url=url, **_digest_text(lines)
        )
        for user_id, lines in items.items()
    ]
    Notification.objects.bulk_create(digests, ignore_conflicts=True, batch_size=BATCH)
    return len(digests)


def _overdue_without_digest(
    today: datetime.date,
) -> QuerySet[Assignment, tuple[int, str, str, str, datetime.date]]:
    """Overdue items per active penilai who has no digest this week (``digest_key``)."""
    year, week, _day = today.isocalendar()
    penilai_user = "pegawai__pejabat_penilai__user_id"
    return (
        _open_assignments()
        .filter(
            due_date__lt=today,
            pegawai__pejabat_penilai__is_active=True,
            pegawai__pejabat_penilai__user__is_active=True,
        )
        .annotate(
            digest_key=Concat(
                Value("digest:"),
                Cast(penilai_user, CharField()),
                Value(f":{year}-W{week:02d}"),
                output_field=CharField(),
            )
        )
        .exclude(Exists(Notification.objects.filter(key=OuterRef("digest_key"))))
        .order_by(penilai_user, "due_date", "pk")
        .values_list(
            penilai_user,
            "pegawai__user__display_name",
            "pegawai__user__username",
            "course__title",
            "due_date",
        )
    )


def _digest_text(lines: list[str]) -> dict[str, str]:
    shown = lines[:DIGEST_MAX_LINES]
    more = len(lines) - len(shown)
    if more:
        shown.append(_("…dan %(count)s lainnya.") % {"count": more})
    title = _("Ringkasan mingguan: %(count)s penugasan tim Anda melewati tenggat") % {
        "count": len(lines)
    }
    intro = _("Penugasan berikut di tim Anda belum selesai dan sudah melewati tenggat:")
    return {"title": title[:200], "body": "\n".join([intro, *shown])}


# --- Agreed rencana aksi and the follow-up of a coaching session --------------------------

AHEAD_DAYS = 3


def _long_date(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def _insert_new(notifications: list[Notification]) -> int:
    """Insert those whose key does not exist yet; returns how many were new. Two queries."""
    if not notifications:
        return 0
    existing = set(
        Notification.objects.filter(key__in=[n.key for n in notifications]).values_list(
            "key", flat=True
        )
    )
    fresh = [n for n in notifications if n.key not in existing]
    Notification.objects.bulk_create(fresh, ignore_conflicts=True, batch_size=BATCH)
    return len(fresh)


def rencana_aksi_reminders_create(*, today: datetime.date | None = None) -> int:
    """Agreed rencana aksi due in 0–3 days: one reminder to the pegawai and one to their
    pimpinan, keyed by item, person and target date (so at most one per item and day, and
    a target moved later earns a new one). One SELECT and one INSERT."""
    today = today or timezone.localdate()
    rows = RencanaAksi.objects.filter(
        status=RencanaAksiStatus.DISETUJUI,
        target_date__gte=today,
        target_date__lte=today + datetime.timedelta(days=AHEAD_DAYS),
        skp__pegawai__is_active=True,
        skp__pegawai__user__is_active=True,
    ).values_list(
        "pk",
        "text",
        "target_date",
        "skp__pegawai__user_id",
        "skp__pegawai__user__display_name",
        "skp__pejabat_penilai__user_id",
        "skp__pejabat_penilai__is_active",
        "skp__pegawai__pejabat_penilai__user_id",
        "skp__pegawai__pejabat_penilai__is_active",
    )
    notifications = [n for row in rows for n in _rencana_notifications(row)]
    return _insert_new(notifications)


def _rencana_notifications(row: tuple[Any, ...]) -> list[Notification]:
    """The pegawai's reminder and their pimpinan's (the SKP's penilai, else their own)."""
    pk, text, target, user_id, name, penilai, penilai_ok, own, own_ok = row
    assert target is not None  # the query's filter
    url = reverse("pembinaan:rencana_aksi", args=[pk])
    values = {"text": text[:80], "date": _long_date(target), "name": name}
    key = f"rencana-aksi:{pk}:target:{target.isoformat()}"
    notifications = [
        Notification(
            user_id=user_id,
            key=f"{key}:{user_id}",
            url=url,
            title=(_("Target rencana aksi: %(date)s") % values)[:200],
            body=_(
                "Rencana aksi yang disepakati dengan pimpinan Anda, “%(text)s”, "
                "bertarget %(date)s. Catat realisasi dan bukti dukungnya."
            )
            % values,
        )
    ]
    pimpinan = penilai if penilai and penilai_ok else (own if own and own_ok else None)
    if pimpinan and pimpinan != user_id:
        title = _("Target rencana aksi %(name)s: %(date)s") % values
        body = _("Rencana aksi %(name)s yang Anda setujui, “%(text)s”, bertarget %(date)s.")
        notifications.append(
            Notification(
                user_id=pimpinan,
                key=f"{key}:{pimpinan}",
                url=url,
                title=title[:200],
                body=body % values,
            )
        )
    return notifications


def session_follow_up_reminders_create(*, today: datetime.date | None = None) -> int:
    """Coaching sessions whose follow-up date is 0–3 days away: a reminder to whoever held
    the session and to each participant, keyed by session, person and date. One SELECT and
    one INSERT."""
    today = today or timezone.localdate()
    rows = SessionParticipant.objects.filter(
        session__follow_up_date__gte=today,
        session__follow_up_date__lte=today + datetime.timedelta(days=AHEAD_DAYS),
        pegawai__is_active=True,
        pegawai__user__is_active=True,
    ).values_list(
        "session_id",
        "session__follow_up_date",
        "pegawai__user_id",
        "session__held_by__user_id",
        "session__held_by__is_active",
    )
    notifications: dict[str, Notification] = {}
    for session_id, due, user_id, holder, holder_ok in rows:
        assert due is not None  # the filter above
        url = reverse("pembinaan:session_detail", args=[session_id])
        values = {"date": _long_date(due)}
        for uid in (user_id, holder if holder_ok else None):
            if uid is None:
                continue
            key = f"sesi:{session_id}:tindak-lanjut:{due.isoformat()}:{uid}"
            notifications[key] = Notification(
                user_id=uid,
                key=key,
                url=url,
                title=(_("Tindak lanjut sesi pembinaan: %(date)s") % values)[:200],
                body=_(
                    "Tindak lanjut yang disepakati dalam sesi pembinaan bertanggal "
                    "%(date)s. Periksa catatan sesinya di Bina ASN."
                )
                % values,
            )
    return _insert_new(list(notifications.values()))
