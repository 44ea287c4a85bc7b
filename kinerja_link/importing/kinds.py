"""The kinds of import the engine runs: evaluations and SKPs.

A kind says which columns a file must have, how its rows are written, how its JSON
form becomes rows and what its downloadable template holds. The job around it (upload,
preview, progress, confirm, the per-row report) is the same for every kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import ImportKind
from . import engine, skp, skp_json, templates
from .readers import Table, records_table


@dataclass(frozen=True)
class Kind:
    missing_columns_message: Callable[[Table], str | None]
    # (table, context, the counts a crashed run committed or None) -> the final counts
    run: Callable[[Table, engine.ImportContext, engine.Report | None], engine.Report]
    json_table: Callable[[object], Table]
    template_rows: Callable[[], list[list[object]]]


KINDS: dict[str, Kind] = {
    ImportKind.EVALUASI: Kind(
        missing_columns_message=engine.missing_columns_message,
        run=engine.run,
        json_table=records_table,
        template_rows=templates.evaluasi_rows,
    ),
    ImportKind.SKP: Kind(
        missing_columns_message=skp.missing_columns_message,
        run=skp.run,
        json_table=skp_json.skp_table,
        template_rows=templates.skp_rows,
    ),
}


def kind_of(name: str) -> Kind:
    return KINDS[name]
