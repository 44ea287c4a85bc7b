"""The "Jejak audit" admin page: superusers read the whole trail; nobody changes it here."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from foundation.request_id import MAX_LENGTH as REQUEST_ID_MAX_LENGTH

from .presentation import present
from .trail import TrailFilters, action_choices, target_choices, trail_page

# A native date picker needs ISO dates whatever the language's date format.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrailFilterForm(forms.Form):
    actor = forms.CharField(
        label=_("Pelaku"),
        required=False,
        max_length=150,
        help_text=_("Nama, nama pengguna, e-mail atau NIP; \u201csistem\u201d untuk tugas."),
    )
    action = forms.ChoiceField(label=_("Tindakan"), required=False)
    target = forms.ChoiceField(label=_("Jenis sasaran"), required=False)
    date_from = forms.DateField(label=_("Dari tanggal"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DATE_INPUT)
    request_id = forms.RegexField(
        label=_("ID permintaan"),
        required=False,
        max_length=REQUEST_ID_MAX_LENGTH,
        regex=r"^[A-Za-z0-9\-_.:]*$",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Semua"))]
        self.fields["action"].choices = everything + action_choices()
        self.fields["target"].choices = everything + target_choices()

    def filters(self) -> TrailFilters:
        """The filters asked for; call only on a valid form."""
        return TrailFilters(
            **{
                name: self.cleaned_data[name] or ""
                for name in ("actor", "action", "target", "request_id")
            },
            date_from=self.cleaned_data["date_from"],
            date_to=self.cleaned_data["date_to"],
        )


class AuditTrailView(WagtailAdminTemplateMixin, View):
    """GET only: there is nothing to post, edit or delete here (405 otherwise)."""

    http_method_names = ["get", "head", "options"]
    template_name = "foundation/audit_trail.html"
    page_title = _("Jejak audit")
    header_icon = "history"
    per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = TrailFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            page = Paginator([], self.per_page).get_page(1)  # the form shows what is wrong
        else:
            filters = form.filters() if form.is_bound else TrailFilters()
            page = trail_page(filters, page=request.GET.get("p", 1), per_page=self.per_page)
        query = request.GET.copy()
        query.pop("p", None)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                page=page,
                items=[present(row) for row in page.object_list],
                query=query.urlencode(),
            )
        )


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


class AuditTrailViewSet(ViewSet):
    name = "jejak_audit"
    url_prefix = "jejak-audit"
    icon = "history"
    menu_label = _("Jejak audit")
    add_to_settings_menu = True
    menu_item_class = SuperuserMenuItem

    def get_urlpatterns(self):
        return [path("", AuditTrailView.as_view(), name="index")]
