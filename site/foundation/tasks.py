from celery import shared_task

from foundation import outbox


# Only beat sends it (every 30 s): a message under its old name "bina.tasks.outbox_relay"
# left in the broker at a deploy is refused as unknown, and the next tick sends this one.
@shared_task(acks_late=True, reject_on_worker_lost=True)
def outbox_relay() -> int:
    """Publish outbox rows whose publication failed or was lost. Safe to run twice: rows
    are locked while published and every task they name is idempotent."""
    return outbox.relay().sent
