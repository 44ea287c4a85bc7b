"""Formula injection in spreadsheet exports (the admin's ``list_export`` and our own files).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by Excel and LibreOffice when a CSV is opened (``=HYPERLINK(...)`` in a training
title a pegawai typed, exported by a pengelola). Wagtail only stops ``=`` in XLSX, so
every cell we export goes through ``neutralise``:

- our own CSV/XLSX files call it per cell (``kinerja_link.exporting``);
- an admin listing's view gets ``FormulaSafeExportMixin``: our viewsets inherit the bases
  in ``foundation.admin_viewsets``, which build every view formula-safe, and Wagtail's
  own listings are mounted formula-safe by ``foundation.wagtail_exports``.

A test exports every admin listing, and another checks every routed admin view that can
export, so a listing that misses the mixin fails the suite.
"""

from __future__ import annotations

from functools import cache

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text a spreadsheet would evaluate gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a ``SpreadsheetExportMixin`` view: every exported cell is neutralised, after
    Wagtail's own preprocessing (dates, lists, ``force_str``)."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


@cache
def formula_safe(view_class: type) -> type:
    """``view_class`` itself if it cannot export or is safe already, else a safe subclass."""
    if not issubclass(view_class, SpreadsheetExportMixin) or issubclass(
        view_class, FormulaSafeExportMixin
    ):
        return view_class
    return type(view_class.__name__, (FormulaSafeExportMixin, view_class), {})


class FormulaSafeViewSetMixin:
    """For a Wagtail ``ViewSet``: each view it builds that can export is formula-safe,
    including custom ``index_view_class`` subclasses."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(formula_safe(view_class), **kwargs)
