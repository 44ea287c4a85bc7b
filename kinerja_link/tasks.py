from celery import shared_task

from .services import import_job_run, import_jobs_recover


@shared_task(
    acks_late=True, reject_on_worker_lost=True, soft_time_limit=60 * 60, time_limit=65 * 60
)
def import_job_run_task(job_id: int) -> str:
    """Run one evaluation import. Idempotent: a finished job is skipped, a rerun upserts."""
    return import_job_run(job_id=job_id).status


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_jobs_recover_task() -> list[int]:
    """Beat, every minute: queue again the running imports whose worker died."""
    return import_jobs_recover()
