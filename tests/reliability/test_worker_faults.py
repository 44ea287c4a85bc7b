"""(a) kill -9 a worker mid-import and mid-batch of certificates; (c) rolled-back enqueue.

The workers run with the production broker settings: a killed worker's message stays
unacknowledged for the hour-long visibility timeout, so the recovery comes from the import
sweep and the outbox, each with its production threshold. Each test counts effects after
the fault: every evaluation and audit entry once, every certificate PDF once (one file per
certificate on disk), every outbox row finished.
"""

from __future__ import annotations

import csv
import datetime
import io
import time

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry

from foundation import outbox
from foundation.models import OutboxMessage
from foundation.outbox import enqueue_on_commit
from kinerja_link.importing.engine import CHUNK_SIZE
from kinerja_link.models import Evaluasi, ImportJob, ImportStatus, Pegawai, UnitKerja
from kinerja_link.services import import_job_create, import_jobs_recover
from learning.models import Certificate
from learning.storage import private_storage
from learning.tasks import render_certificate
from tests.factories import UserFactory

from .conftest import redeliver_unacked, wait_until

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Four production-sized chunks (the set-based path commits 10,000 rows at a time): the kill
# lands after the first chunk, with three still to do.
IMPORT_ROWS = 4 * CHUNK_SIZE
CERTIFICATES = 30
HEADERS = [
    "nip",
    "nama",
    "tahun",
    "periodikId",
    "periodikNama",
    "hasilKinerjaNilai",
    "perilakuKerjaNilai",
    "kuadranKinerjaNilai",
]


def _nips(count: int) -> list[str]:
    start = datetime.date(1970, 1, 1)
    return [
        f"{start + datetime.timedelta(days=i // 50):%Y%m%d}201001{1 + i % 2}{i % 50 + 1:03d}"
        for i in range(count)
    ]


def _big_organisation(nips: list[str]) -> UnitKerja:
    unit = UnitKerja.add_root(kode="FLT", nama="Unit Uji Gangguan")
    users = get_user_model()
    users.objects.bulk_create(
        [
            users(
                username=f"flt{n}",
                nip=n,
                display_name=f"Pegawai {n[-6:]}",
                password=UNUSABLE_PASSWORD_PREFIX,
            )
            for n in nips
        ],
        batch_size=2000,
    )
    ids = users.objects.filter(nip__in=nips).values_list("id", flat=True)
    Pegawai.objects.bulk_create(
        [Pegawai(user_id=i, unit=unit, jabatan="Pelaksana") for i in ids], batch_size=2000
    )
    return unit


