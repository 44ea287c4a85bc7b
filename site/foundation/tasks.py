from celery import shared_task

from foundation import outbox


# The name it had under ``bina``: a beat message already in the broker during a deploy,
# and a beat schedule kept in a file, still find it.
@shared_task(name="bina.tasks.outbox_relay", acks_late=True, reject_on_worker_lost=True)
def outbox_relay() -> int:
    """Publish outbox rows whose publication failed or was lost. Safe to run twice: rows
    are locked while published and every task they name is idempotent."""
    return outbox.relay().sent
