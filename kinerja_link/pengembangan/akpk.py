"""AKPK rows (analisis kebutuhan pengembangan kompetensi, the instansi's yearly needs plan):
per unit, competency and development form, how many pegawai plan it and their total JP.

Only approved IDPs count: a draft is not yet a need the instansi plans for. Every cell
goes through ``foundation.spreadsheets.neutralise`` (a competency name or a unit name
is text someone typed).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from foundation.spreadsheets import neutralise

from ..scope import Scope
from .models import DevelopmentForm, IdpStatus, RencanaItem


def akpk_header() -> list[object]:
    return [
        _("Tahun"),
        _("Kode unit"),
        _("Unit kerja"),
        _("Kode kompetensi"),
        _("Kompetensi"),
        _("Jalur"),
        _("Bentuk pengembangan"),
        _("Jumlah pegawai"),
        _("Total JP"),
    ]


def akpk_totals(*, scope: Scope, tahun: int) -> list[dict[str, Any]]:
    """One aggregate query: approved IDP items of the year in the scope, grouped."""
    items = scope.filter(
        RencanaItem.objects.filter(rencana__tahun=tahun, rencana__status=IdpStatus.APPROVED),
        "rencana__pegawai__unit__path",
    )
    return [
        dict(row)
        for row in items.values(
            "rencana__pegawai__unit__kode",
            "rencana__pegawai__unit__nama",
            "competency__code",
            "competency__name",
            "form",
        )
        .annotate(pegawai=Count("rencana__pegawai", distinct=True), jp=Sum("target_jp"))
        .order_by("rencana__pegawai__unit__kode", "competency__code", "form")
    ]


def akpk_rows(*, scope: Scope, tahun: int) -> Iterator[list[object]]:
    yield akpk_header()
    labels = dict(DevelopmentForm.choices)
    klasikal = DevelopmentForm.klasikal()
    for row in akpk_totals(scope=scope, tahun=tahun):
        form = str(row["form"])
        yield [
            tahun,
            row["rencana__pegawai__unit__kode"],
            row["rencana__pegawai__unit__nama"],
            row["competency__code"] or "",
            row["competency__name"] or _("(kesenjangan kinerja)"),
            _("Klasikal") if form in klasikal else _("Nonklasikal"),
            str(labels.get(form, form)),
            row["pegawai"],
            Decimal(str(row["jp"] or 0)),
        ]


def to_csv(rows: Iterable[list[object]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(rows: Iterable[list[object]], *, sheet_name: str = "AKPK") -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
