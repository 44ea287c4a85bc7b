from celery import shared_task

from learning import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
    # One PDF takes well under a second; a short limit also bounds how long the outbox
    # waits before it sends again a render whose worker died (foundation.outbox).
    soft_time_limit=60,
    time_limit=90,
)
def render_certificate(certificate_id: int) -> int | None:
    """Render a certificate's PDF. Idempotent: a certificate with a file is skipped."""
    return services.certificate_render(certificate_id=certificate_id).render_ms
