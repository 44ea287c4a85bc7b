from django.apps import AppConfig


class BinaConfig(AppConfig):
    """The project package as an app: project-wide commands (seed_demo) and the task outbox."""

    name = "bina"
    verbose_name = "Bina ASN"

    def ready(self):
        from celery.signals import task_postrun

        from . import spreadsheets
        from .outbox import mark_completed

        spreadsheets.install()
        task_postrun.connect(mark_completed, dispatch_uid="bina.outbox.mark_completed")
