"""Request ids: taken or made per request, returned, logged, carried into tasks."""

from __future__ import annotations

import logging
import re

import pytest
from celery.app.task import Context

from django.test import Client
from django.urls import path

from accounts.tasks import clear_expired_sessions
from bina.celery import app as celery_app
from bina.urls import handler500 as project_handler500
from bina.urls import urlpatterns as project_urls
from foundation import outbox, request_id
from foundation.outbox import enqueue_on_commit

HEX32 = re.compile(r"[0-9a-f]{32}")


def _boom(request):
    logging.getLogger("bina.test").warning("sebelum gagal")
    raise RuntimeError("gagal")


urlpatterns = [path("meledak/", _boom), *project_urls]
handler500 = project_handler500  # the project's own handler, under this test's URLs


class Collect(logging.Handler):
    """A handler configured like the project's console handler: with the filter."""

    def __init__(self):
        super().__init__()
        self.addFilter(request_id.RequestIdLogFilter())
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def collected():
    handler = Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler.records
    root.removeHandler(handler)


def test_every_response_gets_a_fresh_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert HEX32.fullmatch(first) and HEX32.fullmatch(second) and first != second


@pytest.mark.parametrize("incoming", ["lb-7f3a.2_x", "a" * 64])
def test_a_safe_incoming_id_is_kept(client, incoming):
    assert client.get("/healthz", headers={"X-Request-ID": incoming})["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming", ["a" * 65, "<script>alert(1)</script>", "abc def", "x\ty", "ünï", "a/b", ""]
)
def test_an_unsafe_incoming_id_is_replaced(client, incoming):
    returned = client.get("/healthz", headers={"X-Request-ID": incoming})["X-Request-ID"]
    assert HEX32.fullmatch(returned)


@pytest.mark.django_db
def test_redirects_and_404s_carry_the_id_too(client):
    assert HEX32.fullmatch(client.get("/tim-saya/")["X-Request-ID"])  # 302 to the login
    assert HEX32.fullmatch(client.get("/tidak-ada/")["X-Request-ID"])


@pytest.mark.django_db
def test_log_lines_of_a_request_carry_its_id(client, collected):
    response = client.get("/halaman-yang-tidak-ada/", headers={"X-Request-ID": "lapor-123"})
    assert response.status_code == 404
    mine = [r for r in collected if r.name == "django.request"]
    assert mine and {r.request_id for r in mine} == {"lapor-123"}
    # Outside a request: a dash, never a stale id.
    logging.getLogger("bina.test").warning("di luar permintaan")
    assert collected[-1].request_id == "-"


def test_the_console_handler_has_the_filter_and_the_format_shows_the_id():
    handlers = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, request_id.RequestIdLogFilter) for f in h.filters)
    ]
    assert handlers, "LOGGING's console handler lost the request id filter"
    record = logging.LogRecord("bina", logging.INFO, __file__, 1, "pesan", None, None)
    with request_id.bound("abc-1"):
        for f in handlers[0].filters:
            f.filter(record)
    assert "[abc-1]" in handlers[0].format(record)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_the_500_page_names_the_id_and_the_log_line_has_it(collected):
    client = Client(raise_request_exception=False)
    response = client.get("/meledak/", headers={"X-Request-ID": "laporan-500"})
    assert response.status_code == 500
    assert response["X-Request-ID"] == "laporan-500"
    assert "laporan-500" in response.content.decode()
    assert "RuntimeError" not in response.content.decode()
    assert {r.request_id for r in collected if r.name in ("bina.test", "django.request")} == {
        "laporan-500"
    }


# --- Celery ----------------------------------------------------------------------------


class _Task:
    def __init__(self, request):
        self.request = request


def test_a_worker_task_takes_the_id_from_its_message_and_gives_it_back():
    task = _Task(Context({"id": "t-1", request_id.HEADER: "req-9", "is_eager": False}))
    request_id.task_started(task_id="t-1", task=task)
    assert request_id.current_request_id() == "req-9"
    request_id.task_finished(task_id="t-1", task=task)
    assert request_id.current_request_id() is None


def test_a_task_nobody_asked_for_gets_its_own_id():
    task = _Task(Context({"id": "t-2", "is_eager": False}))
    request_id.task_started(task_id="t-2", task=task)
    assert request_id.current_request_id() == "task:t-2"
    request_id.task_finished(task_id="t-2", task=task)
    assert request_id.current_request_id() is None


def test_an_unsafe_header_is_not_trusted():
    task = _Task(Context({"id": "t-3", request_id.HEADER: "<b>x</b>", "is_eager": False}))
    request_id.task_started(task_id="t-3", task=task)
    assert HEX32.fullmatch(request_id.current_request_id())
    request_id.task_finished(task_id="t-3", task=task)


@pytest.fixture
def memory_broker():
    conf = celery_app.conf
    saved = (conf.broker_url, conf.task_always_eager)
    conf.task_always_eager = False
    conf.broker_url = "memory://"
    celery_app._after_fork()
    yield
    conf.broker_url, conf.task_always_eager = saved
    celery_app._after_fork()


def _published_headers(task_id: str) -> dict:
    """The headers of the next message for ``task_id`` on the in-memory broker (other
    tests may have left messages of their own in the same queue)."""
    with celery_app.connection_for_read() as connection:
        queue = connection.SimpleQueue(celery_app.conf.task_default_queue)
        try:
            while True:
                message = queue.get(timeout=2)
                message.ack()
                if message.headers["id"] == task_id:
                    return message.headers
        finally:
            queue.close()


@pytest.mark.django_db
def test_the_outbox_stores_the_id_and_every_publish_carries_it(
    memory_broker, settings, django_capture_on_commit_callbacks
):
    settings.BINA_OUTBOX_REDELIVER_AFTER_SECONDS = 0
    with request_id.bound("req-outbox"), django_capture_on_commit_callbacks(execute=True):
        message = enqueue_on_commit(clear_expired_sessions)
    message.refresh_from_db()
    assert message.request_id == "req-outbox"
    task_id = str(message.task_id)
    assert _published_headers(task_id)[request_id.HEADER] == "req-outbox"
    # The relay publishes it again from a beat task, long after the request: same id.
    assert outbox.relay().sent == 1
    headers = _published_headers(task_id)
    assert headers[request_id.HEADER] == "req-outbox"
    task = _Task(Context({**headers, "is_eager": False}))
    request_id.task_started(task_id=headers["id"], task=task)
    try:
        assert request_id.current_request_id() == "req-outbox"
    finally:
        request_id.task_finished(task_id=headers["id"], task=task)
