"""Reads for the session, feedback and notification pages, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from wagtail.query import PageQuerySet

from learning import selectors as learning_selectors
from learning.models import CoursePage

from ..kuadran import KUADRAN, Predikat, Rating
from ..models import Evaluasi, Pegawai
from ..selectors import periode_with_evaluasi, team_of
from .assignments import assignment_state
from .follow_ups import overdue_follow_ups
from .models import (
    Assignment,
    AssignmentStatus,
    CompetencyRating,
    Feedback,
    PembinaanSession,
    Recommendation,
    RecommendationStatus,
    SessionParticipant,
)
from .rencana_page import Pengamatan, pengamatan_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User
    from kinerja_link.models import Periode


def _sessions() -> QuerySet[PembinaanSession]:
    participants = Pegawai.objects.select_related("user").order_by("user__display_name", "pk")
    return PembinaanSession.objects.select_related(
        "held_by__user", "nilai", "rhk", "evaluasi__periode"
    ).prefetch_related(Prefetch("participants", queryset=participants))


def sessions_held_by(pimpinan: Pegawai) -> QuerySet[PembinaanSession]:
    return _sessions().filter(held_by=pimpinan)


def sessions_attended_by(pegawai: Pegawai) -> QuerySet[PembinaanSession]:
    return _sessions().filter(participants=pegawai)


def sessions_visible_to(user: User) -> QuerySet[PembinaanSession]:
    """Sessions ``user`` held or took part in; everyone else's are not there (404)."""
    if not user.is_authenticated:
        return PembinaanSession.objects.none()
    return _sessions().filter(
        Q(held_by__user=user)
        | Q(pk__in=SessionParticipant.objects.filter(pegawai__user=user).values("session_id"))
    )


def with_my_ratings(sessions: list[PembinaanSession], pegawai: Pegawai) -> list[PembinaanSession]:
    """Each session with ``my_ratings``: the coach's B.1.9 ratings of ``pegawai`` (one query)."""
    by_session: dict[int, list[CompetencyRating]] = {}
    for rating in CompetencyRating.objects.filter(
        pegawai=pegawai, session__in=[s.pk for s in sessions]
    ).select_related("competency"):
        by_session.setdefault(rating.session_id, []).append(rating)
    for session in sessions:
        session.my_ratings = by_session.get(session.pk, [])  # type: ignore[attr-defined]
    return sessions


def _feedback() -> QuerySet[Feedback]:
    return Feedback.objects.select_related(
        "pegawai__user", "given_by__user", "nilai", "rhk"
    ).order_by("-date", "-pk")


def feedback_received(pegawai: Pegawai) -> QuerySet[Feedback]:
    return _feedback().filter(pegawai=pegawai)


def feedback_given(pegawai: Pegawai) -> QuerySet[Feedback]:
    return _feedback().filter(given_by=pegawai)


def feedback_visible_to(user: User) -> QuerySet[Feedback]:
    """Feedback ``user`` gave or received; nobody else's (404)."""
    if not user.is_authenticated:
        return Feedback.objects.none()
    return _feedback().filter(Q(pegawai__user=user) | Q(given_by__user=user))


NAMES_PER_CELL = 8
# A team of hundreds (a Direktur with BINA_TEAM_SCOPE="unit") would make a page of
# half a megabyte: members are paged, and the two action lists show the most urgent.
MEMBERS_PER_PAGE = 50
LIST_LIMIT = 50
# Each candidate carries a select of the page's members: keep the page light.
MENTOR_CANDIDATES = 10
NOT_RATED = "0"
# docs/domain.md §2: rows are rating hasil (Di Atas first), columns perilaku (Di Bawah first).
GRID_ROWS = (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)
GRID_COLUMNS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)


@dataclass(frozen=True)
class TeamMember:
    """A member of the pimpinan's team as the page shows them."""

    pegawai: Pegawai
    evaluasi: Evaluasi | None  # in the chosen period
    jp: Decimal  # counted this year
    jp_reached: bool
    # Rencana aksi and realisasi on this year's SKP: filled for the page shown only.
    pengamatan: Pengamatan | None = None
    # Session follow-ups past their date with no later session (``follow_ups``): page only.
    follow_ups_overdue: int = 0

    @property
    def is_mentor_candidate(self) -> bool:
        """The "Sangat Baik → mentoring" default: offered as a mentor for others."""
        return self.evaluasi is not None and self.evaluasi.predikat == Predikat.SANGAT_BAIK

    @property
    def pk(self) -> int:
        return self.pegawai.pk

    @property
    def nama(self) -> str:
        return self.pegawai.nama


