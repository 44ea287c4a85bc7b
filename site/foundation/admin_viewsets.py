"""Base classes for our admin viewsets: Wagtail's, with formula-safe spreadsheet exports
and deletions refused while records hold the object.

Every ``ModelViewSet`` and ``SnippetViewSet`` of ours extends these instead of Wagtail's
(see ``foundation.spreadsheets`` and ``foundation.deletion``; snippets are guarded by the
``before_delete_snippet`` hook).
"""

from __future__ import annotations

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet as WagtailModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from . import deletion
from .spreadsheets import FormulaSafeViewSetMixin


class DeletionGuardMixin:
    """Before a generic delete view shows or does anything: refuse if records hold it."""

    def run_before_hook(self):
        return deletion.guard(self.request, [self.object]) or super().run_before_hook()


class DeleteView(DeletionGuardMixin, generic.DeleteView):
    pass


class ModelViewSet(FormulaSafeViewSetMixin, WagtailModelViewSet):
    delete_view_class = DeleteView


class SnippetViewSet(FormulaSafeViewSetMixin, WagtailSnippetViewSet):
    pass
