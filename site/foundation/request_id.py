"""One id per request or task, carried into logs, audit rows and the tasks a request starts.

``RequestIdMiddleware`` (first in ``MIDDLEWARE``) takes a safe incoming ``X-Request-ID``
(a load balancer's) or makes one, keeps it in a context variable for the request and
returns it as the ``X-Request-ID`` response header, so a user's error report or a proxy
log leads to the application's log lines and audit rows of that request.

A task enqueued through ``foundation.outbox`` carries the id of the request that enqueued it
(``HEADER`` in the message); the worker sets it for the task's run (``task_prerun``).
A task started by nobody (beat) gets ``task:<task id>``.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

HEADER = "bina_request_id"  # the Celery message header that carries the id
RESPONSE_HEADER = "X-Request-ID"
MAX_LENGTH = 64
_SAFE = re.compile(rf"[A-Za-z0-9\-_.]{{1,{MAX_LENGTH}}}")
# Ids we made ourselves may also be "task:<task id>" (a task enqueued by a task).
_SAFE_CARRIED = re.compile(rf"[A-Za-z0-9\-_.:]{{1,{MAX_LENGTH}}}")

_current: ContextVar[str | None] = ContextVar("bina_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request or task running now; None outside both (a shell)."""
    return _current.get()


@contextmanager
def bound(request_id: str) -> Iterator[str]:
    """Run a block under ``request_id`` (a management command, a test)."""
    token = _current.set(request_id)
    try:
        yield request_id
    finally:
        _current.reset(token)


def accept_or_generate(incoming: str | None) -> str:
    """An incoming id is kept only if it is short and plain (it ends up in logs and HTML)."""
    if incoming and _SAFE.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accept_or_generate(request.headers.get(RESPONSE_HEADER))
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[RESPONSE_HEADER] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    """Adds ``request_id`` ("-" outside a request or task) to every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            # Django logs a 4xx response ("Not Found: …") after the middleware has
            # returned; such records carry the request itself.
            request = getattr(record, "request", None)
            record.request_id = _current.get() or getattr(request, "request_id", None) or "-"
        return True


# --- Celery --------------------------------------------------------------------------


def task_started(sender=None, task_id=None, task=None, **kwargs) -> None:
    """``task_prerun``: the enqueuing request's id, or ``task:<id>`` for a task of nobody's.

    An eager task (dev, the SQLite tests) runs inside the request that called it and
    keeps that request's id.
    """
    request: Any = getattr(task, "request", None)
    carried = getattr(request, HEADER, None) or (getattr(request, "headers", None) or {}).get(
        HEADER
    )
    if carried:
        request_id = carried if _SAFE_CARRIED.fullmatch(carried) else uuid.uuid4().hex
    elif getattr(request, "is_eager", False) and _current.get():
        request_id = _current.get()
    else:
        request_id = f"task:{task_id}"[:MAX_LENGTH]
    request._bina_request_id_token = _current.set(request_id)


def task_finished(sender=None, task_id=None, task=None, **kwargs) -> None:
    """``task_postrun``: back to what was there before (nothing, in a worker)."""
    token = getattr(getattr(task, "request", None), "_bina_request_id_token", None)
    if token is not None:
        try:
            _current.reset(token)
        except ValueError:  # set in another context (should not happen): just clear
            _current.set(None)


def publish_headers() -> dict[str, str]:
    """Headers for a task published now: the current request's id, if there is one."""
    request_id = _current.get()
    return {HEADER: request_id} if request_id else {}


def add_filter_to_celery_handlers(logger=None, **kwargs) -> None:
    """``after_setup_logger``/``after_setup_task_logger``: Celery's handlers get the filter
    too, so the worker's format (``CELERY_WORKER_LOG_FORMAT``) can show the id."""
    for handler in getattr(logger, "handlers", []):
        if not any(isinstance(f, RequestIdLogFilter) for f in handler.filters):
            handler.addFilter(RequestIdLogFilter())
