"""Admin screens for pengelola: pembinaan rules, recommendations (read-only, scoped to the
unit subtree, with "Buat rekomendasi" per period) and the effectiveness report."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton

from competencies.models import Competency
from foundation.admin_viewsets import ModelViewSet, ServiceFormMixin
from learning.models import CoursePage

from ..kuadran import Predikat
from ..models import Periode
from ..scope import scope_for
from ..selectors import periode_with_evaluasi
from ..viewsets import KINERJA_MENU_HOOK, ManagesUnitsRequiredMixin
from .effectiveness import OUTCOMES, effectiveness_report
from .models import PembinaanRule, Recommendation
from .recommendations import recommendations_request
from .rules import rule_clean, rule_create, rule_revise


class PengelolaOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for(request.user) is not None


# --- Rules -----------------------------------------------------------------------------


class PembinaanRuleForm(WagtailAdminModelForm):
    predikat = forms.TypedMultipleChoiceField(
        label=_("predikat kinerja"),
        choices=Predikat.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosong: semua predikat (syarat lain tetap berlaku)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "courses" in self.fields:
            self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")
        if "flagged_value" in self.fields:
            self.fields["flagged_value"].queryset = Competency.objects.values_berakhlak()
        if "competency" in self.fields:
            self.fields["competency"].queryset = Competency.objects.exclude(kind="panduan")
        if self.instance.pk and "code" in self.fields:
            self.fields["code"].disabled = True

    def clean(self):
        data = super().clean()
        try:
            rule_clean(data)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        return data


def _rule_panels():
    return [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("predikat"),
                FieldPanel("rating_hasil"),
                FieldPanel("rating_perilaku"),
                FieldPanel("flagged_value"),
                FieldPanel("any_flagged_value"),
            ],
            heading=_("Syarat (semua harus terpenuhi)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("courses"),
                FieldPanel("competency"),
                FieldPanel("course_for_flagged_value"),
                FieldPanel("session_kind"),
                FieldPanel("due_days"),
                FieldPanel("priority"),
            ],
            heading=_("Tindakan"),
        ),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until"), FieldPanel("is_active")],
            heading=_("Masa berlaku"),
        ),
    ]


class RuleCreateView(ServiceFormMixin, generic.CreateView):
    def save_instance(self):
        return rule_create(user=self.request.user, data=self.form.cleaned_data)


class RuleEditView(ServiceFormMixin, generic.EditView):
    def save_instance(self):
        return rule_revise(user=self.request.user, rule=self.object, data=self.form.cleaned_data)

    def get_success_message(self):
        if self.object.version > 1 and self.object.pk != int(self.kwargs["pk"]):
            message = _(
                "Aturan sudah menghasilkan rekomendasi: perubahan disimpan sebagai versi "
                "%(versi)s, versi lama tetap tercatat."
            )
            return message % {"versi": self.object.version}
        return super().get_success_message()


class PembinaanRuleViewSet(ModelViewSet):
    model = PembinaanRule
    name = "pembinaan_rule"
    icon = "list-ul"
    menu_label = _("Aturan pembinaan")
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 101
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    copy_view_enabled = False
    list_display = ["name", "code", "version", "valid_from", "valid_until", "is_active", "priority"]
    list_filter = ["is_active", "priority", "session_kind"]
    search_fields = ["name", "code"]

    edit_handler = ObjectList(_rule_panels(), base_form_class=PembinaanRuleForm)


# --- Recommendations -------------------------------------------------------------------


def recommendations_for(user):
    scope = scope_for(user)
    if scope is None:
        raise Http404
    return scope.filter(Recommendation.objects.all(), "pegawai__unit__path").select_related(
        "pegawai__user", "evaluasi__periode", "rule", "course"
    )


class RecommendationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return recommendations_for(self.request.user)

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Buat rekomendasi"), url=reverse("recommendation:generate"), icon_name="plus"
            )
        ]


class RecommendationInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(recommendations_for(self.request.user), pk=self.pk)


class GenerateForm(forms.Form):
    periode = forms.ModelChoiceField(
        label=_("Periode"),
        queryset=Periode.objects.none(),
        empty_label=None,
        help_text=_(
            "Aturan yang berlaku pada periode ini dijalankan untuk pegawai di unit "
            "Anda. Rekomendasi yang sudah ada tidak dibuat ulang."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = periode_with_evaluasi()


class GenerateView(ManagesUnitsRequiredMixin, WagtailAdminTemplateMixin, View):
    template_name = "kinerja_link/admin/recommendation_generate.html"
    page_title = _("Buat rekomendasi")
    header_icon = "list-ul"

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=GenerateForm()))

    def post(self, request):
        form = GenerateForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        periode = form.cleaned_data["periode"]
        recommendations_request(user=request.user, periode=periode)
        messages.success(
            request, _("Rekomendasi untuk %(periode)s sedang dibuat.") % {"periode": periode.label}
        )
        return redirect("recommendation:index")


class RecommendationViewSet(ModelViewSet):
    model = Recommendation
    name = "recommendation"
    icon = "list-ul"
    menu_label = _("Rekomendasi")
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 102
    index_view_class = RecommendationIndexView
    inspect_view_class = RecommendationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "pegawai",
        "reason",
        "course",
        Column("session_kind", label=_("Sesi"), accessor="get_session_kind_display"),
        "priority",
        "status",
        "rule",
    ]
    list_filter = ["status", "priority", "session_kind", "evaluasi__periode"]
    list_export = [
        "pegawai",
        "evaluasi",
        "rule",
        "course",
        "session_kind",
        "reason",
        "priority",
        "status",
        "created_at",
    ]
    form_fields = ["status"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("buat/", GenerateView.as_view(), name="generate")]


# --- Effectiveness ---------------------------------------------------------------------


class EffectivenessView(WagtailAdminTemplateMixin, View):
    template_name = "kinerja_link/admin/effectiveness.html"
    page_title = _("Efektivitas pembinaan")
    header_icon = "doc-full"

    def get(self, request):
        scope = scope_for(request.user)
        if scope is None:
            raise PermissionDenied
        report = effectiveness_report(scope=scope)
        return self.render_to_response(self.get_context_data(report=report, outcomes=OUTCOMES))


class EffectivenessViewSet(ViewSet):
    name = "pembinaan_efektivitas"
    icon = "doc-full"
    menu_label = _("Efektivitas pembinaan")
    menu_item_class = PengelolaOnlyMenuItem
    menu_hook = KINERJA_MENU_HOOK
    menu_order = 103

    def get_urlpatterns(self):
        return [path("", EffectivenessView.as_view(), name="index")]


PEMBINAAN_VIEWSETS = (PembinaanRuleViewSet, RecommendationViewSet, EffectivenessViewSet)
