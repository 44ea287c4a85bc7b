from celery import shared_task

from django.db import OperationalError

from .pembinaan.evidence import evidence_attach_pending, evidence_from_learning_record
from .pembinaan.recommendations import recommendations_generate
from .pembinaan.transparency import transparency_refresh
from .services import import_job_run


@shared_task(
    acks_late=True, reject_on_worker_lost=True, soft_time_limit=60 * 60, time_limit=65 * 60
)
def import_job_run_task(job_id: int) -> str:
    """Run one evaluation import. Idempotent: a finished job is skipped, a rerun upserts."""
    return import_job_run(job_id=job_id).status


@shared_task(
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


@shared_task(acks_late=True, reject_on_worker_lost=True)
def skp_evidence_attach_pending_task() -> int:
    """Hourly (beat): evidence that waited for its SKP, and verified external trainings."""
    return evidence_attach_pending()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def transparency_refresh_task() -> int:
    """Recompute the public transparency figures. Idempotent: each run replaces the last."""
    return transparency_refresh().pk


@shared_task(acks_late=True, reject_on_worker_lost=True)
def assignments_mark_overdue_task() -> int:
    """Daily: open assignments past their due date become overdue. One UPDATE; idempotent."""
    from django.utils import timezone

    from .pembinaan.assignments import assignments_mark_overdue

    return assignments_mark_overdue(today=timezone.localdate())


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def recommendations_generate_task(periode_id: int, scope_path: str = "") -> dict[str, int]:
    """Recommendations for one period. Idempotent: existing rows are never made twice."""
    return recommendations_generate(periode_id=periode_id, scope_path=scope_path)
