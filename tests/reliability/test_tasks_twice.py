"""(d) Every task on main, run twice, leaves the state it leaves when run once.

The quiz's ``close_overdue_attempts`` and portal's ``publish_scheduled_pages`` are run
twice in their own tests (tests/learning/quiz/test_attempts.py,
tests/portal/test_workflow.py); the others are here. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime

import pytest

from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.utils import timezone

from wagtail.models import ModelLogEntry

from accounts.tasks import clear_expired_sessions
from bina.celery import app as celery_app
from foundation.models import OutboxMessage
from foundation.tasks import outbox_relay
from kinerja_link.models import Evaluasi, ImportJob
from kinerja_link.services import import_job_create
from kinerja_link.tasks import import_job_run_task
from learning.models import Certificate
from learning.storage import private_storage
from learning.tasks import render_certificate
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory
from tests.kinerja_link.factories import SIASN_HEADERS, csv_file

pytestmark = pytest.mark.django_db


def _twice(task, *args, state):
    task.apply(args).get()
    once = state()
    task.apply(args).get()
    assert state() == once
    return once


def test_evaluation_import_twice():
    unit = UnitKerjaFactory()
    staff = [PegawaiFactory(unit=unit) for _ in range(4)]
    rows = [[p.user.nip, "", 2026, 2, "III", i % 3 + 1, 2, "", ""] for i, p in enumerate(staff)]
    job = import_job_create(
        user=None, file=csv_file(SIASN_HEADERS, rows), dry_run=False, enqueue=False
    )
    evaluations = ContentType.objects.get_for_model(Evaluasi)

    def state():
        fields = (
            "status",
            "processed_rows",
            "created_count",
            "updated_count",
            "unchanged_count",
            "error_count",
            "finished_at",
        )
        return (
            list(Evaluasi.objects.order_by("pk").values_list("pegawai", "predikat", "updated_at")),
            ModelLogEntry.objects.filter(content_type=evaluations).count(),
            ImportJob.objects.filter(pk=job.pk).values(*fields).get(),
        )

    evaluasi, audit, job_state = _twice(import_job_run_task, job.pk, state=state)
    assert len(evaluasi) == audit == job_state["created_count"] == 4


def test_certificate_render_twice():
    certificate = Certificate.objects.create(
        number="BINA/UJI/DUA",
        user=UserFactory(),
        course_title="Kursus",
        jp=2,
        holder_name="Pegawai",
        signatory_name="Kepala",
        signatory_title="PPK",
        issued_at=timezone.now(),
    )

    def state():
        row = Certificate.objects.values("pdf", "render_ms").get(pk=certificate.pk)
        return row, sorted(private_storage.listdir("learning/sertifikat")[1])

    _row, files = _twice(render_certificate, certificate.pk, state=state)
    assert files == [f"{certificate.uuid}.pdf"]


def test_certificate_render_replaces_a_file_left_by_a_dead_run():
    """A worker killed after writing the file but before its commit left a stray file."""
    certificate = Certificate.objects.create(
        number="BINA/UJI/SISA",
        user=UserFactory(),
        course_title="Kursus",
        jp=2,
        holder_name="Pegawai",
        signatory_name="Kepala",
        signatory_title="PPK",
        issued_at=timezone.now(),
    )
    from django.core.files.base import ContentFile

    private_storage.save(f"learning/sertifikat/{certificate.uuid}.pdf", ContentFile(b"half"))
    render_certificate.apply((certificate.pk,)).get()
    certificate.refresh_from_db()
    assert private_storage.listdir("learning/sertifikat")[1] == [f"{certificate.uuid}.pdf"]
    assert certificate.pdf.read(4) == b"%PDF"


def test_clear_expired_sessions_twice():
    Session.objects.create(
        session_key="lama",
        session_data="e30:1",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )
    Session.objects.create(
        session_key="baru",
        session_data="e30:1",
        expire_date=timezone.now() + datetime.timedelta(days=1),
    )

    keys = _twice(
        clear_expired_sessions, state=lambda: list(Session.objects.values_list("pk", flat=True))
    )
    assert keys == ["baru"]


def test_outbox_relay_twice():
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, "memory://"
    celery_app._after_fork()
    try:
        OutboxMessage.objects.create(
            task_name="accounts.tasks.clear_expired_sessions", next_attempt_at=timezone.now()
        )
        rows = _twice(
            outbox_relay,
            state=lambda: list(OutboxMessage.objects.values("attempts", "sent_at", "last_error")),
        )
    finally:
        conf.task_always_eager, conf.broker_url = saved
        celery_app._after_fork()
    assert rows[0]["attempts"] == 1 and rows[0]["sent_at"]
