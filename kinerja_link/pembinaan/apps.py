from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PembinaanConfig(AppConfig):
    """Pembinaan sits above kinerja_link and learning: it reads both and neither imports it."""

    name = "kinerja_link.pembinaan"
    label = "pembinaan"
    verbose_name = _("Pembinaan")

    def ready(self):
        from learning.dashboard import DashboardPanel, register_panel

        from . import receivers
        from .tim_saya import assignments_panel_context

        receivers.connect()
        register_panel(
            DashboardPanel(
                slot="assignments",
                template_name="kinerja_link/panels/assignments.html",
                get_context=assignments_panel_context,
            )
        )
