from django.apps import AppConfig


class BinaConfig(AppConfig):
    """The project package as an app, only so that its commands (seed_demo, seed_scale)
    and its historical migrations load. Infrastructure lives in ``foundation``."""

    name = "bina"
    verbose_name = "Bina ASN"
