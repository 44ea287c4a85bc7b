"""Turn a period's evaluations into recommendations, set-based.

``recommendations_generate`` runs a fixed number of queries per rule (the match and, for a
competency action, its courses) plus a fixed number for the whole run (rules, values,
value courses, exclusions, existing rows, the insert batches): never one per evaluation.
Re-running creates nothing twice: rows that exist are skipped, and the model's unique
constraints back that up under ``bulk_create(ignore_conflicts=True)``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from foundation.outbox import enqueue_on_commit
from learning.models import CourseCompetency, CoursePage, Enrolment, EnrolmentStatus

from ..kuadran import Predikat, Rating
from ..models import Periode
from ..perilaku_catatan import flagged_codes
from ..scope import EVERYTHING, Scope, scope_for
from .models import Assignment, AssignmentStatus, PembinaanRule, Recommendation
from .rules import evaluasi_in_scope, matching_evaluasi, rules_for, value_names

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)
BATCH_SIZE = 1000
REASON_MAX = 300


# (evaluasi id, course id, session kind), one recommendation each.
ProposalKey = tuple[int, int | None, str]


@dataclass
class _Proposal:
    evaluasi_id: int
    pegawai_id: int
    rule: PembinaanRule
    course_id: int | None
    session_kind: str
    reason: str

    @property
    def key(self) -> ProposalKey:
        return (self.evaluasi_id, self.course_id, "" if self.course_id else self.session_kind)


def recommendations_generate(*, periode_id: int, scope: Scope = EVERYTHING) -> dict[str, int]:
    """Evaluate every rule valid for the period and store new recommendations.

    Only active pegawai (within ``scope``, every unit by default) are considered. A course is
    not recommended when the pegawai completed it in the period's year or later, or has an
    open assignment for it. One evaluation gets one recommendation per course and per
    session kind: the first rule by priority and code wins. Returns counts.
    """
    periode = Periode.objects.get(pk=periode_id)
    rules = rules_for(periode)
    proposals, matched = _propose(rules, periode, scope)
    counts = {
        "aturan": len(rules),
        "evaluasi": len(matched),
        "dibuat": 0,
        "sudah_ada": 0,
        "sudah_selesai": 0,
        "sudah_ditugaskan": 0,
    }
    if proposals:
        fresh = _without_excluded(list(proposals.values()), periode, scope, counts)
        counts["dibuat"] = _insert(fresh, periode)
        logger.info("Rekomendasi %s: %s", periode.label, counts)
    return counts


def _propose(
    rules: Iterable[PembinaanRule], periode: Periode, scope: Scope
) -> tuple[dict[ProposalKey, _Proposal], set[int]]:
    """Every rule's proposals (the first rule by priority wins a key), and the ids of the
    evaluations any rule matched."""
    label, values = periode.label, value_names()
    value_courses = _courses_teaching_values()
    proposals: dict[ProposalKey, _Proposal] = {}
    matched: set[int] = set()
    reasons: dict[object, str] = {}
    for rule in rules:
        rows = matching_evaluasi(rule, periode, values, scope).values(
            "pk", "pegawai_id", "predikat", "rating_hasil", "rating_perilaku", "perilaku_catatan"
        )
        courses = _rule_courses(rule)
        for row in rows:
            matched.add(row["pk"])
            for proposal in _proposals(rule, row, courses, value_courses, values, label, reasons):
                proposals.setdefault(proposal.key, proposal)
    return proposals, matched


def _insert(fresh: list[_Proposal], periode: Periode) -> int:
    """Insert in batches; returns how many rows are new (conflicts are skipped)."""
    existing_rows = Recommendation.objects.filter(evaluasi__periode=periode)
    before = existing_rows.count()
    Recommendation.objects.bulk_create(
        [
            Recommendation(
                pegawai_id=p.pegawai_id,
                evaluasi_id=p.evaluasi_id,
                rule=p.rule,
                course_id=p.course_id,
                session_kind="" if p.course_id else p.session_kind,
                reason=p.reason[:REASON_MAX],
                priority=p.rule.priority,
            )
            for p in fresh
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    return existing_rows.count() - before


def _courses_teaching_values() -> dict[str, list[int]]:
    """BerAKHLAK value code -> live courses teaching that value (one query)."""
    result: dict[str, list[int]] = {}
    links = (
        CourseCompetency.objects.filter(competency__kind="nilai", course__live=True)
        .order_by("course__title", "course_id")
        .values_list("competency__code", "course_id")
    )
    for code, course_id in links:
        result.setdefault(code, []).append(course_id)
    return result


def _rule_courses(rule: PembinaanRule) -> list[int]:
    """The rule's fixed courses plus every live course teaching its competency."""
    course_ids = [c.pk for c in rule.courses.all()]  # prefetched, live only
    if rule.competency_id:
        teaching = (
            CoursePage.objects.live()
            .filter(course_competencies__competency_id=rule.competency_id)
            .order_by("title", "pk")
            .values_list("pk", flat=True)
        )
        course_ids += [pk for pk in teaching if pk not in course_ids]
    return course_ids


