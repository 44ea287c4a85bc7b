"""Pengembangan's Celery tasks: thin and idempotent."""

from celery import shared_task

from .evaluasi import l3_request


@shared_task(acks_late=True, reject_on_worker_lost=True)
def evaluasi_l3_request_task() -> int:
    """Daily: ask pimpinan for the level-3 rating of completions now due (repeats add
    nothing: one request per enrolment)."""
    return l3_request()