@dataclass(frozen=True)
class RecommendationRow:
    recommendation: Recommendation
    member: TeamMember


@dataclass(frozen=True)
class AssignmentRow:
    """An assignment with what the page computes of it (see ``assignment_state``)."""

    assignment: Assignment
    state: str
    percent: int
    days_left: int
    member: TeamMember | None = None

    @property
    def state_label(self) -> str:
        return str(AssignmentStatus(self.state).label)

    @property
    def is_overdue(self) -> bool:
        return self.state == AssignmentStatus.OVERDUE


@dataclass
class Cell:
    predikat: Predikat
    hasil: Rating
    perilaku: Rating
    members: list[TeamMember] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def shown(self) -> list[TeamMember]:
        return self.members[:NAMES_PER_CELL]

    @property
    def more(self) -> int:
        return max(0, self.count - NAMES_PER_CELL)


def kuadran_grid(members: list[TeamMember]) -> list[tuple[Rating, list[Cell]]]:
    cells = {
        (h, p): Cell(predikat=KUADRAN[(h, p)], hasil=h, perilaku=p)
        for h in GRID_ROWS
        for p in GRID_COLUMNS
    }
    for member in members:
        if member.evaluasi is not None:
            key = (Rating(member.evaluasi.rating_hasil), Rating(member.evaluasi.rating_perilaku))
            cells[key].members.append(member)
    return [(h, [cells[(h, p)] for p in GRID_COLUMNS]) for h in GRID_ROWS]


@dataclass(frozen=True)
class TimFilters:
    periode: str = ""
    unit: str = ""
    predikat: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> TimFilters:
        predikat = params.get("predikat", "")
        valid = {str(value) for value in Predikat.values} | {NOT_RATED}
        return cls(
            periode=params.get("periode", "")[:12],
            unit=params.get("unit", "")[:12],
            predikat=predikat if predikat in valid else "",
        )

    def keep(self, member: TeamMember) -> bool:
        if self.unit and str(member.pegawai.unit_id) != self.unit:
            return False
        if self.predikat == NOT_RATED:
            return member.evaluasi is None
        if self.predikat:
            return member.evaluasi is not None and str(member.evaluasi.predikat) == self.predikat
        return True


def team_members(user: User | AnonymousUser) -> list[Pegawai]:
    return list(team_of(user).select_related("user", "unit").order_by("user__display_name", "pk"))


