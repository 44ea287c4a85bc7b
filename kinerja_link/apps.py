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
        from .pembinaan.evidence_receivers import connect_evidence_receivers
        from .pembinaan.tim_saya import assignments_panel_context

        register_pengelola_scope(unit_subtree_scope)
        # Learning's course_completed closes the assignment and adds the SKP evidence;
        # the two receivers are independent and idempotent.
        assignment_receivers.connect()
        connect_evidence_receivers()
        register_panel(
            DashboardPanel(
                slot="assignments",
                template_name="kinerja_link/panels/assignments.html",
                get_context=assignments_panel_context,
            )
        )
