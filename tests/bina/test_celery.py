import datetime

import pytest

from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.tasks import clear_expired_sessions
from bina.celery import app


def test_celery_is_configured_for_safe_delivery():
    conf = app.conf
    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.task_time_limit > conf.task_soft_time_limit > 0
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks, entry["task"]


def _expired_session() -> Session:
    return Session.objects.create(
        session_key="kedaluwarsa",
        session_data="e30:1",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )


@pytest.mark.django_db
def test_task_runs_eagerly_without_a_broker(settings):
    _expired_session()
    clear_expired_sessions.delay()
    assert not Session.objects.filter(session_key="kedaluwarsa").exists()


@pytest.mark.celery_worker
def test_real_worker_runs_a_task_that_writes_to_the_database(celery_worker):
    _expired_session()
    live = Session.objects.create(
        session_key="masih-berlaku",
        session_data="e30:1",
        expire_date=timezone.now() + datetime.timedelta(days=1),
    )
    result = clear_expired_sessions.delay()
    result.get(timeout=30)  # through Redis to the worker process and back
    assert not Session.objects.filter(session_key="kedaluwarsa").exists()
    assert Session.objects.filter(pk=live.pk).exists()
