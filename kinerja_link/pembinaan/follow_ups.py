"""Overdue follow-ups of pembinaan sessions, for Tim Saya and Mentee Saya.

A session's follow-up with a participant is **overdue** when its follow-up date has passed
and no later session with that participant has been recorded (by anyone): the agreed
follow-up is a meeting, and recording it is what closes it. One query for any number of
pegawai.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from .models import SessionParticipant


@dataclass(frozen=True)
class OverdueFollowUp:
    session_id: int
    pegawai_id: int
    follow_up_date: datetime.date
    held_by_id: int


def overdue_follow_ups(
    pegawai_ids: Iterable[int], *, today: datetime.date, held_by_id: int | None = None
) -> dict[int, list[OverdueFollowUp]]:
    """Per pegawai id, their overdue follow-ups, oldest first (``held_by_id``: only the
    sessions that person held, as a mentor's page shows)."""
    later = SessionParticipant.objects.filter(
        pegawai_id=OuterRef("pegawai_id"), session__date__gt=OuterRef("session__date")
    )
    rows = SessionParticipant.objects.filter(
        pegawai_id__in=list(pegawai_ids), session__follow_up_date__lt=today
    )
    if held_by_id is not None:
        rows = rows.filter(session__held_by_id=held_by_id)
    values = (
        rows.exclude(Exists(later))
        .order_by("session__follow_up_date", "session_id")
        .values_list("session_id", "pegawai_id", "session__follow_up_date", "session__held_by_id")
    )
    result: dict[int, list[OverdueFollowUp]] = defaultdict(list)
    for session_id, pegawai_id, due, holder in values:
        assert due is not None  # the filter above
        result[pegawai_id].append(OverdueFollowUp(session_id, pegawai_id, due, holder))
    return dict(result)
