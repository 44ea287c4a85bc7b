from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalDataConfig(AppConfig):
    """Personal data (PDP) requests: export everything held about one pegawai, erase a
    departed one. It reads the records of every app, so it sits above all of them."""

    name = "kinerja_link.personal_data"
    label = "personal_data"
    verbose_name = _("Data pribadi")
