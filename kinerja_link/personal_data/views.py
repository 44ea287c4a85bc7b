"""Admin pages "Data pribadi": export (JSON, PDF) and erasure of one pegawai.

Only a pengelola whose unit subtree holds the pegawai (or a superuser) gets past
``pegawai_in_scope``; anyone else gets the same 404 as for a missing id.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Pegawai
from ..scope import scope_for
from .erasure import is_erased, pegawai_erase
from .export import personal_data_export
from .forms import ErasureForm


def pegawai_in_scope(user, pk: int) -> Pegawai:
    scope = scope_for(user)
    if scope is None:
        raise Http404
    return get_object_or_404(scope.filter(Pegawai.objects.select_related("user", "unit")), pk=pk)


class PersonalDataView(WagtailAdminTemplateMixin, View):
    template_name = "kinerja_link/personal_data/admin.html"
    header_icon = "user"
    page_title = _("Data pribadi")

    def get_page_subtitle(self):
        return str(self.pegawai)

    def dispatch(self, request, pk: int):
        self.pegawai = pegawai_in_scope(request.user, pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        pk = self.pegawai.pk
        return super().get_context_data(
            pegawai=self.pegawai,
            erased=is_erased(self.pegawai),
            is_self=self.pegawai.user_id == self.request.user.pk,
            json_url=reverse("pegawai:data_pribadi_json", args=[pk]),
            pdf_url=reverse("pegawai:data_pribadi_pdf", args=[pk]),
            erase_url=reverse("pegawai:data_pribadi_hapus", args=[pk]),
            **kwargs,
        )

    def get(self, request, pk: int):
        return self.render_to_response(self.get_context_data(form=ErasureForm()))


class ErasureView(PersonalDataView):
    """GET shows the consequences and the form; POST erases after the typed confirmation."""

    template_name = "kinerja_link/personal_data/erase.html"
    page_title = _("Hapus data pribadi")

    def post(self, request, pk: int):
        form = ErasureForm(request.POST)
        if form.is_valid():
            try:
                result = pegawai_erase(
                    pegawai=self.pegawai, by=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if result.already_erased:
                    messages.info(request, _("Data pribadi pegawai ini sudah dihapus sebelumnya."))
                else:
                    messages.success(request, _("Data pribadi pegawai dihapus (dipseudonimkan)."))
                return redirect("pegawai:data_pribadi", pk)
        return self.render_to_response(self.get_context_data(form=form))


def _download(request, pk: int, fmt: str) -> HttpResponse:
    pegawai = pegawai_in_scope(request.user, pk)
    export = personal_data_export(pegawai=pegawai, by=request.user, fmt=fmt)
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store"
    return response


def export_json(request, pk: int) -> HttpResponse:
    return _download(request, pk, "json")


def export_pdf(request, pk: int) -> HttpResponse:
    return _download(request, pk, "pdf")
