"""The import templates as CSV (UTF-8 with BOM, what Excel opens correctly) or XLSX."""

from __future__ import annotations

import io

from django.http import Http404

from foundation.spreadsheets import neutralise

from .kinds import kind_of

TEMPLATE_FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def template_file(kind: str, ext: str) -> tuple[bytes, str]:
    rows = kind_of(kind).template_rows()
    if ext == "csv":
        return _csv(rows), CSV_TYPE
    if ext == "xlsx":
        return _xlsx(rows, kind.upper()), XLSX_TYPE
    raise Http404


def _csv(rows: list[list[object]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode()


def _xlsx(rows: list[list[object]], title: str) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    for column in sheet.iter_cols():
        if "NIP" in str(column[0].value):  # typed NIPs must stay text, not 1.98E+17
            for cell in column:
                cell.number_format = "@"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
