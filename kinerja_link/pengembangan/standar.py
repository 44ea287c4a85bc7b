"""Import of the standar kompetensi jabatan from a spreadsheet (XLSX or CSV), read by the
project's import reader (size and zip-bomb limits). All rows or none: a file with a
single bad row writes nothing and lists every problem with its row number, so the
pengelola fixes the sheet and uploads it again. Units outside the pengelola's scope are
refused like unknown ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from competencies.models import Competency

from ..importing.readers import ImportFileError, read_table
from ..models import UnitKerja
from ..scope import scope_for
from .models import StandarKompetensi

if TYPE_CHECKING:
    from accounts.models import User

COLUMNS = ("jabatan", "kode_unit", "kode_kompetensi", "level")
EXAMPLE = ("Analis Sumber Daya Manusia Aparatur", "KW", "MJ-INT", 3)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Row:
    number: int
    jabatan: str
    unit: UnitKerja
    competency: Competency
    level: int


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _level(value: object) -> int | None:
    try:
        level = int(float(_text(value)))
    except ValueError:
        return None
    return level if 1 <= level <= 5 and float(_text(value)) == level else None


def _parse(table_rows, headers, user: User, report: ImportReport) -> list[_Row]:
    scope = scope_for(user)
    index = {_text(h).lower(): i for i, h in enumerate(headers)}
    missing = [c for c in COLUMNS if c not in index]
    if missing:
        raise ImportFileError(_("Kolom tidak ditemukan: %s") % ", ".join(missing))
    units = {u.kode: u for u in UnitKerja.objects.all()}
    competencies = {c.code: c for c in Competency.objects.filter(has_levels=True)}
    rows = []
    for number, cells in table_rows:
        cell = {c: (cells[index[c]] if index[c] < len(cells) else None) for c in COLUMNS}
        jabatan = _text(cell["jabatan"])[:255]
        unit = units.get(_text(cell["kode_unit"]))
        competency = competencies.get(_text(cell["kode_kompetensi"]))
        level = _level(cell["level"])
        problem = (
            _("jabatan kosong")
            if not jabatan
            else _("unit tidak dikenal atau di luar cakupan Anda")
            if unit is None or scope is None or not scope.contains(unit.path)
            else _("kompetensi tidak dikenal atau tidak memiliki level")
            if competency is None
            else _("level harus bilangan bulat 1–5")
            if level is None
            else None
        )
        if problem:
            report.errors.append((number, problem))
        else:
            assert unit is not None and competency is not None and level is not None
            rows.append(_Row(number, jabatan, unit, competency, level))
    return rows


def standar_import(*, user: User, file: IO[bytes], name: str) -> ImportReport:
    """Upsert the file's rows by (jabatan, unit, competency); raises ImportFileError for an
    unreadable file."""
    report = ImportReport()
    table = read_table(file, name)
    rows = _parse(table.rows, table.headers, user, report)
    if report.errors:
        return report
    with transaction.atomic():
        for row in rows:
            standar, created = StandarKompetensi.objects.get_or_create(
                jabatan=row.jabatan,
                unit=row.unit,
                competency=row.competency,
                defaults={"required_level": row.level},
            )
            if created:
                report.created += 1
                log(instance=standar, action="wagtail.create", user=user)
            elif standar.required_level != row.level:
                before = standar.required_level
                standar.required_level = row.level
                standar.save(update_fields=["required_level"])
                report.updated += 1
                log(
                    instance=standar,
                    action="wagtail.edit",
                    user=user,
                    data={"required_level": [before, row.level]},
                )
            else:
                report.unchanged += 1
    return report


def template_rows() -> list[list[object]]:
    return [list(COLUMNS), list(EXAMPLE)]