def _csv(nips: list[str]) -> ContentFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for i, nip in enumerate(nips):
        writer.writerow([nip, "", 2026, 2, "III", i % 3 + 1, (i // 3) % 3 + 1, ""])
    return ContentFile(out.getvalue().encode(), name="besar.csv")


def _recovered(job_pk: int, *, sweep) -> bool:
    sweep()  # what beat does (every BINA_IMPORT_SWEEP_SECONDS; here more often)
    return ImportJob.objects.get(pk=job_pk).is_finished


def _job_state(job_pk: int) -> tuple:
    evaluations = ContentType.objects.get_for_model(Evaluasi)
    return (
        ImportJob.objects.filter(pk=job_pk).values().get(),
        list(Evaluasi.objects.order_by("pk").values_list("pk", "updated_at")),
        ModelLogEntry.objects.filter(content_type=evaluations).count(),
    )


def test_kill_9_during_an_evaluation_import_resumes_within_minutes(workers, private_redis):
    nips = _nips(IMPORT_ROWS)
    unit = _big_organisation(nips)
    worker = workers.start()
    job = import_job_create(user=None, file=_csv(nips), dry_run=False)
    original = OutboxMessage.objects.get()

    def some_chunks_committed() -> bool:
        return ImportJob.objects.get(pk=job.pk).processed_rows >= CHUNK_SIZE

    wait_until(some_chunks_committed, timeout=60, interval=0.05, what="impor berjalan")
    workers.kill_all(worker)  # fault 1: the worker and its pool child, mid-import
    killed = time.monotonic()
    at_kill = ImportJob.objects.get(pk=job.pk)
    assert 0 < at_kill.processed_rows < IMPORT_ROWS, "the kill must land mid-import"
    assert at_kill.status == ImportStatus.BERJALAN
    # The counts committed with the chunks match the rows committed.
    assert Evaluasi.objects.filter(pegawai__unit=unit).count() == at_kill.created_count

    # The broker keeps the killed worker's message for the production hour: only the sweep
    # brings the job back, once its heartbeat is BINA_IMPORT_STALE_SECONDS old.
    workers.start()
    bound = settings.BINA_IMPORT_STALE_SECONDS + settings.BINA_IMPORT_SWEEP_SECONDS + 60
    wait_until(
        lambda: _recovered(job.pk, sweep=import_jobs_recover),
        timeout=bound,
        interval=5,
        what="impor dilanjutkan setelah worker mati",
    )
    recovery = time.monotonic() - killed

    job.refresh_from_db()
    assert job.status == ImportStatus.SELESAI, job.message
    assert job.processed_rows == job.total_rows == IMPORT_ROWS
    # Every row was new, before and after the crash alike.
    assert (job.created_count, job.updated_count, job.unchanged_count) == (IMPORT_ROWS, 0, 0)
    assert job.error_count == 0
    assert Evaluasi.objects.filter(pegawai__unit=unit).count() == IMPORT_ROWS
    created_entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Evaluasi), action="wagtail.create"
    )
    # One audit entry per evaluation: nothing written twice by the resumed run.
    assert created_entries.count() == IMPORT_ROWS
    assert created_entries.values("object_id").distinct().count() == IMPORT_ROWS

    # An hour later the broker hands the original message to a worker: it changes nothing.
    finished = _job_state(job.pk)
    redeliver_unacked(private_redis)
    wait_until(
        lambda: OutboxMessage.objects.filter(pk=original.pk, completed_at__isnull=False).exists(),
        timeout=60,
        what="pesan asli dikirim ulang dan selesai",
    )
    assert _job_state(job.pk) == finished
    assert OutboxMessage.objects.filter(completed_at__isnull=True).count() == 0
    print(
        f"\nimport: killed at {at_kill.processed_rows}/{IMPORT_ROWS} rows; finished "
        f"{recovery:.0f} s after the kill (bound {bound} s) with created={job.created_count}"
    )


def _certificates(count: int) -> list[Certificate]:
    user = UserFactory()
    now = timezone.now()
    return [
        Certificate.objects.create(
            number=f"BINA/UJI/{i:04d}",
            user=user,
            course_title="Kursus Uji",
            jp=2,
            holder_name="Pegawai Uji",
            signatory_name="Kepala Biro",
            signatory_title="PPK",
            issued_at=now,
        )
        for i in range(count)
    ]


def _rendered(ids) -> int:
    return Certificate.objects.filter(pk__in=ids).exclude(pdf="").count()


def _files_on_disk() -> list[str]:
    folder = "learning/sertifikat"
    return sorted(private_storage.listdir(folder)[1]) if private_storage.exists(folder) else []


def test_kill_9_during_a_batch_of_certificates_renders_each_once(workers):
    certificates = _certificates(CERTIFICATES)
    ids = [c.pk for c in certificates]
    worker = workers.start()
    with transaction.atomic():
        for pk in ids:
            enqueue_on_commit(render_certificate, pk)

    wait_until(lambda: _rendered(ids) >= 3, timeout=60, interval=0.05, what="render mulai")
    workers.kill_pool_child(worker)  # fault 2: the pool process dies; the worker lives on
    wait_until(lambda: _rendered(ids) >= 10, timeout=60, interval=0.05, what="render lanjut")
    workers.kill_all(worker)  # fault 3: the whole worker, mid-batch
    killed = time.monotonic()
    at_kill = _rendered(ids)
    assert at_kill < CERTIFICATES, "the kill must land in the middle of the batch"

    # The render the worker died in stays unacknowledged for the production hour; the
    # outbox sends it again once its hard time limit and the grace have passed.
    workers.start()
    bound = render_certificate.time_limit + settings.BINA_OUTBOX_RUNNING_GRACE_SECONDS + 60

    def all_done() -> bool:
        outbox.relay()  # what the beat task does every 30 s
        # A render killed after its commit but before its row was closed is sent again
        # too, and finds its file: the row closes without a second render.
        open_rows = OutboxMessage.objects.filter(completed_at__isnull=True)
        return _rendered(ids) == CERTIFICATES and not open_rows.exists()

    wait_until(all_done, timeout=bound, interval=5, what="semua sertifikat, baris ditutup")
    recovery = time.monotonic() - killed
    expected = sorted(f"{c.uuid}.pdf" for c in certificates)
    assert _files_on_disk() == expected  # one file per certificate: none doubled or orphaned
    for certificate in Certificate.objects.filter(pk__in=ids):
        assert certificate.pdf.name == f"learning/sertifikat/{certificate.uuid}.pdf"
        assert certificate.pdf.read(4) == b"%PDF"
    assert OutboxMessage.objects.count() == CERTIFICATES
    print(
        f"\ncertificates: whole worker killed at {at_kill}/{CERTIFICATES} rendered; all "
        f"rendered {recovery:.0f} s after the kill (bound {bound} s)"
    )


def test_a_task_enqueued_in_a_rolled_back_transaction_never_runs(workers):
    rolled_back, sentinel = _certificates(2)
    workers.start()
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(render_certificate, rolled_back.pk)
        raise RuntimeError("rollback")
    with transaction.atomic():
        enqueue_on_commit(render_certificate, sentinel.pk)
    # One worker, one queue, first in first out: once the sentinel is rendered, anything
    # sent before it would have run too.
    wait_until(lambda: _rendered([sentinel.pk]) == 1, timeout=60, what="sentinel")
    time.sleep(1)
    rolled_back.refresh_from_db()
    assert not rolled_back.pdf
    assert OutboxMessage.objects.count() == 1  # the rolled-back row never existed
