"""An import whose worker died mid-way: resumed by the sweep, with counts right across it.

The worker's death is a ``BaseException`` raised while a chunk is being written (the chunk's
transaction rolls back, nothing marks the job finished), as a ``kill -9`` would leave it.
The real kill, with a real worker and production timeouts, is in
``tests/reliability/test_worker_faults.py``.
"""

from __future__ import annotations

import datetime

import pytest
import time_machine

from django.conf import settings
from django.db import connection, connections
from django.test import TestCase
from django.utils import timezone

from wagtail.models import ModelLogEntry

from kinerja_link.importing import engine
from kinerja_link.models import Evaluasi, ImportJob, ImportStatus
from kinerja_link.services import import_job_create, import_job_run, import_jobs_recover
from kinerja_link.tasks import import_jobs_recover_task
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .factories import SIASN_HEADERS, csv_file

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """Not an ``Exception``: the job's error handling never sees it, as with SIGKILL."""


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)


def _crashed_job(monkeypatch, rows: list[list], *, at_chunk: int) -> ImportJob:
    """A job whose worker died while writing chunk ``at_chunk``."""
    job = import_job_create(
        user=None, file=csv_file(SIASN_HEADERS, rows), dry_run=False, enqueue=False
    )
    # The chunk's write: set-based on PostgreSQL, bulk_create/bulk_update elsewhere.
    name = "_write_in_sql" if connection.vendor == "postgresql" else "_write"
    real_write, calls = getattr(engine, name), []

    def write(*args, **kwargs):
        calls.append(1)
        if len(calls) == at_chunk:
            raise WorkerKilled
        return real_write(*args, **kwargs)

    monkeypatch.setattr(engine, name, write)
    with pytest.raises(WorkerKilled):
        import_job_run(job_id=job.pk)
    monkeypatch.setattr(engine, name, real_write)  # the next worker is healthy
    job.refresh_from_db()
    return job


def _later(seconds: float):
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=True)


def _recover() -> list[int]:
    with TestCase.captureOnCommitCallbacks(execute=True):  # the eager "worker" runs it
        return import_jobs_recover()


def _row(pegawai, hasil=2, perilaku=2):
    return [pegawai.user.nip, "", 2026, 2, "III", hasil, perilaku, "", ""]


def test_a_resumed_import_counts_every_new_row_as_new(small_chunks, monkeypatch):
    unit = UnitKerjaFactory()
    staff = [PegawaiFactory(unit=unit) for _ in range(7)]
    job = _crashed_job(monkeypatch, [_row(p) for p in staff], at_chunk=3)
    assert job.status == ImportStatus.BERJALAN
    assert (job.processed_rows, job.created_count) == (4, 4)  # committed with chunks 1-2
    assert Evaluasi.objects.count() == 4

    with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
        assert _recover() == [job.pk]

    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.processed_rows, job.total_rows) == (7, 7)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (7, 0, 0)
    assert Evaluasi.objects.filter(import_job=job).count() == 7
    assert ModelLogEntry.objects.get_for_model(Evaluasi).count() == 7  # none written twice


def test_a_resumed_import_keeps_changed_unchanged_and_errors_from_before_the_crash(
    small_chunks, monkeypatch
):
    unit = UnitKerjaFactory()
    same, changed, *fresh = [PegawaiFactory(unit=unit) for _ in range(4)]
    first = import_job_create(
        user=None,
        file=csv_file(SIASN_HEADERS, [_row(same), _row(changed)]),
        dry_run=False,
        enqueue=False,
    )
    import_job_run(job_id=first.pk)
    rows = [
        _row(same),  # unchanged
        ["123", "", 2026, 2, "III", 2, 2, "", ""],  # error: not a NIP
        _row(changed, hasil=3),  # changed
        _row(fresh[0]),  # new, in the chunk that dies
        _row(fresh[1]),  # new
        _row(same),  # duplicate of the first row: caught after the resume too
    ]
    job = _crashed_job(monkeypatch, rows, at_chunk=2)
    assert (job.processed_rows, job.unchanged_count, job.error_count) == (2, 1, 1)

    with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
        _recover()

    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI, job.message
    assert job.processed_rows == 6
    counts = (job.created_count, job.updated_count, job.unchanged_count, job.error_count)
    assert counts == (2, 1, 1, 2)
    assert [e["baris"] for e in job.errors] == [3, 7]
    assert "Baris ganda" in job.errors[1]["pesan"]


def test_the_sweep_leaves_a_live_import_and_a_finished_one_alone(small_chunks, monkeypatch):
    unit = UnitKerjaFactory()
    staff = [PegawaiFactory(unit=unit) for _ in range(3)]
    crashed = _crashed_job(monkeypatch, [_row(p) for p in staff], at_chunk=2)
    done = import_job_create(
        user=None, file=csv_file(SIASN_HEADERS, [_row(staff[0])]), dry_run=False, enqueue=False
    )
    import_job_run(job_id=done.pk)

    # Heartbeat fresh: a worker may be in the middle of a chunk.
    with _later(settings.BINA_IMPORT_STALE_SECONDS - 5):
        assert _recover() == []
    with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
        assert import_jobs_recover_task.delay().get() == [crashed.pk]
    # Queued again (the heartbeat was touched with it): the next sweep does not repeat it.
    with _later(settings.BINA_IMPORT_STALE_SECONDS + 2):
        assert _recover() == []


def test_a_second_delivery_after_the_resume_changes_nothing(small_chunks, monkeypatch):
    unit = UnitKerjaFactory()
    staff = [PegawaiFactory(unit=unit) for _ in range(5)]
    job = _crashed_job(monkeypatch, [_row(p) for p in staff], at_chunk=2)
    with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
        _recover()
    before = ImportJob.objects.filter(pk=job.pk).values().get()

    import_job_run(job_id=job.pk)  # the crashed worker's message, back after an hour

    assert ImportJob.objects.filter(pk=job.pk).values().get() == before
    assert ModelLogEntry.objects.get_for_model(Evaluasi).count() == 5


def test_the_sweep_leaves_a_job_whose_runner_holds_its_lock(small_chunks, monkeypatch):
    """A chunk slower than the stale threshold (a locked table, a slow disk) is not run twice."""
    if connection.vendor != "postgresql":
        pytest.skip("Kunci advisory hanya ada di PostgreSQL")
    unit = UnitKerjaFactory()
    job = _crashed_job(monkeypatch, [_row(PegawaiFactory(unit=unit)) for _ in range(3)], at_chunk=2)
    runner = connections.create_connection("default")  # another worker's session
    try:
        with runner.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(7301, %s)", [job.pk])
        with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
            assert _recover() == []
    finally:
        runner.close()  # its connection gone, the lock goes with it
    with _later(settings.BINA_IMPORT_STALE_SECONDS + 1):
        assert _recover() == [job.pk]
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.SELESAI
