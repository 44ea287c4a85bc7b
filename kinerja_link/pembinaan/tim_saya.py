"""Reads for "Tim Saya" and the assignments panel on "Belajar Saya".

The page costs a fixed number of queries whatever the team size: members, periods,
evaluations, open recommendations, assignments (with their enrolments), the JP ledger
summed per user, and the course list for the assignment form.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.utils import timezone

from learning.models import CoursePage, LearningRecord

from ..kuadran import KUADRAN, Predikat, Rating
from ..models import (
    Assignment,
    AssignmentStatus,
    Evaluasi,
    Pegawai,
    Recommendation,
    RecommendationStatus,
)
from ..selectors import periode_with_evaluasi
from .assignments import assignment_state, team_of

NAMES_PER_CELL = 8
# A team of hundreds (a Direktur with BINA_TEAM_SCOPE="unit") would make a page of
# half a megabyte: members are paged, and the two action lists show the most urgent.
MEMBERS_PER_PAGE = 50
LIST_LIMIT = 50
NOT_RATED = "0"
# docs/domain.md §2: rows are rating hasil (Di Atas first), columns perilaku (Di Bawah first).
GRID_ROWS = (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)
GRID_COLUMNS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)


@dataclass
class Cell:
    predikat: Predikat
    hasil: Rating
    perilaku: Rating
    members: list[Pegawai] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def shown(self) -> list[Pegawai]:
        return self.members[:NAMES_PER_CELL]

    @property
    def more(self) -> int:
        return max(0, self.count - NAMES_PER_CELL)


def kuadran_grid(members: list[Pegawai]) -> list[tuple[Rating, list[Cell]]]:
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
    def from_params(cls, params) -> TimFilters:
        predikat = params.get("predikat", "")
        valid = {str(value) for value in Predikat.values} | {NOT_RATED}
        return cls(
            periode=params.get("periode", "")[:12],
            unit=params.get("unit", "")[:12],
            predikat=predikat if predikat in valid else "",
        )

    def keep(self, member: Pegawai) -> bool:
        if self.unit and str(member.unit_id) != self.unit:
            return False
        if self.predikat == NOT_RATED:
            return member.evaluasi is None
        if self.predikat:
            return member.evaluasi is not None and str(member.evaluasi.predikat) == self.predikat
        return True


def team_members(user) -> list[Pegawai]:
    return list(team_of(user).select_related("user", "unit").order_by("user__display_name", "pk"))


def jp_per_user(user_ids: list[int], *, year: int) -> dict[int, Decimal]:
    """Counted JP this year per user, in one grouped query (learning's ledger rules)."""
    rows = (
        LearningRecord.objects.filter(user_id__in=user_ids)
        .counted()
        .in_year(year)
        .values("user_id")
        .annotate(total=Sum("jp"))
        .order_by()
    )
    return {row["user_id"]: row["total"] or Decimal(0) for row in rows}


def tim_saya_page(*, user, params, today: datetime.date | None = None) -> dict | None:
    """Everything the page shows, or None when the user has no team (the view's 403)."""
    today = today or timezone.localdate()
    members = team_members(user)
    if not members:
        return None
    filters = TimFilters.from_params(params)
    periods = list(periode_with_evaluasi())
    periode = next((p for p in periods if str(p.pk) == filters.periode), None) or (
        periods[0] if periods else None
    )
    evaluations = {}
    if periode is not None:
        evaluations = {
            e.pegawai_id: e
            for e in Evaluasi.objects.filter(periode=periode, pegawai__in=[m.pk for m in members])
        }
    target = settings.JP_TARGET_PER_YEAR
    jp = jp_per_user([m.user_id for m in members], year=today.year)
    for member in members:
        member.evaluasi = evaluations.get(member.pk)
        member.jp = jp.get(member.user_id, Decimal(0))
        member.jp_reached = member.jp >= target
    units = sorted({m.unit for m in members}, key=lambda u: u.path)
    shown = [m for m in members if filters.keep(m)]
    page = Paginator(shown, MEMBERS_PER_PAGE).get_page(params.get("halaman"))
    recommendations = _open_recommendations(shown)
    assignments = _assignments(shown, today=today)
    return {
        "members": page.object_list,
        "page": page,
        "team_size": len(members),
        "grid": kuadran_grid(shown),
        "grid_columns": GRID_COLUMNS,
        "unrated": sum(1 for m in shown if m.evaluasi is None),
        "periods": periods,
        "periode": periode,
        "units": units,
        "predikat_choices": Predikat.choices,
        "not_rated": NOT_RATED,
        "filters": filters,
        "recommendations": recommendations[:LIST_LIMIT],
        "recommendations_more": max(0, len(recommendations) - LIST_LIMIT),
        "assignments": assignments[:LIST_LIMIT],
        "assignments_more": max(0, len(assignments) - LIST_LIMIT),
        "jp_target": target,
        "jp_reached": sum(1 for m in shown if m.jp_reached),
        "year": today.year,
        "today": today,
    }


def _open_recommendations(members: list[Pegawai]) -> list[Recommendation]:
    by_pk = {m.pk: m for m in members}
    rows = list(
        Recommendation.objects.filter(pegawai__in=list(by_pk), status=RecommendationStatus.OPEN)
        .select_related("course", "rule", "evaluasi__periode")
        .order_by("priority", "pegawai_id", "pk")
    )
    for rec in rows:
        rec.member = by_pk[rec.pegawai_id]
    return rows


def _assignments(members: list[Pegawai], *, today: datetime.date) -> list[Assignment]:
    """Open assignments, and those completed this year, soonest due first."""
    by_pk = {m.pk: m for m in members}
    rows = list(
        Assignment.objects.filter(pegawai__in=list(by_pk))
        .filter(
            Q(status__in=AssignmentStatus.open_values())
            | Q(status=AssignmentStatus.COMPLETED, completed_at__year=today.year)
        )
        .select_related("course", "enrolment")
        .order_by("status", "due_date", "pk")
    )
    for assignment in rows:
        _decorate(assignment, today=today)
        assignment.member = by_pk[assignment.pegawai_id]
    rows.sort(key=lambda a: (not a.is_open, a.state != AssignmentStatus.OVERDUE, a.due_date))
    return rows


def _decorate(assignment: Assignment, *, today: datetime.date) -> None:
    assignment.state = assignment_state(assignment, today=today)
    assignment.state_label = AssignmentStatus(assignment.state).label
    assignment.is_overdue = assignment.state == AssignmentStatus.OVERDUE
    enrolment = assignment.enrolment
    if assignment.status == AssignmentStatus.COMPLETED:
        assignment.percent = 100
    else:
        assignment.percent = enrolment.percent if enrolment else 0
    assignment.days_left = (assignment.due_date - today).days


def live_courses():
    return CoursePage.objects.live().order_by("title").only("id", "title")


def assignments_panel_context(user) -> dict:
    """The pegawai's open assignments for "Belajar Saya", overdue and soonest first."""
    today = timezone.localdate()
    rows = []
    if user.is_authenticated:
        rows = list(
            Assignment.objects.filter(
                pegawai__user=user, status__in=AssignmentStatus.open_values()
            ).select_related("course", "enrolment", "assigned_by")
        )
    for assignment in rows:
        _decorate(assignment, today=today)
    rows.sort(key=lambda a: (not a.is_overdue, a.due_date))
    return {"assignments": rows, "today": today}
