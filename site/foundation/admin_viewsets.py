"""Base classes for our admin viewsets: Wagtail's, with formula-safe spreadsheet exports,
deletions refused while records hold the object, and the admin's widgets (choosers) on forms
built from ``form_fields``.

Every ``ModelViewSet`` and ``SnippetViewSet`` of ours extends these instead of Wagtail's
(see ``foundation.spreadsheets`` and ``foundation.deletion``; snippets are guarded by the
``before_delete_snippet`` hook).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet as WagtailModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from . import deletion
from .spreadsheets import FormulaSafeViewSetMixin


class ServiceFormMixin:
    """For create and edit views that save through a service: the service's validation
    errors become form errors instead of a 500."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)


class DeletionGuardMixin:
    """Before a generic delete view shows or does anything: refuse if records hold it."""

    def run_before_hook(self):
        return deletion.guard(self.request, [self.object]) or super().run_before_hook()


class DeleteView(DeletionGuardMixin, generic.DeleteView):
    pass


class ModelViewSet(FormulaSafeViewSetMixin, WagtailModelViewSet):
    delete_view_class = DeleteView

    def formfield_for_dbfield(self, db_field, **kwargs):
        # Wagtail builds a ``form_fields`` form with Django's defaults: a foreign key became a
        # <select> of every row (an API token's user: 20,000 options). Panel forms already
        # take the registered widgets; this gives the plain forms the same ones.
        return formfield_for_dbfield(db_field, **kwargs)


class SnippetViewSet(FormulaSafeViewSetMixin, WagtailSnippetViewSet):
    pass
