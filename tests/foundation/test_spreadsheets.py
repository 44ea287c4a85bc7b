"""Every spreadsheet export is formula-safe (see foundation.spreadsheets)."""

from __future__ import annotations

from django.urls import resolve

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from foundation.spreadsheets import FormulaSafeExportMixin, formula_safe, neutralise
from tests.security.test_route_matrix import iter_routes


def test_neutralise_prefixes_text_a_spreadsheet_would_evaluate():
    for text in ["=1+1", "+1", "-2", "@A1", "\tx", "\rx"]:
        assert neutralise(text) == "'" + text
    assert neutralise("Baik") == "Baik"
    assert neutralise(-2) == -2  # numbers are not formulas


def test_formula_safe_leaves_views_that_cannot_export_alone():
    class Plain:
        pass

    assert formula_safe(Plain) is Plain
    safe = formula_safe(SpreadsheetExportMixin)
    assert issubclass(safe, FormulaSafeExportMixin)
    assert formula_safe(safe) is safe


def _exporting_admin_views():
    """(path, view class) of every parameterless admin URL whose view offers an export."""
    for pattern, _name in iter_routes():
        if not pattern.startswith("admin/") or any(c in pattern for c in "<^$"):
            continue
        func = resolve("/" + pattern).func
        view_class = getattr(func, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        initkwargs = getattr(func, "view_initkwargs", {})
        if initkwargs.get("list_export", view_class.list_export):
            yield pattern, view_class


def test_every_admin_view_that_exports_neutralises_formulas():
    exporting = dict(_exporting_admin_views())
    unsafe = [p for p, view in exporting.items() if not issubclass(view, FormulaSafeExportMixin)]
    assert not unsafe
    # Our ledger, questions, competencies, evaluations and recommendations, and Wagtail's
    # reports and redirects.
    assert "admin/reports/site-history/" in exporting
    assert len(exporting) >= 10, sorted(exporting)
