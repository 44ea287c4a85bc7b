from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaLinkConfig(AppConfig):
    name = "kinerja_link"
    verbose_name = _("Kinerja")
