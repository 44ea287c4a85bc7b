import time

import pytest

from kinerja_link.models import Evaluasi, ImportJob, ImportStatus
from kinerja_link.services import import_job_create

from .factories import SIASN_HEADERS, csv_file


@pytest.mark.celery_worker
def test_a_real_worker_runs_the_import(celery_worker, org):
    # The worker is another process; the celery_worker fixture gives it this test's media root.
    rows = [[p.nip, p.nama, 2026, 2, "III", 1, 2, "", ""] for p in org.staff]
    job = import_job_create(
        user=org.pengelola.user, file=csv_file(SIASN_HEADERS, rows), dry_run=False
    )  # committed at once: transactional_db has no surrounding transaction
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.2)
        assert job.status == ImportStatus.SELESAI, job.message
        assert job.processed_rows == job.total_rows == 3
        assert Evaluasi.objects.filter(import_job=job).count() == 3
    finally:
        ImportJob.objects.get(pk=job.pk).file.delete(save=False)
