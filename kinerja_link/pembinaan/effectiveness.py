"""Did pembinaan help? Per rule and per course, compare each assigned pegawai's evaluation in
the next period of the same kind with the evaluation that triggered the assignment.

Ordering: predikat follows the SIASN codes, 1 Sangat Baik best … 5 Sangat Kurang worst, so
Kurang/Misconduct (4) ranks below Butuh Perbaikan (3). That is the order PermenPANRB 6/2022
lists them in and the order SIASN codes them; moving from 4 to 3 counts as improved. Rating
perilaku is compared on its own (1 Di Atas best … 3 Di Bawah worst), which shows behaviour
change that the predikat alone may hide.

Set-based: assignments (one query), their triggering evaluations (one), the next periods
(one) and the next evaluations (one), whatever the number of pegawai.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ..models import Evaluasi, JenisPeriode, Periode
from ..scope import Scope
from .models import Assignment, AssignmentStatus

IMPROVED, SAME, WORSE, PENDING = "membaik", "tetap", "memburuk", "belum_dinilai"
OUTCOMES = (IMPROVED, SAME, WORSE, PENDING)


def next_periode_key(tahun: int, jenis: str, nomor: int) -> tuple[int, str, int]:
    """The following period of the same kind: Triwulan IV 2026 -> Triwulan I 2027."""
    if jenis == JenisPeriode.TRIWULAN:
        return (tahun, jenis, nomor + 1) if nomor < 4 else (tahun + 1, jenis, 1)
    if jenis == JenisPeriode.BULANAN:
        return (tahun, jenis, nomor + 1) if nomor < 12 else (tahun + 1, jenis, 1)
    return (tahun + 1, jenis, 0)


def compare(before: int, after: int | None) -> str:
    """Lower codes are better for both predikat and ratings."""
    if after is None:
        return PENDING
    if after < before:
        return IMPROVED
    return SAME if after == before else WORSE


@dataclass
class Row:
    label: str
    key: object = None  # the course's or rule's id, for reports that join on it
    pegawai: int = 0
    predikat: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    perilaku: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))

    def add(self, predikat: str, perilaku: str) -> None:
        self.pegawai += 1
        self.predikat[predikat] += 1
        self.perilaku[perilaku] += 1


def effectiveness_report(*, scope: Scope | None) -> dict:
    """Per rule and per course outcome counts for assignments in the scope's units.

    An assignment counts when it (or its recommendation) links the evaluation that
    triggered it; cancelled ones do not. A pegawai counts once per rule and trigger
    evaluation, and once per course and trigger evaluation.
    """
    if scope is None:
        return {"by_rule": [], "by_course": [], "total": 0}
    assignments = _triggered_assignments(scope)
    outcomes = _outcomes({a["trigger_id"] for a in assignments})
    by_rule: dict[object, Row] = {}
    by_course: dict[object, Row] = {}
    for rule_key, course_key, a in _once_per_trigger(assignments):
        result = outcomes[a["trigger_id"]]
        if rule_key:
            by_rule.setdefault(rule_key[0], Row(_rule_label(a), rule_key[0])).add(*result)
        if course_key:
            by_course.setdefault(a["course_id"], Row(a["course__title"], a["course_id"])).add(
                *result
            )
    return {
        "by_rule": sorted(by_rule.values(), key=lambda r: r.label),
        "by_course": sorted(by_course.values(), key=lambda r: r.label),
        "total": len({a["trigger_id"] for a in assignments}),
    }


def _triggered_assignments(scope: Scope) -> list[dict]:
    return list(
        scope.filter(Assignment.objects.all(), "pegawai__unit__path")
        .exclude(status=AssignmentStatus.CANCELLED)
        .annotate(trigger_id=Coalesce("evaluasi_id", "recommendation__evaluasi_id"))
        .filter(trigger_id__isnull=False)
        .values(
            "pegawai_id",
            "course_id",
            "course__title",
            "trigger_id",
            "recommendation__rule_id",
            "recommendation__rule__name",
            "recommendation__rule__version",
        )
    )


def _once_per_trigger(assignments: list[dict]):
    """Each assignment with its (rule, trigger) and (course, trigger) keys, each key given
    only the first time it is seen (None afterwards)."""
    seen: set[tuple] = set()
    for a in assignments:
        keys = []
        for key in (("rule", a["recommendation__rule_id"]), ("course", a["course_id"])):
            full = (*key, a["trigger_id"])
            keys.append((key[1],) if full not in seen else None)
            seen.add(full)
        yield keys[0], keys[1], a


def _rule_label(a: dict) -> str:
    if not a["recommendation__rule_id"]:
        return _("Tanpa aturan (penugasan langsung)")
    return f"{a['recommendation__rule__name']} (v{a['recommendation__rule__version']})"


def _outcomes(trigger_ids: set[int]) -> dict[int, tuple[str, str]]:
    """Trigger evaluation id -> (predikat outcome, perilaku outcome)."""
    triggers = list(
        Evaluasi.objects.filter(pk__in=trigger_ids).values(
            "pk",
            "pegawai_id",
            "predikat",
            "rating_perilaku",
            "periode__tahun",
            "periode__jenis",
            "periode__nomor",
        )
    )
    next_keys = {
        t["pk"]: next_periode_key(t["periode__tahun"], t["periode__jenis"], t["periode__nomor"])
        for t in triggers
    }
    later = _next_evaluations(triggers, next_keys) if next_keys else {}
    result = {}
    for t in triggers:
        after = later.get((t["pegawai_id"], next_keys[t["pk"]]))
        result[t["pk"]] = (
            compare(t["predikat"], after and after["predikat"]),
            compare(t["rating_perilaku"], after and after["rating_perilaku"]),
        )
    return result


def _next_evaluations(
    triggers: list[dict], next_keys: dict
) -> dict[tuple[Any, ...], Mapping[str, Any]]:
    """(pegawai id, period key) -> the evaluation in the period after each trigger."""
    wanted = Q(pk__in=[])
    for tahun, jenis, nomor in set(next_keys.values()):
        wanted |= Q(tahun=tahun, jenis=jenis, nomor=nomor)
    periode_ids = {
        pk: (tahun, jenis, nomor)
        for pk, tahun, jenis, nomor in Periode.objects.filter(wanted).values_list(
            "pk", "tahun", "jenis", "nomor"
        )
    }
    rows = Evaluasi.objects.filter(
        periode_id__in=periode_ids, pegawai_id__in={t["pegawai_id"] for t in triggers}
    ).values("pegawai_id", "periode_id", "predikat", "rating_perilaku")
    return {(row["pegawai_id"], periode_ids[row["periode_id"]]): row for row in rows}
