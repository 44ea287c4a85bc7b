"""The Celery application. Configuration lives in Django settings under the CELERY_ namespace."""

import os

from celery import Celery, signals
from celery.schedules import crontab
from celery.signals import after_setup_logger, after_setup_task_logger

from django.conf import settings

from foundation import request_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")

app = Celery("bina")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Request ids (foundation.request_id): a task runs under the id of the request that
# enqueued it, and the worker's and beat's log lines show it. Connected here, not in an
# AppConfig, so that they are in place before Celery sets up its logging.
signals.task_prerun.connect(request_id.task_started, dispatch_uid="foundation.request_id.started")
signals.task_postrun.connect(
    request_id.task_finished, dispatch_uid="foundation.request_id.finished"
)
signals.after_setup_logger.connect(request_id.add_filter_to_celery_handlers, weak=False)
signals.after_setup_task_logger.connect(request_id.add_filter_to_celery_handlers, weak=False)


@after_setup_logger.connect
@after_setup_task_logger.connect
def _mask_nips_in_worker_logs(logger, **kwargs):
    """The worker replaces the root logger's handlers: give them LOGGING's NIP filter."""
    from foundation.log_redaction import mask_nips_on_handlers

    mask_nips_on_handlers(logger)


# Periodic work, declared here so it is reviewed with the code. Each entry names a task
# that is idempotent: beat may fire twice around a restart and nothing is doubled.
app.conf.beat_schedule = {
    "wagtail-publish-scheduled-pages": {
        "task": "portal.tasks.publish_scheduled_pages",
        "schedule": crontab(minute="*/5"),
    },
    "accounts-clear-expired-sessions": {
        "task": "accounts.tasks.clear_expired_sessions",
        "schedule": crontab(hour=2, minute=17),
    },
    "kinerja-pembinaan-reminders": {
        "task": "kinerja_link.pembinaan.tasks.pembinaan_reminders",
        "schedule": crontab(hour=6, minute=7),  # Asia/Jakarta (CELERY_TIMEZONE)
    },
    "kinerja-notifications-send": {
        "task": "kinerja_link.pembinaan.tasks.notifications_send",
        "schedule": crontab(minute="*/10"),
    },
    "kinerja-import-jobs-recover": {
        "task": "kinerja_link.tasks.import_jobs_recover_task",
        "schedule": float(settings.BINA_IMPORT_SWEEP_SECONDS),
    },
    "bina-outbox-relay": {
        "task": "foundation.tasks.outbox_relay",
        "schedule": 30.0,
    },
    "learning-quiz-close-overdue-attempts": {
        "task": "learning.quiz.tasks.close_overdue_attempts",
        "schedule": 60.0,
    },
    "kinerja-skp-evidence-attach-pending": {
        "task": "kinerja_link.tasks.skp_evidence_attach_pending_task",
        "schedule": crontab(minute=23),
    },
    "kinerja-link-transparency-refresh": {
        "task": "kinerja_link.tasks.transparency_refresh_task",
        "schedule": crontab(minute=41),  # hourly; the page says when it was computed
    },
    "pengembangan-evaluasi-l3-request": {
        "task": "kinerja_link.pengembangan.tasks.evaluasi_l3_request_task",
        "schedule": crontab(hour=5, minute=37),
    },
    "kinerja-assignments-mark-overdue": {
        "task": "kinerja_link.tasks.assignments_mark_overdue_task",
        "schedule": crontab(hour=0, minute=23),
    },
}
