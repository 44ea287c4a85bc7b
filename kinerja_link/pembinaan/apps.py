from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PembinaanConfig(AppConfig):
    """Pembinaan sits above kinerja_link and learning: it reads both and neither imports it."""

    name = "kinerja_link.pembinaan"
    label = "pembinaan"
    verbose_name = _("Pembinaan")

    def ready(self):
        from foundation.deletion import audit_deletions

        from . import models, receivers

        receivers.connect()
        audit_deletions(
            models.Recommendation,
            models.Assignment,
            models.PembinaanSession,
            models.SessionParticipant,
            models.Feedback,
            models.SkpEvidence,
            models.CompetencyProgress,
            models.RencanaAksi,
            models.RencanaAksiKomentar,
            models.BuktiDukung,
        )
