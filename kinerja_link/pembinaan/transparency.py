"""Figures for the public transparency page (``portal.TransparencyPage``).

**Level.** Each instansi (a root of the ``UnitKerja`` tree) gets one table whose rows are
its direct child units (tree depth 2). A row aggregates the unit's whole subtree through
the materialised path: the first two path steps of a pegawai's unit name the row, so one
``GROUP BY substr(path, 1, 2 × steplen)`` counts every row at once. Pegawai attached to
the instansi root itself form one more row ("langsung di bawah instansi"), so the rows
partition the instansi and add up to its total row. Units without active pegawai are left
out (nothing to show, and they must not serve as a cover for a suppressed row).

**Queries.** Nine aggregate statements whatever the size of the organisation (units,
headcounts, pegawai reaching the JP target, completed courses, sessions per row, sessions
per instansi, published articles, the year's SKM sums and answered public feedback from
``participation``), then one atomic write in ``portal``.

**Privacy.** A group smaller than ``portal.transparency.MIN_GROUP_SIZE`` is suppressed
here: its numbers are never handed to the store. Because the total row is the sum of the
rows, one hidden row could be recovered as total minus the others; so while the hidden
rows of an instansi add up to fewer than ``MIN_GROUP_SIZE`` people, the smallest visible
row is hidden too (complementary suppression). What can be derived is then at best the
sum of several hidden rows, itself a group of at least ``MIN_GROUP_SIZE`` people.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from learning.models import Enrolment, EnrolmentStatus, LearningRecord
from portal.selectors import published_article_count
from portal.transparency import (
    MIN_GROUP_SIZE,
    GroupFigures,
    ParticipationFigures,
    RowKind,
    TransparencySnapshot,
    transparency_snapshot_store,
)

from ..models import Pegawai, UnitKerja
from ..participation.selectors import public_figures
from ..participation.services import ikm_min_respondents
from .models import SessionParticipant

STEPLEN = UnitKerja.steplen
logger = logging.getLogger(__name__)


@dataclass
class _Group:
    key: str  # the path of the depth-2 unit, or of the root for pegawai directly under it
    kind: str
    label: str
    headcount: int = 0
    reached_jp: int = 0
    courses_completed: int = 0
    sessions_held: int = 0


def _row_key(path_field: str) -> Substr:
    """The depth-2 ancestor's path of a unit (the root's own path for a root unit)."""
    return Substr(path_field, 1, 2 * STEPLEN)


def _counts(queryset, value) -> dict[str, int]:
    return {row["key"]: row["n"] for row in queryset.values("key").annotate(n=value).order_by()}


def _figures_by_row(year: int, jp_target: int) -> dict[str, dict[str, int]]:
    active = Pegawai.objects.active().annotate(key=_row_key("unit__path"))
    reaching = (
        LearningRecord.objects.counted()
        .in_year(year)
        .values("user")
        .annotate(total=Sum("jp"))
        .filter(total__gte=jp_target)
        .values("user")
    )
    completed = Enrolment.objects.filter(
        status=EnrolmentStatus.COMPLETED,
        completed_at__year=year,
        user__pegawai__is_active=True,
    ).annotate(key=_row_key("user__pegawai__unit__path"))
    participations = SessionParticipant.objects.filter(
        session__date__year=year, pegawai__is_active=True
    )
    return {
        "headcount": _counts(active, Count("pk")),
        "reached_jp": _counts(active.filter(user__in=reaching), Count("pk")),
        "courses_completed": _counts(completed, Count("pk")),
        "sessions_held": _counts(
            participations.annotate(key=_row_key("pegawai__unit__path")),
            Count("session", distinct=True),
        ),
        "instansi_sessions": _counts(
            participations.annotate(key=Substr("pegawai__unit__path", 1, STEPLEN)),
            Count("session", distinct=True),
        ),
    }


def suppressed_keys(sizes: dict[str, int], *, minimum: int = MIN_GROUP_SIZE) -> set[str]:
    """Rows to hide: every row under ``minimum`` people, then the smallest others until
    the hidden rows together hold at least ``minimum`` people (or all rows are hidden)."""
    hidden = {key for key, size in sizes.items() if size < minimum}
    if not hidden:
        return hidden
    visible = sorted((size, key) for key, size in sizes.items() if key not in hidden)
    while sum(sizes[key] for key in hidden) < minimum and visible:
        hidden.add(visible.pop(0)[1])
    return hidden


def _groups_of(root_path: str, root_name: str, units: list[tuple[str, str]]) -> list[_Group]:
    groups = [
        _Group(key=path, kind=RowKind.UNIT, label=name)
        for path, name in units
        if len(path) == 2 * STEPLEN and path.startswith(root_path)
    ]
    groups.sort(key=lambda group: group.label.lower())
    groups.append(_Group(key=root_path, kind=RowKind.DIRECT, label=root_name))
    return groups


def _figures(group: _Group, *, instansi: str, hidden: bool) -> GroupFigures:
    if hidden:  # the numbers stop here: only the label reaches the store
        return GroupFigures(group.kind, instansi, group.label, None, None, None, None)
    return GroupFigures(
        group.kind,
        instansi,
        group.label,
        group.headcount,
        group.reached_jp,
        group.courses_completed,
        group.sessions_held,
    )


def _instansi_rows(
    root_path: str, root_name: str, units: list[tuple[str, str]], figures: dict
) -> list[GroupFigures]:
    groups = _groups_of(root_path, root_name, units)
    for group in groups:
        for field in ("headcount", "reached_jp", "courses_completed", "sessions_held"):
            setattr(group, field, figures[field].get(group.key, 0))
    groups = [group for group in groups if group.headcount > 0]
    hidden = suppressed_keys({group.key: group.headcount for group in groups})
    total = _Group(
        key=root_path,
        kind=RowKind.INSTANSI,
        label=root_name,
        headcount=sum(group.headcount for group in groups),
        reached_jp=sum(group.reached_jp for group in groups),
        courses_completed=sum(group.courses_completed for group in groups),
        sessions_held=figures["instansi_sessions"].get(root_path, 0),
    )
    rows = [_figures(group, instansi=root_name, hidden=group.key in hidden) for group in groups]
    rows.append(_figures(total, instansi=root_name, hidden=total.headcount < MIN_GROUP_SIZE))
    return rows


def transparency_refresh(*, year: int | None = None) -> TransparencySnapshot:
    """Compute this year's figures for every instansi and store them as the new snapshot."""
    now = timezone.now()
    year = year or timezone.localdate(now).year
    jp_target = settings.JP_TARGET_PER_YEAR
    units = list(
        UnitKerja.objects.filter(depth__lte=2).order_by("path").values_list("path", "nama")
    )
    figures = _figures_by_row(year, jp_target)
    rows: list[GroupFigures] = []
    for root_path, root_name in units:
        if len(root_path) == STEPLEN:
            rows.extend(_instansi_rows(root_path, root_name, units, figures))
    return transparency_snapshot_store(
        year=year,
        jp_target=jp_target,
        articles_published=published_article_count(year=year),
        rows=rows,
        computed_at=now,
        participation=_participation(year),
    )


