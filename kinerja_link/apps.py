from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaLinkConfig(AppConfig):
    name = "kinerja_link"
    verbose_name = _("Kinerja")

    def ready(self):
        from learning.dashboard import DashboardPanel, register_panel
        from learning.scopes import register_pengelola_scope

        from .learning_scope import unit_subtree_scope
        from .pembinaan import assignment_receivers
        from .pembinaan.tim_saya import assignments_panel_context

        register_pengelola_scope(unit_subtree_scope)
        assignment_receivers.connect()
        register_panel(
            DashboardPanel(
                slot="assignments",
                template_name="kinerja_link/panels/assignments.html",
                get_context=assignments_panel_context,
            )
        )
