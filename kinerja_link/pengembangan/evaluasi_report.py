"""The post-training evaluation report for the pengelola: Kirkpatrick levels 1–4 per course
and per unit, in the units they manage, with CSV/XLSX export.

- L1: reaction survey responses and the average per question (``learning.reaction``);
- L2: average gain from pre-test to post-test (``learning.quiz.gain``);
- L3: pimpinan ratings asked, answered, response rate and average (``evaluasi``);
- L4: the pembinaan effectiveness report's outcomes per course (predikat before vs after).

Privacy, as on the transparency page (``pembinaan.transparency.suppressed_keys``): a row of
fewer than ``MIN_GROUP_SIZE`` pegawai who completed is hidden; unit rows get complementary
hiding too, so a hidden unit cannot be recovered from a course row; in a shown row, an
average over fewer than ``MIN_GROUP_SIZE`` respondents is hidden too (one answer would be
one person's answer).

Set-based: completions (one query), reactions (one), quiz gains (three), level-3 requests
(one) and the effectiveness report (four), whatever the number of pegawai.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from learning.models import Enrolment, EnrolmentStatus, ReactionResponse
from learning.quiz.gain import Gain, gains
from portal.transparency import MIN_GROUP_SIZE

from ..models import UnitKerja
from ..pembinaan.effectiveness import IMPROVED, PENDING, SAME, WORSE, effectiveness_report
from ..pembinaan.transparency import suppressed_keys
from ..scope import Scope
from . import akpk
from .models import PenilaianPascaPelatihan

ONE_PLACE = Decimal("0.1")


def _mean(values: list) -> Decimal | None:
    """The average when enough answers stand behind it, else None (hidden)."""
    if len(values) < MIN_GROUP_SIZE:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(ONE_PLACE)


@dataclass
class EvalRow:
    key: str
    label: str
    completed: set[int] = field(default_factory=set)  # enrolment ids
    reactions: list[dict] = field(default_factory=list)  # {key: score}
    labels: dict[str, str] = field(default_factory=dict)  # question key -> text
    gains: list[Gain] = field(default_factory=list)
    l3_asked: int = 0
    l3_ratings: list[int] = field(default_factory=list)
    l4: dict[str, int] | None = None
    suppressed: bool = False

    @property
    def n(self) -> int:
        return len(self.completed)

    @property
    def l1_responses(self) -> int:
        return len(self.reactions)

    @property
    def l1_by_question(self) -> list[tuple[str, Decimal | None]]:
        per_key: dict[str, list[int]] = defaultdict(list)
        for scores in self.reactions:
            for key, score in scores.items():
                per_key[key].append(score)
        return [(self.labels.get(key, key), _mean(values)) for key, values in per_key.items()]

    @property
    def l1_average(self) -> Decimal | None:
        # Hidden by the number of respondents, not of scores (each answers several).
        if len(self.reactions) < MIN_GROUP_SIZE:
            return None
        scores = [score for answers in self.reactions for score in answers.values()]
        return (Decimal(sum(scores)) / len(scores)).quantize(ONE_PLACE) if scores else None

    @property
    def l2_pairs(self) -> int:
        return len(self.gains)

    @property
    def l2_gain(self) -> Decimal | None:
        if len(self.gains) < MIN_GROUP_SIZE:
            return None
        return (sum((g.gain for g in self.gains), Decimal(0)) / len(self.gains)).quantize(ONE_PLACE)

    @property
    def l3_answered(self) -> int:
        return len(self.l3_ratings)

    @property
    def l3_rate(self) -> int | None:
        return round(100 * self.l3_answered / self.l3_asked) if self.l3_asked else None

    @property
    def l3_average(self) -> Decimal | None:
        return _mean(self.l3_ratings)


@dataclass
class EvalReport:
    by_course: list[EvalRow]
    by_unit: list[EvalRow]
    minimum: int = MIN_GROUP_SIZE


def evaluation_report(*, scope: Scope) -> EvalReport:
    completions = list(
        scope.filter(
            Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED),
            "user__pegawai__unit__path",
        ).values_list("pk", "course_id", "course__title", "user_id", "user__pegawai__unit__path")
    )
    unit_names = _group_names({_group_path(row[4]) for row in completions})
    by_course: dict[int, EvalRow] = {}
    by_unit: dict[str, EvalRow] = {}
    rows_of: dict[int, tuple[EvalRow, EvalRow]] = {}
    for pk, course_id, title, _user_id, unit_path in completions:
        group = _group_path(unit_path)
        course_row = by_course.setdefault(course_id, EvalRow(str(course_id), title))
        unit_row = by_unit.setdefault(group, EvalRow(group, unit_names.get(group, group)))
        course_row.completed.add(pk)
        unit_row.completed.add(pk)
        rows_of[pk] = (course_row, unit_row)
    _add_reactions(rows_of)
    _add_gains(completions, rows_of)
    _add_l3(rows_of)
    _add_l4(scope, by_course)
    courses = sorted(by_course.values(), key=lambda r: r.label.lower())
    for row in courses:  # no total over courses is shown: the threshold alone
        row.suppressed = row.n < MIN_GROUP_SIZE
    units = _suppress(sorted(by_unit.values(), key=lambda r: r.label.lower()))
    return EvalReport(by_course=courses, by_unit=units)


def _group_path(path: str) -> str:
    """Units are grouped as on the transparency page: each unit under an instansi counts
    with its bidang/bagian (the instansi's child); the instansi's own staff by themselves."""
    return path[: 2 * UnitKerja.steplen]


def _group_names(paths: set[str]) -> dict[str, str]:
    return dict(UnitKerja.objects.filter(path__in=paths).values_list("path", "nama"))


def _add_reactions(rows_of: dict[int, tuple[EvalRow, EvalRow]]) -> None:
    for enrolment_id, scores, labels in ReactionResponse.objects.filter(
        enrolment__in=Enrolment.objects.filter(pk__in=list(rows_of))
    ).values_list("enrolment_id", "scores", "labels"):
        for row in rows_of[enrolment_id]:
            row.reactions.append(scores)
            row.labels.update(labels)


def _add_gains(completions: list[tuple], rows_of: dict[int, tuple[EvalRow, EvalRow]]) -> None:
    enrolment_of = {(course_id, user_id): pk for pk, course_id, _t, user_id, _p in completions}
    found = gains(course_ids={key[0] for key in enrolment_of})
    for key, gain in found.items():
        enrolment_id = enrolment_of.get(key)
        if enrolment_id is not None:
            for row in rows_of[enrolment_id]:
                row.gains.append(gain)


def _add_l3(rows_of: dict[int, tuple[EvalRow, EvalRow]]) -> None:
    for enrolment_id, rating in PenilaianPascaPelatihan.objects.filter(
        enrolment_id__in=list(rows_of)
    ).values_list("enrolment_id", "rating"):
        for row in rows_of[enrolment_id]:
            row.l3_asked += 1
            if rating is not None:
                row.l3_ratings.append(rating)


def _add_l4(scope: Scope, by_course: dict[int, EvalRow]) -> None:
    for row in effectiveness_report(scope=scope)["by_course"]:
        if row.key in by_course:
            by_course[row.key].l4 = dict(row.predikat)


def _suppress(rows: list[EvalRow]) -> list[EvalRow]:
    """Units split a course's completions: a hidden unit must not be the difference
    between a course row and the shown units, so hiding is complementary."""
    hidden = suppressed_keys({row.key: row.n for row in rows})
    for row in rows:
        row.suppressed = row.key in hidden
    return rows


# --- export ------------------------------------------------------------------------------


def export_header() -> list[object]:
    return [
        _("Tingkat"),
        _("Nama"),
        _("Pegawai selesai"),
        _("L1 responden"),
        _("L1 rata-rata"),
        _("L1 per pertanyaan"),
        _("L2 pasangan pre/post"),
        _("L2 rata-rata kenaikan (poin)"),
        _("L3 diminta"),
        _("L3 dijawab"),
        _("L3 tingkat respons (%)"),
        _("L3 rata-rata"),
        _("L4 membaik"),
        _("L4 tetap"),
        _("L4 memburuk"),
        _("L4 belum dinilai"),
    ]


def _cells(kind: str, row: EvalRow) -> list[object]:
    if row.suppressed:
        return [kind, row.label, _("disembunyikan (kelompok < %(n)d)") % {"n": MIN_GROUP_SIZE}]
    per_question = "; ".join(
        f"{text}: {value if value is not None else '-'}" for text, value in row.l1_by_question
    )
    l4 = row.l4 or {}
    return [
        kind,
        row.label,
        row.n,
        row.l1_responses,
        row.l1_average,
        per_question,
        row.l2_pairs,
        row.l2_gain,
        row.l3_asked,
        row.l3_answered,
        row.l3_rate,
        row.l3_average,
        *(
            l4.get(outcome, "") if row.l4 is not None else ""
            for outcome in (IMPROVED, SAME, WORSE, PENDING)
        ),
    ]


def export_rows(report: EvalReport) -> Iterator[list[object]]:
    yield export_header()
    for row in report.by_course:
        yield _cells(_("Kursus"), row)
    for row in report.by_unit:
        yield _cells(_("Unit kerja"), row)


def to_csv(rows: Iterable[list[object]]) -> bytes:
    return akpk.to_csv(rows)  # every cell neutralised (foundation.spreadsheets)


def to_xlsx(rows: Iterable[list[object]]) -> bytes:
    return akpk.to_xlsx(rows, sheet_name="Evaluasi pelatihan")
