from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Public participation: services (layanan) of a unit with their SKM survey, the IKM,
    and moderated public feedback. Sits above kinerja_link (a service belongs to a
    ``UnitKerja``) and below pembinaan, which it tells about what a pimpinan must hear
    through :mod:`kinerja_link.participation.events`."""

    name = "kinerja_link.participation"
    label = "participation"
    verbose_name = _("Partisipasi publik")

    def ready(self):
        from foundation.deletion import audit_deletions

        from . import models

        audit_deletions(models.SurveyResponse, models.PublicFeedback)
