"""(b) Redis stopped and started again while the web keeps enqueuing.

Nine pengelola uploads, each importing one pegawai's evaluation: three before Redis
stops, three while it is down, three after it is back (empty: it keeps nothing on disk,
so whatever it held is gone too). No request may fail; every import must run, once.
"""

from __future__ import annotations

import time

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts.roles import Role
from foundation import outbox
from foundation.models import OutboxMessage
from kinerja_link.models import Evaluasi, ImportJob, ImportStatus
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import SIASN_HEADERS, csv_file

from .conftest import wait_until

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_redis_stop_and_restart_loses_no_task_and_fails_no_request(
    workers, private_redis, settings
):
    settings.BINA_OUTBOX_BACKOFF_SECONDS = 0  # retry at the relay's next pass
    settings.BINA_OUTBOX_REDELIVER_AFTER_SECONDS = 5  # the restarted Redis lost its queue
    unit = UnitKerjaFactory()
    staff = [PegawaiFactory(unit=unit) for _ in range(9)]
    pengelola = PegawaiFactory(unit=unit).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    web = Client(raise_request_exception=False)
    web.force_login(pengelola)
    workers.start()

    statuses, slowest = [], 0.0

    def upload(pegawai) -> None:
        nonlocal slowest
        rows = [[pegawai.user.nip, "", 2026, 2, "III", 2, 2, "", ""]]
        started = time.monotonic()
        response = web.post(
            reverse("kinerja_import:add"),
            {"file": csv_file(SIASN_HEADERS, rows), "periode": "", "dry_run": ""},
        )
        slowest = max(slowest, time.monotonic() - started)
        statuses.append(response.status_code)

    for pegawai in staff[:3]:
        upload(pegawai)
    private_redis.stop()  # fault: the broker goes away
    for pegawai in staff[3:6]:
        upload(pegawai)
    failed = OutboxMessage.objects.filter(sent_at__isnull=True, attempts__gt=0)
    assert failed.count() == 3  # recorded, with the error, for the relay and the admin
    assert all(m.last_error for m in failed)
    private_redis.start()  # back, and empty
    for pegawai in staff[6:]:
        upload(pegawai)

    assert statuses == [302] * 9, statuses  # the user never saw the outage
    assert slowest < 5, f"an upload waited {slowest:.1f} s on the broker"

    def all_done() -> bool:
        outbox.relay()  # what the beat task does every 30 s
        return ImportJob.objects.exclude(status=ImportStatus.SELESAI).count() == 0

    wait_until(all_done, timeout=60, interval=1, what="semua impor selesai")
    assert ImportJob.objects.count() == 9
    assert Evaluasi.objects.count() == 9
    assert (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Evaluasi), action="wagtail.create"
        ).count()
        == 9
    )
    for job in ImportJob.objects.all():
        assert (job.created_count, job.error_count) == (1, 0)
    wait_until(
        lambda: not OutboxMessage.objects.filter(completed_at__isnull=True).exists(),
        timeout=20,
        what="semua baris outbox ditutup",
    )
    print(
        f"\nredis outage: slowest upload {slowest:.2f} s; outbox attempts "
        f"{sorted(OutboxMessage.objects.values_list('attempts', flat=True))}"
    )