def _proposals(
    rule: PembinaanRule,
    row: Mapping[str, Any],
    courses: list[int],
    value_courses: dict[str, list[int]],
    values: dict[str, str],
    label: str,
    reasons: dict[object, str],
) -> Iterator[_Proposal]:
    flagged = flagged_codes(row["perilaku_catatan"], values)
    # Reasons repeat across thousands of rows: translate each distinct one once.
    key = (rule.pk, row["predikat"], row["rating_hasil"], row["rating_perilaku"], *flagged)
    if key not in reasons:
        reasons[key] = reason_text(rule, row, flagged, values, label)
    reason = reasons[key]
    for course_id in courses:
        yield _Proposal(row["pk"], row["pegawai_id"], rule, course_id, "", reason)
    if rule.course_for_flagged_value:
        for code in flagged:
            if code not in reasons:
                reasons[code] = value_reason_text(values[code], label)
            for course_id in value_courses.get(code, []):
                yield _Proposal(row["pk"], row["pegawai_id"], rule, course_id, "", reasons[code])
    if rule.session_kind:
        yield _Proposal(row["pk"], row["pegawai_id"], rule, None, rule.session_kind, reason)


def value_reason_text(value_name: str, label: str) -> str:
    return _("Perilaku %(nilai)s di bawah ekspektasi pada %(periode)s") % {
        "nilai": value_name,
        "periode": label,
    }


def reason_text(
    rule: PembinaanRule,
    row: Mapping[str, Any],
    flagged: list[str],
    values: dict[str, str],
    label: str,
) -> str:
    """Why this evaluation matched, in Indonesian, naming what in it triggered the rule."""
    if rule.flagged_value_id and rule.flagged_value is not None:  # loaded with the rule
        return value_reason_text(rule.flagged_value.name, label)
    if rule.any_flagged_value and flagged:
        return value_reason_text(", ".join(values[c] for c in flagged), label)
    if rule.predikat:
        return _("Predikat %(predikat)s pada %(periode)s") % {
            "predikat": Predikat(row["predikat"]).label,
            "periode": label,
        }
    if rule.rating_perilaku:
        return _("Rating perilaku kerja %(rating)s pada %(periode)s") % {
            "rating": Rating(row["rating_perilaku"]).label,
            "periode": label,
        }
    return _("Rating hasil kerja %(rating)s pada %(periode)s") % {
        "rating": Rating(row["rating_hasil"]).label,
        "periode": label,
    }


def _without_excluded(
    proposals: list[_Proposal], periode: Periode, scope: Scope, counts: dict[str, int]
) -> list[_Proposal]:
    """Drop what exists already, courses completed this year, and open assignments."""
    in_period = evaluasi_in_scope(periode, scope)
    existing = set(
        Recommendation.objects.filter(evaluasi__in=in_period.values("pk")).values_list(
            "evaluasi_id", "course_id", "session_kind"
        )
    )
    course_ids = {p.course_id for p in proposals if p.course_id}
    year_start = timezone.make_aware(datetime.datetime(periode.tahun, 1, 1))
    completed = set(
        Enrolment.objects.filter(
            status=EnrolmentStatus.COMPLETED,
            completed_at__gte=year_start,
            course_id__in=course_ids,
            user__pegawai__in=in_period.values("pegawai_id"),
        ).values_list("user__pegawai__id", "course_id")
    )
    assigned = set(
        Assignment.objects.filter(
            status__in=AssignmentStatus.open_values(),
            course_id__in=course_ids,
            pegawai_id__in=in_period.values("pegawai_id"),
        ).values_list("pegawai_id", "course_id")
    )
    fresh = []
    for p in proposals:
        if p.key in existing:
            counts["sudah_ada"] += 1
        elif p.course_id and (p.pegawai_id, p.course_id) in completed:
            counts["sudah_selesai"] += 1
        elif p.course_id and (p.pegawai_id, p.course_id) in assigned:
            counts["sudah_ditugaskan"] += 1
        else:
            fresh.append(p)
    return fresh


# --- On demand -------------------------------------------------------------------------


def recommendations_request(*, user: User, periode: Periode) -> None:
    """A pengelola asks for recommendations for a period (their unit subtree), queued."""
    from .tasks import recommendations_generate_task  # tasks import this module

    scope = scope_for(user)
    if scope is None:
        raise PermissionDenied(_("Hanya Pengelola Kepegawaian yang boleh membuat rekomendasi."))
    log(instance=periode, action="wagtail.edit", user=user, data={"buat_rekomendasi": True})
    enqueue_on_commit(recommendations_generate_task, periode.pk, list(scope.paths))


def recommendations_after_import(*, periode_ids: list[int], scope_paths: Sequence[str]) -> None:
    """Queue generation for every period an import touched, once the import is committed."""
    from .tasks import recommendations_generate_task

    for periode_id in sorted(set(periode_ids)):
        enqueue_on_commit(recommendations_generate_task, periode_id, list(scope_paths))
