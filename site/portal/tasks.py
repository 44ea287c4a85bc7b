from celery import shared_task

from django.core.management import call_command
from django.db import OperationalError


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def publish_scheduled_pages() -> None:
    """Publish revisions whose go-live time has passed and unpublish expired pages.

    Wagtail's own ``publish_scheduled`` command does the work (pages and snippets with
    draft state alike); running it twice is harmless because a published revision loses
    its ``approved_go_live_at``. Publishing sends ``page_published``, which drops the
    anonymous page cache.
    """
    call_command("publish_scheduled", verbosity=0)
