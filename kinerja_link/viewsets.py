"""Admin screens of the "Kinerja" menu. Every list and object is scoped to the user's units."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from foundation.admin_viewsets import DeleteView, ModelViewSet

from . import events
from .dashboard_admin import DashboardViewSet, ExportViewSet, PengelolaMenuItem
from .forms import PegawaiAdminForm, SKPAdminForm
from .importing.readers import ImportFileError, check_upload
from .importing.template_files import TEMPLATE_FORMATS, template_file
from .models import SKP, ApiToken, Evaluasi, ImportJob, ImportKind, Pegawai, Periode
from .scope import scope_for
from .scope_admin import PengelolaScopeViewSet
from .selectors import evaluasi_for_admin, import_jobs_for
from .services import (
    import_job_confirm,
    import_job_create,
    organisation_import,
    pimpinan_group_sync,
)
from .unit_admin import UnitKerjaViewSet

KINERJA_MENU_HOOK = "register_kinerja_menu_item"


# --- Evaluasi --------------------------------------------------------------------------


class EvaluasiIndexView(generic.IndexView):
    def get_base_queryset(self):
        return evaluasi_for_admin(self.request.user)


class EvaluasiInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(evaluasi_for_admin(self.request.user), pk=self.pk)


class EvaluasiViewSet(ModelViewSet):
    model = Evaluasi
    icon = "tasks"
    menu_label = _("Evaluasi")
    add_to_admin_menu = False
    index_view_class = EvaluasiIndexView
    inspect_view_class = EvaluasiInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "pegawai",
        "periode",
        "rating_hasil",
        "rating_perilaku",
        "predikat",
        "predikat_mismatch",
    ]
    list_filter = ["periode", "predikat", "predikat_mismatch", "source"]
    list_export = [
        "pegawai",
        "periode",
        "rating_hasil",
        "rating_perilaku",
        "predikat",
        "predikat_imported",
        "predikat_mismatch",
        "source",
    ]
    form_fields = ["rating_hasil", "rating_perilaku"]


# --- Import jobs -----------------------------------------------------------------------


class ImportUploadForm(forms.ModelForm):
    class Meta:
        model = ImportJob
        fields = ["kind", "file", "periode", "dry_run"]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {
            "file": _(
                "Unduhan e-Kinerja atau SIASN dalam format CSV, XLSX atau JSON. Kolomnya "
                "seperti templat di atas."
            ),
            "dry_run": _("Tampilkan dulu hasil pemeriksaan; simpan setelah Anda konfirmasi."),
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = True
        self.fields["kind"].required = False  # older clients post no kind: evaluations

    def clean_kind(self):
        return self.cleaned_data.get("kind") or ImportKind.EVALUASI

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload, upload.name or "")
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


class ImportUploadView(generic.CreateView):
    template_name = "kinerja_link/admin/import_upload.html"

    def get_form_class(self):
        return ImportUploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def get_initial(self):
        kind = self.request.GET.get("jenis")
        return {**super().get_initial(), "kind": kind if kind in ImportKind.values else None}

    def get_context_data(self, **kwargs):
        templates = [
            (label, reverse("kinerja_import:template", args=[kind, ext]), ext.upper())
            for kind, label in ImportKind.choices
            for ext in TEMPLATE_FORMATS
        ]
        return {**super().get_context_data(**kwargs), "import_templates": templates}

    def save_instance(self):
        data = self.form.cleaned_data
        try:
            return import_job_create(
                user=self.request.user,
                file=data["file"],
                periode=data["periode"],
                dry_run=data["dry_run"],
                kind=data["kind"],
            )
        except ValidationError as exc:
            raise PermissionDenied(" ".join(exc.messages)) from exc

    def get_success_url(self):
        return reverse("kinerja_import:inspect", args=[self.object.pk])

    def get_success_message(self, instance):
        return _("Berkas diterima dan sedang diproses.")


class ImportJobIndexView(generic.IndexView):
    def get_base_queryset(self):
        return import_jobs_for(self.request.user)


class ImportJobView(generic.InspectView):
    template_name = "kinerja_link/admin/import_job.html"

    def get_object(self, queryset=None):
        return get_object_or_404(import_jobs_for(self.request.user), pk=self.pk)

    def get_context_data(self, **kwargs):
        pk = self.object.pk
        return {
            **super().get_context_data(**kwargs),
            "job": self.object,
            "progress_url": reverse("kinerja_import:progress", args=[pk]),
            "confirm_url": reverse("kinerja_import:confirm", args=[pk]),
        }


def import_progress(request, pk):
    """Polled by the job page's progress bar."""
    job = get_object_or_404(import_jobs_for(request.user), pk=pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "processed": job.processed_rows,
            "total": job.total_rows,
            "percent": job.percent,
            "finished": job.is_finished,
        }
    )


