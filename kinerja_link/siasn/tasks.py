from __future__ import annotations

from typing import Any

from celery import Task, shared_task

from django.conf import settings
from django.contrib.auth import get_user_model

from .client import SiasnRejected, SiasnUnavailable
from .pulling import kinerja_pull
from .services import push_failed, push_run, retry_delay


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.SIASN_MAX_RETRIES,
)
def siasn_push_task(self: Task[Any, Any], push_id: int) -> str:
    """Push one learning record to SIASN. Idempotent: a sent record is skipped, and one
    SIASN already holds is found there instead of being created again."""
    try:
        return str(push_run(push_id=push_id).status)
    except SiasnUnavailable as exc:
        final = self.request.retries >= (self.max_retries or 0)
        push_failed(push_id=push_id, error=str(exc), final=final)
        if final:
            return "failed"
        delay = retry_delay(self.request.retries).total_seconds()
        raise self.retry(exc=exc, countdown=delay) from exc
    except SiasnRejected as exc:
        push_failed(push_id=push_id, error=str(exc), final=True)
        return "failed"


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(SiasnUnavailable,),
    retry_backoff=30,
    max_retries=settings.SIASN_MAX_RETRIES,
)
def siasn_kinerja_pull_task(periode_id: int, user_id: int) -> str:
    """Import the periode's evaluations from SIASN for the user's unit subtree. Idempotent:
    the import upserts by (NIP, periode), so a second run changes nothing."""
    from kinerja_link.models import Periode

    user = get_user_model().objects.get(pk=user_id)
    job = kinerja_pull(user=user, periode=Periode.objects.get(pk=periode_id))
    return str(job.status)
