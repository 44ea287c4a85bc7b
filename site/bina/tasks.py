from celery import shared_task

from bina import outbox


@shared_task(acks_late=True, reject_on_worker_lost=True)
def outbox_relay() -> int:
    """Publish outbox rows whose publication failed or was lost. Safe to run twice: rows
    are locked while published and every task they name is idempotent."""
    return outbox.relay().sent
