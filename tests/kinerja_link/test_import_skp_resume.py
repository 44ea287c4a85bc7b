"""An SKP import whose worker died mid-way resumes after the last committed chunk of SKPs,
as the evaluation import does (test_import_recovery.py): the SKPs the crashed run wrote
are not read again, so they are counted once, as created, not as "unchanged"."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from django.conf import settings
from django.test import TestCase
from django.utils import timezone

from wagtail.models import ModelLogEntry

from kinerja_link.importing import skp
from kinerja_link.models import SKP, ImportJob, ImportKind, ImportStatus, RencanaHasilKerja
from kinerja_link.services import import_job_create, import_job_run, import_jobs_recover

from .test_import_skp import FORMATS, LEADER_RHK, sc, skp_records

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """Not an ``Exception``: the job's error handling never sees it, as with SIGKILL."""


def _crashed_skp_job(monkeypatch, user, file, *, at_skp: int) -> ImportJob:
    """A job whose worker died while writing its ``at_skp``-th SKP (one SKP per chunk)."""
    monkeypatch.setattr(skp, "SKP_CHUNK", 1)
    job = import_job_create(user=user, file=file, dry_run=False, kind=ImportKind.SKP, enqueue=False)
    real_write, calls = skp.skp_write, []

    def write(*args, **kwargs):
        calls.append(1)
        if len(calls) == at_skp:
            raise WorkerKilled
        return real_write(*args, **kwargs)

    monkeypatch.setattr(skp, "skp_write", write)
    with pytest.raises(WorkerKilled):
        import_job_run(job_id=job.pk)
    monkeypatch.setattr(skp, "skp_write", real_write)  # the next worker is healthy
    job.refresh_from_db()
    return job


def _recover() -> list[int]:
    later = timezone.now() + datetime.timedelta(seconds=settings.BINA_IMPORT_STALE_SECONDS + 1)
    with time_machine.travel(later, tick=True), TestCase.captureOnCommitCallbacks(execute=True):
        return import_jobs_recover()


def test_a_resumed_skp_import_carries_on_after_the_last_committed_skp(org, monkeypatch):
    # Four SKPs in six rows: staff 0 (3 rows), staff 1, staff 2, then their leader.
    file = FORMATS["csv"](skp_records(org))
    job = _crashed_skp_job(monkeypatch, org.pengelola.user, file, at_skp=3)
    assert job.status == ImportStatus.BERJALAN
    assert (job.processed_rows, job.created_count) == (4, 2)  # committed with SKPs 1-2
    assert SKP.objects.count() == 2

    assert _recover() == [job.pk]

    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.processed_rows, job.total_rows) == (6, 6)
    counts = (job.created_count, job.updated_count, job.unchanged_count, job.error_count)
    assert counts == (4, 0, 0, 0)
    assert SKP.objects.count() == 4
    assert ModelLogEntry.objects.get_for_model(SKP).count() == 4  # none written twice
    # The SKPs written before the crash are still linked to the leader's RHK.
    linked = RencanaHasilKerja.objects.filter(rhk_pimpinan_ref__rhk=LEADER_RHK)
    assert set(linked.values_list("skp__pegawai", flat=True)) == {
        org.staff[0].pk,
        org.staff[1].pk,
    }


def test_a_resumed_skp_import_keeps_the_errors_read_before_the_crash(org, monkeypatch):
    records = skp_records(org)
    bad = {**records[3], sc.NIP: "123"}  # not a NIP: reported once, before and after the crash
    file = FORMATS["csv"]([*records[:3], bad, *records[4:]])
    job = _crashed_skp_job(monkeypatch, org.pengelola.user, file, at_skp=2)
    assert job.error_count == 1

    _recover()

    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI, job.message
    assert (job.processed_rows, job.created_count, job.error_count) == (6, 3, 1)
    assert [e["baris"] for e in job.errors] == [5]
