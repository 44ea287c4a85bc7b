from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaLinkConfig(AppConfig):
    name = "kinerja_link"
    verbose_name = _("Kinerja")

    def ready(self):
        from foundation.deletion import audit_deletions

        from .models import SKP, Evaluasi, ImportJob, PerilakuEkspektasi, RencanaHasilKerja

        # Records of performance: a deletion that is allowed is audited row by row.
        audit_deletions(SKP, RencanaHasilKerja, PerilakuEkspektasi, Evaluasi, ImportJob)
