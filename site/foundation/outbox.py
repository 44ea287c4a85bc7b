"""A transactional outbox for Celery tasks: no task lost when the broker is away.

``enqueue_on_commit(task, *args)`` writes an ``OutboxMessage`` row in the caller's
transaction, so the promise to run the task commits or rolls back with the change that
needs it (a rolled-back change never runs its task). After commit the row is published
to the broker; a failure (Redis down) is recorded on the row (attempts, last error, next
attempt with exponential backoff) and never reaches the user as an error. The relay
(``outbox_relay`` beat task every 30 s, or ``manage.py outbox_relay``) publishes what is
due once the broker is back. A worker closes the row when the task finishes
(``task_postrun``); a row published long ago and never finished is published again,
which covers a broker that lost its queue. A row whose task started (``task_prerun``)
is published again once the task's hard time limit and a grace have passed without it
finishing: its worker died, and the broker would hold the message for its visibility
timeout (an hour) before giving it to another.

Delivery is therefore at least once. Every task sent through here is idempotent (a
finished import is skipped, a rendered certificate is left alone, ...), so a second
delivery leaves the same state as the first.

Without a broker (``REDIS_URL`` unset: dev, demo, the SQLite test run) Celery is eager
and tasks simply run after commit, as ``transaction.on_commit(task.delay)`` did.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from celery import current_app, states
from celery.app.task import Task

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutboxMessage
from .request_id import HEADER as REQUEST_ID_HEADER
from .request_id import current_request_id, publish_headers

logger = logging.getLogger(__name__)

# A freshly written row is published by its own request; the relay leaves it alone this
# long so that both do not publish it at once.
FIRST_PUBLISH_GRACE = datetime.timedelta(seconds=60)
ERROR_MAX_CHARS = 2000


def enqueue_on_commit(task: Task[Any, Any], *args: Any, **kwargs: Any) -> OutboxMessage | None:
    """Run ``task(*args, **kwargs)`` in a worker once the current transaction commits.

    Arguments must be JSON (ids, not instances). Returns the outbox row, or ``None``
    in eager mode where no row is needed.
    """
    if task.app.conf.task_always_eager:
        headers = publish_headers()
        transaction.on_commit(lambda: task.apply_async(args, kwargs, headers=headers))
        return None
    message = OutboxMessage.objects.create(
        task_name=task.name,
        args=list(args),
        kwargs=kwargs,
        # The task's log lines and audit rows carry the id of the request that asked for it.
        request_id=current_request_id() or "",
        next_attempt_at=timezone.now() + FIRST_PUBLISH_GRACE,
    )
    # robust: whatever happens while publishing, the committed request still succeeds.
    transaction.on_commit(partial(publish, message), robust=True)
    return message


def publish(message: OutboxMessage) -> bool:
    """Send one row's task to the broker under the row's task id; record the outcome."""
    now = timezone.now()
    try:
        task = current_app.tasks[message.task_name]
        task.apply_async(
            message.args,
            message.kwargs,
            task_id=str(message.task_id),
            # Celery takes None for "no headers"; celery-types only allows a dict.
            headers={REQUEST_ID_HEADER: message.request_id} if message.request_id else None,  # type: ignore[arg-type]
            # Nobody waits on these results; and without this a result backend on the
            # same Redis makes a publish wait ~20 s for it when Redis is down.
            ignore_result=True,
            retry=True,
            retry_policy=settings.BINA_OUTBOX_PUBLISH_RETRY,
        )
    except Exception as exc:  # any failure to publish is recorded and retried
        _record_failure(message, now, exc)
        return False
    redeliver = datetime.timedelta(seconds=settings.BINA_OUTBOX_REDELIVER_AFTER_SECONDS)
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=F("attempts") + 1,
        sent_at=now,
        last_attempt_at=now,
        last_error="",
        next_attempt_at=now + redeliver,
    )
    return True


def _record_failure(message: OutboxMessage, now: datetime.datetime, exc: Exception) -> None:
    attempts = message.attempts + 1
    message.attempts = attempts
    error = f"{type(exc).__name__}: {exc}"[:ERROR_MAX_CHARS]
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=F("attempts") + 1,
        last_error=error,
        last_attempt_at=now,
        next_attempt_at=now + backoff(attempts),
    )
    logger.warning("Outbox: %s (%s) not published: %s", message.task_name, message.task_id, error)


def backoff(attempts: int) -> datetime.timedelta:
    """Base, 2×base, 4×base … capped: a broker that is down is not hammered."""
    base = settings.BINA_OUTBOX_BACKOFF_SECONDS
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.BINA_OUTBOX_BACKOFF_MAX_SECONDS)
    return datetime.timedelta(seconds=seconds)


@dataclass
class RelayReport:
    due: int = 0
    sent: int = 0
    failed: int = 0
    pruned: int = 0


def relay(*, limit: int = 500) -> RelayReport:
    """Publish every open row whose next attempt is due; prune old finished rows.

    Rows are locked with SKIP LOCKED, so two relays (beat fired twice, a command run by
    hand) never publish the same row at the same time.
    """
    report = RelayReport()
    with transaction.atomic():
        due = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(completed_at__isnull=True, next_attempt_at__lte=timezone.now())
            .order_by("next_attempt_at")[:limit]
        )
        report.due = len(due)
        for message in due:
            if publish(message):
                report.sent += 1
            else:
                report.failed += 1
    keep = datetime.timedelta(days=settings.BINA_OUTBOX_KEEP_DAYS)
    report.pruned, _ = OutboxMessage.objects.filter(completed_at__lt=timezone.now() - keep).delete()
    return report


def mark_started(
    sender: object = None, task_id: Any = None, task: Any = None, **kwargs: object
) -> None:
    """``task_prerun`` receiver: the row becomes due again when no live run can still be
    going (the task's hard time limit plus ``BINA_OUTBOX_RUNNING_GRACE_SECONDS``)."""
    if getattr(task.request, "is_eager", False):
        return
    limit = task.time_limit or task.app.conf.task_time_limit or 0
    lease = datetime.timedelta(seconds=limit + settings.BINA_OUTBOX_RUNNING_GRACE_SECONDS)
    try:
        OutboxMessage.objects.filter(task_id=task_id, completed_at__isnull=True).update(
            next_attempt_at=timezone.now() + lease
        )
    except Exception:  # bookkeeping must never fail the task
        logger.exception("Outbox: could not record the start of task %s", task_id)


def mark_completed(
    sender: object = None,
    task_id: Any = None,
    task: Any = None,
    state: str | None = None,
    **kwargs: object,
) -> None:
    """``task_postrun`` receiver: close the task's outbox row once it has run to an end.

    A retry is not an end (the row stays open); success, failure after the last retry
    and revocation are.
    """
    if state not in states.READY_STATES or getattr(task.request, "is_eager", False):
        return
    try:
        OutboxMessage.objects.filter(task_id=task_id, completed_at__isnull=True).update(
            completed_at=timezone.now(), final_state=state
        )
    except Exception:  # bookkeeping must never fail the task
        logger.exception("Outbox: could not close the row of task %s", task_id)


def open_counts() -> dict[str, int]:
    """Rows not finished yet: unsent after a failure, and sent but not finished."""
    open_rows = OutboxMessage.objects.filter(completed_at__isnull=True)
    return {
        "failed": open_rows.filter(sent_at__isnull=True, attempts__gt=0).count(),
        "waiting": open_rows.count(),
    }
