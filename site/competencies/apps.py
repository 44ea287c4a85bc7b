from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    name = "competencies"
    label = "competencies"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Kompetensi")
