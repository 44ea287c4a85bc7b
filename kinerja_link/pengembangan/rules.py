"""The two rules of the IDP: which standard a pegawai's jabatan carries, and a pegawai's
current level of a competency with its source.

Current level (issue 16): the highest of an assessment result, a course completed with
the outcome "Kompetensi tercapai" at the course's target level (kept by pembinaan as
``CompetencyProgress.level_reached``), and the pimpinan's rating after coaching. On equal
levels the stronger evidence is named: assessment, then coaching, then course.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Pegawai, UnitKerja
from ..pembinaan.models import CompetencyProgress
from .models import LevelSource, PenilaianKompetensi, StandarKompetensi

# Higher wins a tie of levels.
SOURCE_STRENGTH = {LevelSource.ASSESSMENT: 3, LevelSource.COACHING: 2, LevelSource.COURSE: 1}


@dataclass(frozen=True)
class Level:
    level: int
    source: LevelSource
    date: datetime.date | None = None

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
    return best
