"""Kinerja → Dasbor pengelola: the state of the units a pengelola manages, in one screen."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .dashboard import pengelola_dashboard
from .scope import scope_for

UNITS_PER_PAGE = 50


class PengelolaMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for(request.user) is not None


class DashboardView(WagtailAdminTemplateMixin, View):
    template_name = "kinerja_link/admin/dashboard.html"
    page_title = _("Dasbor pengelola")
    header_icon = "home"

    def get_breadcrumbs_items(self):
        # Wagtail's base shows only "Home"; end the trail with this page, as its viewsets do.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get(self, request):
        periode = request.GET.get("periode", "")
        figures = pengelola_dashboard(
            user=request.user, periode_id=int(periode) if periode.isdigit() else None
        )
        if figures is None:
            raise PermissionDenied
        # An instansi of a thousand units: the per-unit table goes by pages.
        units = Paginator(figures.pop("units"), UNITS_PER_PAGE).get_page(request.GET.get("p"))
        context = self.get_context_data(
            **figures,
            units=units,
            elided_page_range=units.paginator.get_elided_page_range(units.number),
            ekspor_url=reverse("kinerja:ekspor"),
            impor_url=reverse("kinerja_import:add"),
            verifikasi_url=reverse("learning:verification_list"),
        )
        return self.render_to_response(context)


class DashboardViewSet(ViewSet):
    name = "kinerja_dasbor"
    url_prefix = "kinerja-dasbor"
    icon = "home"
    menu_label = _("Dasbor pengelola")
    menu_item_class = PengelolaMenuItem

    def get_urlpatterns(self):
        return [path("", DashboardView.as_view(), name="index")]


class ExportMenuItem(PengelolaMenuItem):
    """The export lives outside the admin (``/kinerja/ekspor/``); the menu links to it."""


class ExportViewSet(ViewSet):
    name = "kinerja_ekspor"
    icon = "download"
    menu_label = _("Ekspor e-Kinerja")
    menu_item_class = ExportMenuItem

    @property
    def menu_url(self):
        return reverse("kinerja:ekspor")

    def get_urlpatterns(self):
        return []
