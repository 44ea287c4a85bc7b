from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaLinkConfig(AppConfig):
    name = "kinerja_link"
    verbose_name = _("Kinerja")

    def ready(self):
        from .pembinaan import assignment_receivers
        from .pembinaan.evidence_receivers import connect_evidence_receivers

        # Learning's course_completed closes the assignment and adds the SKP evidence;
        # the two receivers are independent and idempotent.
        assignment_receivers.connect()
        connect_evidence_receivers()
