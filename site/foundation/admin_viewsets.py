"""Base classes for our admin viewsets: Wagtail's, with formula-safe spreadsheet exports.

Every ``ModelViewSet`` and ``SnippetViewSet`` of ours extends these instead of Wagtail's
(see ``foundation.spreadsheets``).
"""

from __future__ import annotations

from wagtail.admin.viewsets.model import ModelViewSet as WagtailModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from .spreadsheets import FormulaSafeViewSetMixin


class ModelViewSet(FormulaSafeViewSetMixin, WagtailModelViewSet):
    pass


class SnippetViewSet(FormulaSafeViewSetMixin, WagtailSnippetViewSet):
    pass
