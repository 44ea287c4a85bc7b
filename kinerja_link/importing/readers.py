"""Read a CSV or XLSX upload into rows, refusing what is too large before parsing it.

Limits come from settings so an agency can raise them: ``KINERJA_IMPORT_MAX_BYTES``
(the upload), ``KINERJA_IMPORT_MAX_ROWS`` and ``KINERJA_IMPORT_MAX_UNCOMPRESSED`` (an
XLSX is a zip: a small file can inflate to gigabytes, so the sizes in the zip directory
are checked before openpyxl sees the file).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

_SNIFF_BYTES = 64 * 1024


class ImportFileError(Exception):
    """The whole file is unusable; the message is for the user, in Indonesian."""


@dataclass
class Table:
    headers: list[object]
    rows: list[tuple[int, list[object]]]  # (spreadsheet row number, cells)


def limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "KINERJA_IMPORT_MAX_BYTES", 20 * 1024 * 1024),
        getattr(settings, "KINERJA_IMPORT_MAX_ROWS", 200_000),
        getattr(settings, "KINERJA_IMPORT_MAX_UNCOMPRESSED", 200 * 1024 * 1024),
    )


def check_size(size: int) -> None:
    max_bytes = limits()[0]
    if size > max_bytes:
        raise ImportFileError(
            _("Berkas terlalu besar (%(size)s MB); batasnya %(max)s MB.")
            % {"size": round(size / 1048576, 1), "max": round(max_bytes / 1048576, 1)}
        )


UNSUPPORTED = _lazy("Jenis berkas tidak didukung: gunakan CSV, XLSX atau JSON.")


def read_table(
    fileobj: IO[bytes], name: str, json_table: Callable[[object], Table] | None = None
) -> Table:
    """Headers and non-blank rows of the first sheet (XLSX) or the file (CSV); a JSON
    file is handed to ``json_table`` (the import kind knows its nested form)."""
    data = fileobj.read(limits()[0] + 1)
    check_size(len(data))
    if not data.strip():
        raise ImportFileError(_("Berkas kosong."))
    if name.lower().endswith(".xlsx") or data[:2] == b"PK":
        lines = _xlsx_lines(data)
    elif name.lower().endswith((".csv", ".txt")):
        _check_text(data[:_SNIFF_BYTES])
        lines = _csv_lines(data)
    elif name.lower().endswith(".json"):
        return (json_table or records_table)(_json_data(data))
    else:
        raise ImportFileError(str(UNSUPPORTED))
    return _table(lines)


def _json_data(data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFileError(_("Berkas JSON tidak dapat dibaca: periksa isinya.")) from exc


def records_table(data: object) -> Table:
    """A JSON list of flat records, or ``{"rows": [...]}`` as the API takes them."""
    if isinstance(data, dict):
        data = data.get("rows")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ImportFileError(_("Berkas JSON harus berisi daftar baris (objek)."))
    if not data:
        raise ImportFileError(_("Berkas tidak berisi baris data."))
    return rows_table(data)


def check_upload(fileobj: IO[bytes], name: str) -> None:
    """The cheap checks, done when the file is uploaded rather than when its job runs:
    size, a supported type that matches the content, and an XLSX's inflated size."""
    size = getattr(fileobj, "size", None)
    if size is not None:
        check_size(size)
    fileobj.seek(0)
    head = fileobj.read(_SNIFF_BYTES)
    fileobj.seek(0)
    if not head.strip():
        raise ImportFileError(_("Berkas kosong."))
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        if not head.startswith(b"PK"):
            raise ImportFileError(_("Berkas XLSX rusak atau bukan XLSX."))
        data = fileobj.read(limits()[0] + 1)
        fileobj.seek(0)
        check_size(len(data))
        _guard_zip(data)
    elif lowered.endswith((".csv", ".txt", ".json")):
        _check_text(head)
    else:
        raise ImportFileError(str(UNSUPPORTED))


def _check_text(head: bytes) -> None:
    if b"\x00" in head or head.startswith(b"PK"):
        raise ImportFileError(
            _("Berkas bukan CSV teks. Simpan ulang dari spreadsheet sebagai CSV atau XLSX.")
        )


def rows_table(records: list[dict]) -> Table:
    """The same shape from JSON records (the API): keys of the first record are the headers."""
    headers: list[object] = list(dict.fromkeys(k for record in records for k in record))
    lines = ([record.get(h) for h in headers] for record in records)
    return _table(iter([headers, *lines]))


def _table(lines: Iterator[list[object]]) -> Table:
    max_rows = limits()[1]
    headers = next(lines, None)
    if not headers or not any(_filled(c) for c in headers):
        raise ImportFileError(_("Berkas kosong."))
    rows: list[tuple[int, list[object]]] = []
    for number, cells in enumerate(lines, start=2):
        if _blank(cells):
            continue
        if len(rows) >= max_rows:
            raise ImportFileError(
                _("Berkas berisi lebih dari %(max)s baris data; bagi menjadi beberapa berkas.")
                % {"max": f"{max_rows:,}".replace(",", ".")}
            )
        rows.append((number, list(cells)))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data."))
    return Table(headers=list(headers), rows=rows)


def _blank(cells: list[object]) -> bool:
    try:  # a CSV row is all text: one join instead of a call per cell
        return not "".join(cells).strip()  # type: ignore[arg-type]
    except TypeError:
        return not any(_filled(c) for c in cells)


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _csv_lines(data: bytes) -> Iterator[list[object]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to Indonesian write ";" because "," is the decimal separator.
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:  # a cell over csv.field_size_limit(), a stray quote or CR
        raise ImportFileError(
            _("Berkas CSV rusak di sekitar baris %(line)s: periksa tanda kutip dan panjang sel.")
            % {"line": reader.line_num}
        ) from exc


def _xlsx_lines(data: bytes) -> Iterator[list[object]]:
    import openpyxl  # imported here: only XLSX uploads pay for it

    _guard_zip(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportFileError(_("Berkas XLSX tidak dapat dibaca.")) from exc
    return _sheet_lines(workbook.worksheets[0].iter_rows(values_only=True))


def _sheet_lines(rows: Iterable[tuple]) -> Iterator[list[object]]:
    try:
        for row in rows:
            yield list(row)
    except Exception as exc:  # a damaged sheet or a member that inflates past its size
        raise ImportFileError(_("Berkas XLSX tidak dapat dibaca.")) from exc


def _guard_zip(data: bytes) -> None:
    max_uncompressed = limits()[2]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ImportFileError(_("Berkas XLSX rusak atau bukan XLSX.")) from exc
    if total > max_uncompressed:
        raise ImportFileError(
            _("Isi berkas XLSX terlalu besar setelah diekstrak (%(size)s MB); batasnya %(max)s MB.")
            % {"size": total // 1048576, "max": max_uncompressed // 1048576}
        )
