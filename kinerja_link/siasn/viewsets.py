"""Admin: what went to SIASN, per learning record ("Terkirim ke SIASN" or the error), and
"Kirim periode ke SIASN" for a pengelola's unit subtree."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from foundation.admin_viewsets import ModelViewSet
from kinerja_link.models import Periode, UnitKerja
from kinerja_link.scope import scope_for
from kinerja_link.selectors import units_for_export
from kinerja_link.viewsets import KINERJA_MENU_HOOK, ManagesUnitsRequiredMixin

from .models import SiasnPush
from .services import kinerja_pull_request, push_periode


def pushes_for(user) -> QuerySet[SiasnPush]:
    """The pushes of the pengelola's unit subtree; anyone else gets a 404."""
    scope = scope_for(user)
    if scope is None:
        raise Http404
    pushes = SiasnPush.objects.select_related("learning_record__user")
    return scope.filter(pushes, "learning_record__user__pegawai__unit__path")


class PushIndexView(generic.IndexView):
    def get_base_queryset(self):
        return pushes_for(self.request.user)

    @cached_property
    def header_buttons(self):
        url = reverse("siasn_push:periode")
        return [HeaderButton(_("Kirim periode ke SIASN"), url=url, icon_name="upload")]


class PushInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(pushes_for(self.request.user), pk=self.pk)


class PushPeriodeForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Periode"), queryset=Periode.objects.all())
    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=UnitKerja.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for_export(user)


class PushPeriodeView(ManagesUnitsRequiredMixin, WagtailAdminTemplateMixin, View):
    template_name = "siasn/admin/push_periode.html"
    page_title = _("Kirim dan ambil data SIASN")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("siasn_push:index"), "label": _("Kiriman SIASN")},
            {"url": "", "label": self.page_title},
        ]

    def render_form(self, form):
        context = self.get_context_data(form=form, enabled=settings.SIASN_ENABLED)
        return self.render_to_response(context)

    def get(self, request):
        return self.render_form(PushPeriodeForm(user=request.user))

    def post(self, request):
        form = PushPeriodeForm(request.POST, user=request.user)
        if not form.is_valid() or not settings.SIASN_ENABLED:
            return self.render_form(form)
        periode = form.cleaned_data["periode"]
        if request.POST.get("action") == "ambil":
            kinerja_pull_request(user=request.user, periode=periode)
            messages.success(
                request,
                _("Kinerja %(periode)s sedang diambil dari SIASN; hasilnya di Impor evaluasi.")
                % {"periode": periode.label},
            )
        else:
            queued = push_periode(periode=periode, unit=form.cleaned_data["unit"])
            messages.success(request, _("%(count)d catatan dikirim ke SIASN.") % {"count": queued})
        return redirect("siasn_push:index")


class SiasnPushViewSet(ModelViewSet):
    model = SiasnPush
    name = "siasn_push"
    icon = "upload"
    menu_label = _("Kiriman SIASN")
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 110
    index_view_class = PushIndexView
    inspect_view_class = PushInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("pegawai", label=_("Pegawai"), accessor="learning_record.user"),
        "learning_record",
        Column("source", label=_("Sumber"), accessor="learning_record.get_source_display"),
        "status",
        "last_error",
        "sent_at",
    ]
    list_filter = ["status"]
    list_export = ["learning_record", "status", "siasn_id", "attempts", "last_error", "sent_at"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("periode/", PushPeriodeView.as_view(), name="periode"),
        ]
