"""kill -9 a real Celery worker in the middle of a SIASN push: SIASN (the local fake) has
stored the course but the worker dies before it hears the answer. The restarted worker
finds the course in SIASN and records it; SIASN holds it exactly once."""

from __future__ import annotations

import pytest

from django.db import transaction
from django.utils import timezone

from foundation.models import OutboxMessage
from kinerja_link.siasn.models import PushStatus, SiasnPush
from kinerja_link.siasn.services import push_request
from learning.models import LearningRecord
from tests.factories import PegawaiFactory
from tests.kinerja_link.siasn.fake_siasn import FakeSiasn, start

from .conftest import redeliver_unacked, wait_until

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def fake(settings, workers):
    """The fake SIASN, with this process and the workers pointed at it."""
    fake = FakeSiasn()
    server = start(fake)
    for name, value in fake.settings().items():
        setattr(settings, name, value)
        workers.env[name] = "1" if value is True else str(value)
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def test_kill_9_mid_push_records_the_course_once(workers, fake, private_redis):
    pegawai = PegawaiFactory()
    fake.people[pegawai.nip] = "A8ACA7A4ECE03912E040640A040269BB"
    today = timezone.localdate()
    record = LearningRecord.objects.create(
        user=pegawai.user,
        source="external",
        title="Bimtek Penyusunan SKP",
        institution="BKN",
        jenis_diklat_id=8,
        jp="12.5",
        start_date=today,
        end_date=today,
        verification_status="verified",
    )
    # SIASN stores the course, then keeps the answer back (well inside the 30 s timeout).
    fake.late_saves, fake.save_delay = 1, 60
    worker = workers.start()
    with transaction.atomic():
        push_request(learning_record_ids=[record.pk])
    assert fake.saving.wait(60), "the worker never reached kursus/save"
    workers.kill_all(worker)  # the fault: SIASN has the course, Bina ASN does not know it
    assert SiasnPush.objects.get(learning_record=record).status == PushStatus.PENDING

    workers.start()
    # The workers run with the production hour of visibility timeout: do what the broker
    # does when it has passed (how soon a dead worker's task runs again is proven for the
    # outbox in test_worker_faults; this test is about the push being made once).
    redeliver_unacked(private_redis)
    wait_until(
        lambda: SiasnPush.objects.get(learning_record=record).status == PushStatus.SENT,
        timeout=60,
        what="kiriman SIASN selesai",
    )
    push = SiasnPush.objects.get(learning_record=record)
    (kursus,) = fake.kursus
    assert push.siasn_id == kursus["id"]
    assert (kursus["jumlahJam"], kursus["jenisDiklatId"]) == (12.5, "8")
    saves = [c for c in fake.calls if c.endswith("/kursus/save")]
    assert len(saves) == 1  # the second run looked SIASN up instead of saving again
    wait_until(
        lambda: not OutboxMessage.objects.filter(completed_at__isnull=True).exists(),
        timeout=30,
        what="baris outbox selesai",
    )