def _participation(year: int) -> ParticipationFigures:
    """The year's IKM over every service, published only from the minimum number of
    respondents the regulation's sampling asks of a unit (a setting)."""
    figures = public_figures(year=year)
    ikm = figures.ikm
    shown = ikm is not None and ikm.respondents >= ikm_min_respondents()
    return ParticipationFigures(
        respondents=figures.respondents if shown else None,
        ikm=ikm.value if shown and ikm else None,
        mutu=ikm.mutu if shown and ikm else "",
        kinerja=ikm.kinerja if shown and ikm else "",
        feedback_answered=figures.feedback_answered,
    )


# --- Live refresh ----------------------------------------------------------------------

REFRESH_PENDING_KEY = "pembinaan:transparency:refresh-pending"


def transparency_refresh_soon() -> None:
    """Recompute the figures shortly, once however many changes ask (call after commit).

    Eager mode (``make demo``, tests) recomputes at once. With a worker the first caller
    takes a cache lock and schedules one task ``TRANSPARENCY_REFRESH_DELAY_SECONDS`` later;
    callers meanwhile find the lock and add nothing. The task drops the lock before it
    reads, so a change during its run schedules the next one. A lost message is repaired
    by the periodic job.
    """
    from .tasks import transparency_refresh_task

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        transparency_refresh()
        return
    delay = int(getattr(settings, "TRANSPARENCY_REFRESH_DELAY_SECONDS", 30))
    if not cache.add(REFRESH_PENDING_KEY, 1, timeout=delay * 10):
        return
    try:
        transparency_refresh_task.apply_async(countdown=delay, ignore_result=True)
    except Exception:  # broker down: the next change tries again; the periodic job repairs
        cache.delete(REFRESH_PENDING_KEY)
        logger.warning("transparency refresh not scheduled", exc_info=True)


def transparency_refresh_pending_clear() -> None:
    cache.delete(REFRESH_PENDING_KEY)
