"""Formula injection in the admin's spreadsheet exports (Wagtail's ``list_export``).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by Excel and LibreOffice when a CSV is opened (``=HYPERLINK(...)`` in a training
title a pegawai typed, exported by a pengelola). Wagtail only stops ``=`` in XLSX, so
every export of every admin listing goes through ``neutralise`` here: installed once
from ``BinaConfig.ready`` rather than per viewset, so a new listing cannot forget it.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text a spreadsheet would evaluate gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def install() -> None:
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
