from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengembanganConfig(AppConfig):
    """Development planning sits above pembinaan: it reads its recommendations and
    competency progress and notifies through it; nothing below imports it."""

    name = "kinerja_link.pengembangan"
    label = "pengembangan"
    verbose_name = _("Pengembangan kompetensi")

    def ready(self):
        from foundation.deletion import audit_deletions

        from . import models

        audit_deletions(
            models.StandarKompetensi,
            models.PenilaianKompetensi,
            models.RencanaPengembangan,
            models.RencanaItem,
            models.PenilaianPascaPelatihan,
        )
