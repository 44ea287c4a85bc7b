from django.apps import AppConfig


class BinaConfig(AppConfig):
    """The project package as an app, so that project-wide commands (seed_demo) are found."""

    name = "bina"
    verbose_name = "Bina ASN"

    def ready(self):
        from . import spreadsheets

        spreadsheets.install()