def import_template(request, kind, ext):
    """The columns of one import kind with example rows, for a pengelola to fill in."""
    if scope_for(request.user) is None or kind not in ImportKind.values:
        raise Http404
    body, content_type = template_file(kind, ext)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="templat-impor-{kind}.{ext}"'
    return response


@require_POST
def import_confirm(request, pk):
    job = get_object_or_404(import_jobs_for(request.user), pk=pk)
    try:
        import_job_confirm(user=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Impor dikonfirmasi dan sedang disimpan."))
    return redirect("kinerja_import:inspect", job.pk)


class ImportJobViewSet(ModelViewSet):
    model = ImportJob
    name = "kinerja_import"
    icon = "upload"
    menu_label = _("Impor evaluasi & SKP")
    add_to_admin_menu = False
    add_view_class = ImportUploadView
    index_view_class = ImportJobIndexView
    inspect_view_class = ImportJobView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        "kind",
        "status",
        "dry_run",
        "total_rows",
        "created_count",
        "updated_count",
        "unchanged_count",
        "error_count",
    ]
    list_filter = ["kind", "status"]
    form_fields = ["kind", "file", "periode", "dry_run"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/progres/", import_progress, name="progress"),
            path("<int:pk>/konfirmasi/", import_confirm, name="confirm"),
            path("templat/<str:kind>.<str:ext>", import_template, name="template"),
        ]


# --- Organisation, periods, SKP, tokens ------------------------------------------------


class PeriodeViewSet(ModelViewSet):
    model = Periode
    icon = "date"
    menu_label = _("Periode")
    add_to_admin_menu = False
    form_fields = ["tahun", "jenis", "nomor"]
    list_display = ["__str__", "tahun", "jenis"]
    list_filter = ["tahun", "jenis"]
    copy_view_enabled = False


class ScopedMixin:
    """Limit a view's objects to the units the user manages; anything else is a 404."""

    unit_path_lookup = "pegawai__unit__path"

    def scoped(self, queryset):
        scope = scope_for(self.request.user)
        if scope is None:
            raise Http404
        return scope.filter(queryset, self.unit_path_lookup)


class ScopedByPegawaiIndexView(ScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())


class SKPIndexView(ScopedByPegawaiIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("pegawai__user", "periode")


class ScopedEditView(ScopedMixin, generic.EditView):
    def get_queryset(self):
        return self.scoped(super().get_queryset())


class ScopedDeleteView(ScopedMixin, DeleteView):
    def get_queryset(self):
        return self.scoped(super().get_queryset())


class AnnounceSkpMixin:
    """An SKP saved in the admin takes the evidence that waited for it at once."""

    def save_instance(self):
        instance = super().save_instance()
        events.announce_skps_changed(pegawai_ids=[instance.pegawai_id])
        return instance


class SKPCreateView(AnnounceSkpMixin, generic.CreateView):
    pass


class SKPEditView(AnnounceSkpMixin, ScopedEditView):
    pass


class SKPViewSet(ModelViewSet):
    model = SKP
    icon = "doc-full"
    menu_label = _("SKP")
    add_to_admin_menu = False
    index_view_class = SKPIndexView
    add_view_class = SKPCreateView
    edit_view_class = SKPEditView
    delete_view_class = ScopedDeleteView
    edit_handler = ObjectList(SKP.panels, base_form_class=SKPAdminForm)
    list_display = ["pegawai", "periode", "pendekatan", "status"]
    list_filter = ["periode", "status"]
    copy_view_enabled = False


class PegawaiIndexView(ScopedByPegawaiIndexView):
    unit_path_lookup = "unit__path"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "unit", "pejabat_penilai__user")


class PegawaiDeleteView(ScopedDeleteView):
    unit_path_lookup = "unit__path"


class PegawaiEditView(ScopedEditView):
    unit_path_lookup = "unit__path"

    def save_instance(self):
        instance = super().save_instance()
        # A changed pejabat penilai or active flag changes who is a pimpinan.
        pimpinan_group_sync()
        return instance

    @cached_property
    def header_more_buttons(self):
        # Apps above kinerja_link add buttons for their screens about one pegawai.
        extra = [
            button
            for fn in hooks.get_hooks(PEGAWAI_HEADER_BUTTONS_HOOK)
            for button in fn(self.object, self.request.user)
        ]
        return [*super().header_more_buttons, *extra]


