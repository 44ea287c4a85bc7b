from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoundationConfig(AppConfig):
    """Infrastructure every app may use and that uses no app of ours: the task outbox,
    the audit trail, the resilient cache, request ids, log redaction, security headers,
    error and health views, and formula-safe spreadsheet exports.

    (Request ids in Celery are connected in ``bina.celery``, before Celery's logging.)"""

    name = "foundation"
    label = "foundation"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Fondasi")

    def ready(self):
        from celery.signals import task_postrun, task_prerun

        from django.apps import apps
        from django.db.models.signals import pre_save

        from wagtail.models.audit_log import BaseLogEntry

        from .audit.stamping import stamp_log_entry
        from .outbox import mark_completed, mark_started

        task_prerun.connect(mark_started, dispatch_uid="foundation.outbox.mark_started")
        task_postrun.connect(mark_completed, dispatch_uid="foundation.outbox.mark_completed")
        # Per log-entry model, so that no other model's save runs the receiver.
        for model in apps.get_models():
            if issubclass(model, BaseLogEntry):
                pre_save.connect(
                    stamp_log_entry,
                    sender=model,
                    dispatch_uid=f"foundation.stamp.{model._meta.label}",
                )
