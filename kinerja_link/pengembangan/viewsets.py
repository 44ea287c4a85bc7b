"""Admin screens for the pengelola, in the Kinerja menu: the standar kompetensi jabatan
(edit, spreadsheet import, template) and assessment results, each scoped to the units
the pengelola manages (``kinerja_link.scope``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton

from foundation.admin_viewsets import ModelViewSet

from ..forms import ScopedAdminForm
from ..importing.readers import ImportFileError
from ..pembinaan.viewsets import PengelolaOnlyMenuItem
from ..scope import scope_for
from ..viewsets import (
    KINERJA_MENU_HOOK,
    ManagesUnitsRequiredMixin,
    ScopedByPegawaiIndexView,
    ScopedDeleteView,
    ScopedEditView,
)
from . import akpk, evaluasi_report
from .forms import StandarImportForm
from .models import PenilaianKompetensi, StandarKompetensi
from .standar import standar_import, template_rows

# --- Standar kompetensi jabatan ----------------------------------------------------------


class StandarForm(ScopedAdminForm):
    scoped_fields = {"unit": "path"}


class StandarIndexView(ScopedByPegawaiIndexView):
    unit_path_lookup = "unit__path"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("unit", "competency")

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Impor dari spreadsheet"),
                url=reverse("standar_kompetensi:import"),
                icon_name="upload",
            ),
        ]


class StandarEditView(ScopedEditView):
    unit_path_lookup = "unit__path"


class StandarDeleteView(ScopedDeleteView):
    unit_path_lookup = "unit__path"


class StandarImportView(ManagesUnitsRequiredMixin, WagtailAdminTemplateMixin, View):
    template_name = "pengembangan/admin/standar_import.html"
    page_title = _("Impor standar kompetensi jabatan")
    header_icon = "upload"

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=StandarImportForm()))

    def post(self, request):
        form = StandarImportForm(request.POST, request.FILES)
        report = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = standar_import(user=request.user, file=upload, name=upload.name)
            except ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                if not report.errors:
                    messages.success(request, _("Standar kompetensi jabatan tersimpan."))
        return self.render_to_response(self.get_context_data(form=form, report=report))


class StandarTemplateView(ManagesUnitsRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(
            akpk.to_csv(template_rows()), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="standar-kompetensi.csv"'
        return response


class StandarKompetensiViewSet(ModelViewSet):
    model = StandarKompetensi
    name = "standar_kompetensi"
    icon = "list-ol"
    menu_label = _("Standar kompetensi jabatan")
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 110
    index_view_class = StandarIndexView
    edit_view_class = StandarEditView
    delete_view_class = StandarDeleteView
    copy_view_enabled = False
    list_display = ["jabatan", "competency", "required_level", "unit"]
    list_filter = ["competency__kind"]
    search_fields = ["jabatan"]
    list_export = ["jabatan", "unit", "competency", "required_level"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("jabatan", "unit", "competency", "required_level")],
        base_form_class=StandarForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("impor/", StandarImportView.as_view(), name="import"),
            path("impor/templat/", StandarTemplateView.as_view(), name="template"),
        ]


# --- Assessment results ------------------------------------------------------------------


class PenilaianForm(ScopedAdminForm):
    scoped_fields = {"pegawai": "unit__path"}


class PenilaianEditView(ScopedEditView):
    pass


class PenilaianKompetensiViewSet(ModelViewSet):
    model = PenilaianKompetensi
    name = "penilaian_kompetensi"
    icon = "pick"
    menu_label = _("Hasil asesmen kompetensi")
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 111
    index_view_class = ScopedByPegawaiIndexView
    edit_view_class = PenilaianEditView
    delete_view_class = ScopedDeleteView
    copy_view_enabled = False
    list_display = ["pegawai", "competency", "level", "source", "date"]
    list_filter = ["source", "competency__kind"]
    list_export = ["pegawai", "competency", "level", "source", "date", "note"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("pegawai", "competency", "source", "level", "date", "note")],
        base_form_class=PenilaianForm,
    )


# --- Post-training evaluation (Kirkpatrick 1–4) ---------------------------------------------


class EvaluasiPelatihanView(ManagesUnitsRequiredMixin, WagtailAdminTemplateMixin, View):
    template_name = "pengembangan/admin/evaluasi_pelatihan.html"
    page_title = _("Evaluasi pascapelatihan")
    header_icon = "tasks"

    def get(self, request):
        report = evaluasi_report.evaluation_report(scope=scope_for(request.user))
        export = request.GET.get("format")
        if export in ("csv", "xlsx"):
            rows = evaluasi_report.export_rows(report)
            if export == "xlsx":
                body = evaluasi_report.to_xlsx(rows)
                content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                body, content_type = evaluasi_report.to_csv(rows), "text/csv; charset=utf-8"
            response = HttpResponse(body, content_type=content_type)
            response["Content-Disposition"] = f'attachment; filename="evaluasi-pelatihan.{export}"'
            return response
        return self.render_to_response(self.get_context_data(report=report))


class EvaluasiPelatihanViewSet(ViewSet):
    name = "evaluasi_pelatihan"
    icon = "tasks"
    menu_label = _("Evaluasi pascapelatihan")
    menu_item_class = PengelolaOnlyMenuItem
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 112

    def get_urlpatterns(self):
        return [path("", EvaluasiPelatihanView.as_view(), name="index")]


PENGEMBANGAN_VIEWSETS = (
    StandarKompetensiViewSet,
    PenilaianKompetensiViewSet,
    EvaluasiPelatihanViewSet,
)