# Functions returning URL patterns that take the pegawai's ``<int:pk>``; they are
# mounted under the Pegawai admin (names ``pegawai:<name>``).
PEGAWAI_ADMIN_URLS_HOOK = "kinerja_link_pegawai_admin_urls"
# Functions ``(pegawai, user) -> list[Button]`` for the header of a pegawai's edit screen.
PEGAWAI_HEADER_BUTTONS_HOOK = "kinerja_link_pegawai_header_buttons"


class PegawaiViewSet(ModelViewSet):
    model = Pegawai
    icon = "user"
    menu_label = _("Pegawai")
    add_to_admin_menu = False
    index_view_class = PegawaiIndexView
    edit_view_class = PegawaiEditView
    delete_view_class = PegawaiDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "user",
                "unit",
                "jabatan",
                "jenis_jabatan",
                "golongan",
                "pejabat_penilai",
                "atasan_pejabat_penilai",
                "is_active",
            )
        ],
        base_form_class=PegawaiAdminForm,
    )
    list_display = ["__str__", "jabatan", "unit", "pejabat_penilai", "is_active"]
    list_filter = ["jenis_jabatan", "is_active"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        # Apps above kinerja_link add screens about one pegawai (e.g. the personal-data
        # export) under this viewset's URLs and names through the hook.
        extra = [pattern for fn in hooks.get_hooks(PEGAWAI_ADMIN_URLS_HOOK) for pattern in fn()]
        return [*super().get_urlpatterns(), *extra]


class ApiTokenCreateView(generic.CreateView):
    def save_instance(self):
        token, raw = ApiToken.issue(
            name=self.form.cleaned_data["name"], user=self.form.cleaned_data["user"]
        )
        messages.warning(
            self.request, _("Salin token ini sekarang; ia tidak ditampilkan lagi: %s") % raw
        )
        return token

    def get_success_message(self, instance):
        return None


class ApiTokenIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The "user" column names each token's user: one join, not a query per row.
        return super().get_base_queryset().select_related("user")


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = _("Token API")
    add_to_admin_menu = False
    add_view_class = ApiTokenCreateView
    index_view_class = ApiTokenIndexView
    form_fields = ["name", "user", "is_active"]
    list_display = ["name", "user", "prefix", "is_active", "last_used_at"]
    copy_view_enabled = False


# --- Organisation import ---------------------------------------------------------------


class OrganisasiImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_(
            "CSV/XLSX dengan kolom NIP, NAMA, JABATAN, UNIT KERJA (kode), dan bila ada "
            "JENIS JABATAN, GOLONGAN, NIP PEJABAT PENILAI, NIP ATASAN PEJABAT PENILAI."
        ),
    )
    dry_run = forms.BooleanField(label=_("Pratinjau saja"), required=False, initial=True)


class ManagesUnitsRequiredMixin:
    """An admin screen for those who manage units (a pengelola, a superuser): others get
    Wagtail's "no permission"."""

    def dispatch(self, request, *args, **kwargs):
        if scope_for(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganisasiImportView(ManagesUnitsRequiredMixin, WagtailAdminTemplateMixin, View):
    template_name = "kinerja_link/admin/import_organisasi.html"
    page_title = _("Impor pegawai")
    header_icon = "group"

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=OrganisasiImportForm()))

    def post(self, request):
        form = OrganisasiImportForm(request.POST, request.FILES)
        report = None
        if form.is_valid():
            try:
                report = organisation_import(
                    user=request.user,
                    file=form.cleaned_data["file"],
                    dry_run=form.cleaned_data["dry_run"],
                )
            except ValidationError as exc:
                form.add_error("file", exc)
        context = self.get_context_data(
            form=form, report=report, dry_run=form.cleaned_data.get("dry_run")
        )
        return self.render_to_response(context)


class OrganisasiImportViewSet(ViewSet):
    name = "kinerja_organisasi"
    icon = "group"
    menu_label = _("Impor pegawai")
    menu_item_class = PengelolaMenuItem

    def get_urlpatterns(self):
        return [path("", OrganisasiImportView.as_view(), name="index")]


class KinerjaViewSetGroup(ViewSetGroup):
    menu_label = _("Kinerja")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        DashboardViewSet,
        ImportJobViewSet,
        ExportViewSet,
        EvaluasiViewSet,
        SKPViewSet,
        PeriodeViewSet,
        UnitKerjaViewSet,
        PengelolaScopeViewSet,
        PegawaiViewSet,
        OrganisasiImportViewSet,
        ApiTokenViewSet,
    )
    # Apps above kinerja_link (pembinaan) add their screens to this menu with Wagtail's
    # ``menu_hook``, after these (their ``menu_order`` is above the items' count).
    submenu_hook = KINERJA_MENU_HOOK
