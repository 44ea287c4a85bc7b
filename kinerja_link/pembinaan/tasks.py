"""Pembinaan's Celery tasks. Thin and idempotent: running one twice does nothing twice.

Tasks that lived in ``kinerja_link.tasks`` before pembinaan became its own app keep their
names (``name=``): the beat schedule and rows waiting in the outbox name them.
"""

from celery import shared_task

from django.db import OperationalError
from django.utils import timezone

from ..scope import Scope
from .assignments import assignments_mark_overdue
from .evidence import evidence_attach_pending, evidence_from_learning_record
from .mail import notifications_send_pending
from .recommendations import recommendations_generate
from .reminders import reminders_create
from .transparency import transparency_refresh, transparency_refresh_pending_clear


@shared_task(acks_late=True, reject_on_worker_lost=True)
def pembinaan_reminders() -> dict[str, int]:
    """Daily: make today's reminders and digests, then e-mail what is pending."""
    created = reminders_create()
    report = notifications_send_pending()
    return {"created": created, "sent": report.sent, "skipped": report.skipped}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notifications_send() -> dict[str, int]:
    """Every few minutes: e-mail notifications made since the last run (feedback, etc.)."""
    report = notifications_send_pending()
    return {"sent": report.sent, "skipped": report.skipped, "failed": report.failed}


@shared_task(
    name="kinerja_link.tasks.skp_evidence_from_learning_record_task",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def skp_evidence_from_learning_record_task(learning_record_id: int) -> int | None:
    """Bukti dukung for one completed course. Idempotent: the evidence is one-to-one with
    its learning record, so a redelivered message adds nothing."""
    evidence = evidence_from_learning_record(learning_record_id=learning_record_id)
    return evidence.pk if evidence else None


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def skp_evidence_refresh_task(user_ids: list[int]) -> int:
    """Bukti dukung for these people at once: a training verified or rejected, a revoked
    certificate, a new SKP. Idempotent like the hourly sweep it narrows."""
    return evidence_attach_pending(user_ids=user_ids)


@shared_task(
    name="kinerja_link.tasks.skp_evidence_attach_pending_task",
    acks_late=True,
    reject_on_worker_lost=True,
)
def skp_evidence_attach_pending_task() -> int:
    """Hourly (beat), a repair: what the events above did not reach (a lost message)."""
    return evidence_attach_pending()


@shared_task(
    name="kinerja_link.tasks.transparency_refresh_task",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def transparency_refresh_task() -> int:
    """Recompute the public transparency figures. Idempotent: each run replaces the last.

    Drops the "refresh pending" lock first, so a change committed while this runs
    schedules another run (``transparency_refresh_soon``)."""
    transparency_refresh_pending_clear()
    return transparency_refresh().pk


@shared_task(
    name="kinerja_link.tasks.assignments_mark_overdue_task",
    acks_late=True,
    reject_on_worker_lost=True,
)
def assignments_mark_overdue_task() -> int:
    """Daily: open assignments past their due date become overdue. One UPDATE; idempotent."""
    return assignments_mark_overdue(today=timezone.localdate())


@shared_task(
    name="kinerja_link.tasks.recommendations_generate_task",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def recommendations_generate_task(
    periode_id: int, scope_paths: list[str] | str = ""
) -> dict[str, int]:
    """Recommendations for one period. Idempotent: existing rows are never made twice.

    ``scope_paths`` lists unit-path prefixes; a single string is a task queued before
    pengelola could serve several subtrees (still in the outbox after an upgrade)."""
    paths = [scope_paths] if isinstance(scope_paths, str) else scope_paths
    return recommendations_generate(periode_id=periode_id, scope=Scope.of(paths))
