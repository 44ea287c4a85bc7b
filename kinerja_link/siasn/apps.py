from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiasnConfig(AppConfig):
    """The SIASN connector: pushes the JP ledger to BKN as Riwayat Kursus, pulls kinerja."""

    name = "kinerja_link.siasn"
    label = "siasn"
    verbose_name = _("SIASN")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
