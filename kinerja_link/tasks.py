from celery import shared_task

from django.db import OperationalError

from .pembinaan.recommendations import recommendations_generate
from .services import import_job_run


@shared_task(
    acks_late=True, reject_on_worker_lost=True, soft_time_limit=60 * 60, time_limit=65 * 60
)
def import_job_run_task(job_id: int) -> str:
    """Run one evaluation import. Idempotent: a finished job is skipped, a rerun upserts."""
    return import_job_run(job_id=job_id).status


@shared_task(
    acks_late=True, reject_on_worker_lost=True, autoretry_for=(OperationalError,),
    retry_backoff=True, max_retries=5,
)  # fmt: skip
def recommendations_generate_task(periode_id: int, scope_path: str = "") -> dict[str, int]:
    """Recommendations for one period. Idempotent: existing rows are never made twice."""
    return recommendations_generate(periode_id=periode_id, scope_path=scope_path)
