"""The outbox on its own, without services: runs on SQLite as well as in CI.

A closed port stands for a Redis that is down, kombu's in-memory transport for one that
is back; eager mode (no REDIS_URL) must keep behaving like ``on_commit(task.delay)``.
"""

from __future__ import annotations

import datetime
import socket

import pytest
import time_machine

from django.contrib.sessions.models import Session
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.tasks import clear_expired_sessions
from bina.celery import app as celery_app
from foundation import outbox
from foundation.models import OutboxMessage
from foundation.outbox import enqueue_on_commit
from learning.tasks import render_certificate
from tests.factories import PegawaiFactory, UserFactory

pytestmark = pytest.mark.django_db


def _expired_session(key: str = "kedaluwarsa") -> Session:
    return Session.objects.create(
        session_key=key, session_data="e30:1", expire_date=timezone.now() - datetime.timedelta(1)
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def broker():
    """Switch this process's Celery app to a broker URL of the test's choosing."""
    conf = celery_app.conf
    saved = (conf.broker_url, conf.task_always_eager)
    conf.task_always_eager = False

    def use(url: str) -> None:
        conf.broker_url = url
        celery_app._after_fork()  # forget pooled connections to the previous broker

    yield use
    conf.broker_url, conf.task_always_eager = saved
    celery_app._after_fork()


def test_eager_mode_runs_after_commit_and_writes_no_row(django_capture_on_commit_callbacks):
    _expired_session()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert enqueue_on_commit(clear_expired_sessions) is None
        assert Session.objects.filter(session_key="kedaluwarsa").exists()  # not before commit
    assert not Session.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_eager_mode_rollback_runs_nothing(django_capture_on_commit_callbacks):
    _expired_session()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_on_commit(clear_expired_sessions)
        raise RuntimeError("rollback")
    assert callbacks == []
    assert Session.objects.filter(session_key="kedaluwarsa").exists()


def test_broker_down_is_recorded_then_relayed_once_it_is_back(
    broker, settings, django_capture_on_commit_callbacks
):
    settings.BINA_OUTBOX_BACKOFF_SECONDS = 0
    broker(f"redis://127.0.0.1:{_closed_port()}/0")
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue_on_commit(clear_expired_sessions)  # must not raise
    message.refresh_from_db()
    assert (message.attempts, message.sent_at) == (1, None)
    assert "Error" in message.last_error or "refused" in message.last_error.lower()
    assert message.status == "Gagal dikirim, dicoba lagi"

    report = outbox.relay()  # still down: counted again, kept
    assert (report.due, report.sent, report.failed) == (1, 0, 1)

    broker("memory://")
    report = outbox.relay()
    assert (report.due, report.sent, report.failed) == (1, 1, 0)
    message.refresh_from_db()
    assert message.sent_at and message.attempts == 3 and message.last_error == ""
    assert outbox.relay().due == 0  # sent: not published again before the redelivery delay


def test_a_fresh_row_is_left_to_its_own_request(broker):
    broker("memory://")
    with transaction.atomic():
        enqueue_on_commit(clear_expired_sessions)
        assert outbox.relay().due == 0  # uncommitted, and within its first-publish grace


def test_an_unfinished_task_is_published_again_and_a_finished_one_is_closed(
    broker, settings, django_capture_on_commit_callbacks
):
    broker("memory://")
    settings.BINA_OUTBOX_REDELIVER_AFTER_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue_on_commit(clear_expired_sessions)
    message.refresh_from_db()
    assert message.sent_at
    assert outbox.relay().sent == 1  # the broker may have lost it: sent again
    outbox.mark_completed(
        task_id=str(message.task_id), task=clear_expired_sessions, state="SUCCESS"
    )
    message.refresh_from_db()
    assert message.completed_at and message.final_state == "SUCCESS"
    assert outbox.relay().due == 0
    outbox.mark_completed(task_id=str(message.task_id), task=clear_expired_sessions, state="RETRY")
    assert OutboxMessage.objects.filter(completed_at__isnull=True).count() == 0


def _sent_and_started(task, *args) -> OutboxMessage:
    message = enqueue_on_commit(task, *args)
    outbox.publish(message)
    outbox.mark_started(task_id=str(message.task_id), task=task)  # a worker's task_prerun
    return message


@pytest.mark.parametrize(
    ("task", "args", "limit"),
    [(render_certificate, (1,), 90), (clear_expired_sessions, (), 6 * 60)],
)
def test_a_started_task_that_never_finishes_is_published_again_after_its_time_limit(
    broker, settings, task, args, limit
):
    """Its worker died: the broker would hold the message for the hour-long visibility
    timeout; the relay sends it again once no live run can still be going."""
    broker("memory://")
    _sent_and_started(task, *args)
    lease = limit + settings.BINA_OUTBOX_RUNNING_GRACE_SECONDS
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(seconds=lease - 5)):
        assert outbox.relay().due == 0  # may still be running
    with time_machine.travel(start + datetime.timedelta(seconds=lease + 1)):
        assert outbox.relay().sent == 1


def test_backoff_doubles_and_is_capped(settings):
    settings.BINA_OUTBOX_BACKOFF_SECONDS = 10
    settings.BINA_OUTBOX_BACKOFF_MAX_SECONDS = 600
    seconds = [outbox.backoff(n).total_seconds() for n in (1, 2, 3, 4, 7, 20)]
    assert seconds == [10, 20, 40, 80, 600, 600]


def test_finished_rows_are_pruned_after_the_keep_period(settings):
    settings.BINA_OUTBOX_KEEP_DAYS = 7
    old = timezone.now() - datetime.timedelta(days=8)
    OutboxMessage.objects.create(task_name="x", next_attempt_at=old, completed_at=old)
    OutboxMessage.objects.create(task_name="y", next_attempt_at=old + datetime.timedelta(99))
    assert outbox.relay().pruned == 1
    assert list(OutboxMessage.objects.values_list("task_name", flat=True)) == ["y"]


def test_admin_lists_the_outbox_to_superusers_only_and_read_only(client):
    OutboxMessage.objects.create(
        task_name="learning.tasks.render_certificate",
        args=[1],
        attempts=2,
        last_error="OperationalError: Connection refused",
        next_attempt_at=timezone.now(),
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get(reverse("antrean_tugas:index"))
    assert page.status_code == 200
    assert "Connection refused" in page.content.decode()
    assert client.get(reverse("antrean_tugas:add")).status_code in (302, 403)
    message = OutboxMessage.objects.get()
    assert client.post(reverse("antrean_tugas:delete", args=[message.pk])).status_code in (
        302,
        403,
    )
    assert OutboxMessage.objects.exists()

    client.force_login(PegawaiFactory().user)
    assert client.get(reverse("antrean_tugas:index")).status_code in (302, 403)
