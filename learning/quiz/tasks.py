from celery import shared_task

from learning.quiz import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def close_overdue_attempts() -> int:
    """Close and grade every attempt past its deadline and grace. Safe to run twice: each
    attempt is locked and closed only while still in progress."""
    return sum(
        services.attempt_autoclose(attempt_id=attempt_id)
        for attempt_id in services.overdue_attempt_ids()
    )
