from celery import shared_task

from django.core import management


@shared_task(acks_late=True)
def clear_expired_sessions() -> None:
    """Remove expired sessions; idempotent, so a doubled beat tick is harmless."""
    management.call_command("clearsessions")
