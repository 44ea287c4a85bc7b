"""Beat jobs of pembinaan. Thin and idempotent: running one twice sends nothing twice."""

from celery import shared_task

from .mail import notifications_send_pending
from .reminders import reminders_create


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pembinaan_reminders() -> dict:
    """Daily: make today's reminders and digests, then e-mail what is pending."""
    created = reminders_create()
    report = notifications_send_pending()
    return {"created": created, "sent": report.sent, "skipped": report.skipped}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notifications_send() -> dict:
    """Every few minutes: e-mail notifications made since the last run (feedback, etc.)."""
    report = notifications_send_pending()
    return {"sent": report.sent, "skipped": report.skipped, "failed": report.failed}
