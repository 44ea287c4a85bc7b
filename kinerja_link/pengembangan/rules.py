"""The two rules of the IDP: which standard a pegawai's jabatan carries, and a pegawai's
current level of a competency with its source.

Current level (issue 16): the highest of an assessment result, a course completed with
the outcome "Kompetensi tercapai" at the course's target level (kept by pembinaan as
``CompetencyProgress.level_reached``), and the rating after coaching — the pimpinan's
(``PenilaianKompetensi``) or the coach/mentor's B.1.9 rating kept by pembinaan
(``CompetencyRating``, the latest per competency, named with its date and rater). On equal
levels the stronger evidence is named: assessment, then coaching, then course.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import Pegawai, UnitKerja
from ..pembinaan.models import CompetencyProgress, CompetencyRating
from .models import LevelSource, PenilaianKompetensi, StandarKompetensi

# Higher wins a tie of levels.
SOURCE_STRENGTH = {LevelSource.ASSESSMENT: 3, LevelSource.COACHING: 2, LevelSource.COURSE: 1}


@dataclass(frozen=True)
class Level:
    level: int
    source: LevelSource
    date: datetime.date | None = None
    by: str = ""  # who rated, for a coach/mentor's rating

    @property
    def source_label(self) -> str:
        """The source as shown, e.g. "Penilaian coach/mentor setelah coaching (3-12-2026, Ani)"."""
        if self.by and self.date is not None:
            return _("Penilaian coach/mentor setelah coaching (%(date)s, %(name)s)") % {
                "date": f"{self.date:%d-%m-%Y}",
                "name": self.by,
            }
        return str(self.source.label)

    def beats(self, other: Level | None) -> bool:
        if other is None:
            return True
        return (self.level, SOURCE_STRENGTH[self.source]) > (
            other.level,
            SOURCE_STRENGTH[other.source],
        )


def unit_ancestry(path: str) -> list[str]:
    """The unit's own path and every ancestor's, root first."""
    step = UnitKerja.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def standar_for(pegawai: Pegawai) -> list[StandarKompetensi]:
    """The standard of the pegawai's jabatan: per competency, the row of the deepest unit
    on the pegawai's path (a unit may tighten what its instansi set)."""
    rows = (
        StandarKompetensi.objects.filter(
            jabatan__iexact=pegawai.jabatan.strip(),
            unit__path__in=unit_ancestry(pegawai.unit.path),
        )
        .select_related("competency", "unit")
        .order_by("competency__kind", "competency__sort_order", "competency__code")
    )
    chosen: dict[int, StandarKompetensi] = {}
    for row in rows:
        held = chosen.get(row.competency_id)
        if held is None or len(row.unit.path) > len(held.unit.path):
            chosen[row.competency_id] = row
    return list(chosen.values())


def current_levels(*, pegawai_id: int, competency_ids: Iterable[int]) -> dict[int, Level]:
    """Per competency (of those asked) the current level and its source; absent = unknown."""
    ids = list(set(competency_ids))
    best: dict[int, Level] = {}

    def offer(competency_id: int, level: Level) -> None:
        if level.beats(best.get(competency_id)):
            best[competency_id] = level

    for competency_id, level, date in CompetencyProgress.objects.filter(
        pegawai_id=pegawai_id, competency_id__in=ids, level_reached__isnull=False
    ).values_list("competency_id", "level_reached", "last_date"):
        if level is not None:
            offer(competency_id, Level(level, LevelSource.COURSE, date))
    for competency_id, level, source, date in PenilaianKompetensi.objects.filter(
        pegawai_id=pegawai_id, competency_id__in=ids
    ).values_list("competency_id", "level", "source", "date"):
        offer(competency_id, Level(level, LevelSource(source), date))
    latest: dict[int, Level] = {}
    for competency_id, rating, date, name in (
        CompetencyRating.objects.filter(pegawai_id=pegawai_id, competency_id__in=ids)
        .order_by("date", "pk")
        .values_list("competency_id", "level", "date", "rated_by__user__display_name")
    ):
        # The latest rating stands: a coach may rate lower after a later session.
        latest[competency_id] = Level(rating, LevelSource.COACHING, date, by=name or "")
    for competency_id, rated in latest.items():
        offer(competency_id, rated)
    return best
