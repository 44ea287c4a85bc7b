from django.apps import AppConfig


class BinaConfig(AppConfig):
    """The project package as an app: project-wide commands (seed_demo), the task outbox
    and the audit trail. (Request ids in Celery are wired in ``bina.celery``.)"""

    name = "bina"
    verbose_name = "Bina ASN"

    def ready(self):
        from celery.signals import task_postrun

        from django.apps import apps
        from django.db.models.signals import pre_save

        from wagtail.models.audit_log import BaseLogEntry

        from . import spreadsheets
        from .audit.stamping import stamp_log_entry
        from .outbox import mark_completed

        spreadsheets.install()
        task_postrun.connect(mark_completed, dispatch_uid="bina.outbox.mark_completed")
        # Per log-entry model, so that no other model's save runs the receiver.
        for model in apps.get_models():
            if issubclass(model, BaseLogEntry):
                pre_save.connect(
                    stamp_log_entry, sender=model, dispatch_uid=f"bina.stamp.{model._meta.label}"
                )