def jp_per_user(user_ids: list[int], *, year: int) -> dict[int, Decimal]:
    """Counted JP this year per user, in one grouped query (learning's ledger selector)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return learning_selectors.jp_totals(user_ids=user_ids, start=start, end=end)


def tim_saya_page(
    *, user: User | AnonymousUser, params: Mapping[str, str], today: datetime.date | None = None
) -> dict[str, Any] | None:
    """Everything the page shows, or None when the user has no team (the view's 403)."""
    today = today or timezone.localdate()
    team = team_members(user)
    if not team:
        return None
    filters = TimFilters.from_params(params)
    periods = list(periode_with_evaluasi())
    periode = next((p for p in periods if str(p.pk) == filters.periode), None) or (
        periods[0] if periods else None
    )
    members = _members(team, periode=periode, year=today.year)
    shown = [m for m in members if filters.keep(m)]
    page = Paginator(shown, MEMBERS_PER_PAGE).get_page(params.get("halaman"))
    recommendations = _open_recommendations(shown)
    assignments = _assignments(shown, today=today)
    return {
        "members": _with_pengamatan(list(page.object_list), today=today),
        "mentor_candidates": [m for m in shown if m.is_mentor_candidate][:MENTOR_CANDIDATES],
        "page": page,
        "team_size": len(members),
        "grid": kuadran_grid(shown),
        "grid_columns": GRID_COLUMNS,
        "unrated": sum(1 for m in shown if m.evaluasi is None),
        "periods": periods,
        "periode": periode,
        "units": sorted({m.unit for m in team}, key=lambda u: u.path),
        "predikat_choices": Predikat.choices,
        "not_rated": NOT_RATED,
        "filters": filters,
        "recommendations": recommendations[:LIST_LIMIT],
        "recommendations_more": max(0, len(recommendations) - LIST_LIMIT),
        "assignments": assignments[:LIST_LIMIT],
        "assignments_more": max(0, len(assignments) - LIST_LIMIT),
        "jp_target": settings.JP_TARGET_PER_YEAR,
        "jp_reached": sum(1 for m in shown if m.jp_reached),
        "year": today.year,
        "today": today,
    }


def _with_pengamatan(members: Sequence[TeamMember], *, today: datetime.date) -> list[TeamMember]:
    """The members shown, each with their rencana aksi and realisasi (two queries) and
    their overdue session follow-ups (one query)."""
    ids = [m.pk for m in members]
    pengamatan = pengamatan_for(ids, year=today.year)
    overdue = overdue_follow_ups(ids, today=today)
    return [
        replace(m, pengamatan=pengamatan.get(m.pk), follow_ups_overdue=len(overdue.get(m.pk, [])))
        for m in members
    ]


def _members(team: list[Pegawai], *, periode: Periode | None, year: int) -> list[TeamMember]:
    """Each member with their evaluation in ``periode`` and this year's JP (two queries)."""
    evaluations = {}
    if periode is not None:
        evaluations = {
            e.pegawai_id: e
            for e in Evaluasi.objects.filter(periode=periode, pegawai__in=[m.pk for m in team])
        }
    target = settings.JP_TARGET_PER_YEAR
    jp = jp_per_user([m.user_id for m in team], year=year)
    return [
        TeamMember(
            pegawai=m,
            evaluasi=evaluations.get(m.pk),
            jp=jp.get(m.user_id, Decimal(0)),
            jp_reached=jp.get(m.user_id, Decimal(0)) >= target,
        )
        for m in team
    ]


def _open_recommendations(members: list[TeamMember]) -> list[RecommendationRow]:
    by_pk = {m.pk: m for m in members}
    rows = (
        Recommendation.objects.filter(pegawai__in=list(by_pk), status=RecommendationStatus.OPEN)
        .select_related("course", "rule", "evaluasi__periode")
        .order_by("priority", "pegawai_id", "pk")
    )
    return [RecommendationRow(recommendation=rec, member=by_pk[rec.pegawai_id]) for rec in rows]


def _assignments(members: list[TeamMember], *, today: datetime.date) -> list[AssignmentRow]:
    """Open assignments, and those completed this year, soonest due first."""
    by_pk = {m.pk: m for m in members}
    assignments = (
        Assignment.objects.filter(pegawai__in=list(by_pk))
        .filter(
            Q(status__in=AssignmentStatus.open_values())
            | Q(status=AssignmentStatus.COMPLETED, completed_at__year=today.year)
        )
        .select_related("course", "enrolment")
        .order_by("status", "due_date", "pk")
    )
    rows = [_row(a, today=today, member=by_pk[a.pegawai_id]) for a in assignments]
    rows.sort(key=lambda r: (not r.assignment.is_open, not r.is_overdue, r.assignment.due_date))
    return rows


def _row(
    assignment: Assignment, *, today: datetime.date, member: TeamMember | None = None
) -> AssignmentRow:
    enrolment = assignment.enrolment
    if assignment.status == AssignmentStatus.COMPLETED:
        percent = 100
    else:
        percent = enrolment.percent if enrolment else 0
    return AssignmentRow(
        assignment=assignment,
        state=assignment_state(assignment, today=today),
        percent=percent,
        days_left=(assignment.due_date - today).days,
        member=member,
    )


def live_courses() -> PageQuerySet:
    return CoursePage.objects.live().order_by("title").only("id", "title")


def assignments_panel_context(user: User) -> dict[str, Any]:
    """The pegawai's open assignments for "Belajar Saya", overdue and soonest first."""
    today = timezone.localdate()
    rows = []
    if user.is_authenticated:
        rows = list(
            Assignment.objects.filter(
                pegawai__user=user, status__in=AssignmentStatus.open_values()
            ).select_related("course", "enrolment", "assigned_by")
        )
    panel = [_row(assignment, today=today) for assignment in rows]
    panel.sort(key=lambda r: (not r.is_overdue, r.assignment.due_date))
    return {"assignments": panel, "today": today}
