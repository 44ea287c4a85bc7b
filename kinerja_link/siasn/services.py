"""The connector's writes: queue learning records for SIASN, run one push, record its
outcome. Only this app writes ``SiasnPush``; the learning records stay learning's."""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from foundation.outbox import enqueue_on_commit
from kinerja_link.exporting import RECORD_COLUMNS, counted_in, kursus_record
from kinerja_link.models import Pegawai, Periode, UnitKerja
from learning.models import LearningRecord
from learning.services import certificate_render

from .client import SiasnClient
from .models import PushStatus, SiasnPush

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)
# What identifies a course among a person's Riwayat Kursus in SIASN (with ``jumlahJam``):
# a push interrupted after SIASN stored it finds it again instead of creating it twice.
MATCH_FIELDS = (
    "namaKursus",
    "institusiPenyelenggara",
    "tanggalKursus",
    "tanggalSelesaiKursus",
    "nomorSertipikat",
)


def push_request(*, learning_record_ids: list[int]) -> int:
    """Queue the Riwayat Kursus of these records for SIASN, each once; a record already
    sent is left alone. Returns how many were queued (0 while the connector is off)."""
    if not settings.SIASN_ENABLED or not learning_record_ids:
        return 0
    from .tasks import siasn_push_task  # tasks import services: import late

    with transaction.atomic():
        SiasnPush.objects.bulk_create(
            [SiasnPush(learning_record_id=pk) for pk in learning_record_ids],
            ignore_conflicts=True,  # one push per record: the unique key decides
        )
        due = SiasnPush.objects.filter(learning_record_id__in=learning_record_ids).exclude(
            status=PushStatus.SENT
        )
        ids = list(due.values_list("pk", flat=True))
        due.update(status=PushStatus.PENDING, updated_at=timezone.now())
        for push_id in ids:
            enqueue_on_commit(siasn_push_task, push_id)
    return len(ids)


def push_periode(*, periode: Periode, unit: UnitKerja) -> int:
    """Queue every counted record of the unit subtree's active pegawai in the periode."""
    users = Pegawai.objects.active().filter(unit__path__startswith=unit.path).values("user")
    ids = LearningRecord.objects.counted().filter(counted_in(periode), user__in=users)
    return push_request(learning_record_ids=list(ids.values_list("pk", flat=True)))


def push_run(*, push_id: int, client: SiasnClient | None = None) -> SiasnPush:
    """Send one record to SIASN unless it is there already. The row stays locked while
    it runs, so a second delivery of the task waits and then finds it sent."""
    client = client or SiasnClient()
    with transaction.atomic():
        push = SiasnPush.objects.select_for_update().get(pk=push_id)
        if push.status == PushStatus.SENT:
            return push
        record = LearningRecord.objects.select_related("user").get(pk=push.learning_record_id)
        nip = record.user.nip or ""
        push.pns_orang_id = push.pns_orang_id or client.pns_orang_id(nip)
        body = kursus_body(record, pns_orang_id=push.pns_orang_id)
        push.siasn_id = existing_id(client.riwayat("kursus", nip), body) or _create(
            client, record, body
        )
        push.status, push.sent_at, push.last_error = PushStatus.SENT, timezone.now(), ""
        push.attempts += 1
        push.save()
    logger.info("SIASN: catatan %s terkirim (%s)", record.pk, push.siasn_id)
    return push


def kursus_body(record: LearningRecord, *, pns_orang_id: str) -> dict[str, Any]:
    """``kursus/save``'s body for one record: the same fields and codes as the export."""
    row = LearningRecord.objects.filter(pk=record.pk).values_list(*RECORD_COLUMNS).get()
    return {**kursus_record(row).siasn_fields(), "pnsOrangId": pns_orang_id}


def existing_id(riwayat: list[dict[str, Any]], body: dict[str, Any]) -> str:
    """SIASN's id of the course ``body`` describes, if the person's riwayat holds it."""
    key = match_key(body)
    return next((str(row.get("id") or "") for row in riwayat if match_key(row) == key), "")


def match_key(fields: dict[str, Any]) -> tuple[str, ...]:
    """``MATCH_FIELDS`` compared as text, case and spacing aside; JP as a number."""
    text = tuple(str(fields.get(f, "")).strip().casefold() for f in MATCH_FIELDS)
    try:
        jam = str(Decimal(str(fields.get("jumlahJam", ""))).normalize())
    except ArithmeticError:
        jam = ""
    return (*text, jam)


def _create(client: SiasnClient, record: LearningRecord, body: dict[str, Any]) -> str:
    certificate = certificate_file(record)
    if certificate:
        body = {**body, "path": [client.upload_dokumen(*certificate)]}
    return client.kursus_save(body)


def certificate_file(record: LearningRecord) -> tuple[str, bytes] | None:
    """The certificate PDF issued for the record's course, else the proof uploaded with an
    external training, else nothing."""
    enrolment = record.enrolment
    certificate = getattr(enrolment, "certificate", None) if enrolment else None
    if certificate and certificate.is_valid and not certificate.pdf:
        certificate = certificate_render(certificate_id=certificate.pk)  # learning's, once
    stored = certificate.pdf if certificate and certificate.pdf else record.proof
    if not stored:
        return None
    suffix = (stored.name or "berkas.pdf").rsplit(".", 1)[-1]
    with stored.open("rb") as handle:
        return f"sertifikat-{record.pk}.{suffix}", handle.read()


def push_failed(*, push_id: int, error: str, final: bool) -> None:
    """Record a failed attempt: ``final`` once retrying is over (or pointless)."""
    status = PushStatus.FAILED if final else PushStatus.RETRYING
    with transaction.atomic():
        push = SiasnPush.objects.select_for_update().get(pk=push_id)
        if push.status == PushStatus.SENT:
            return
        push.status, push.last_error = status, error[:2000]
        push.attempts += 1
        push.save(update_fields=["status", "last_error", "attempts", "updated_at"])
    logger.warning("SIASN: kiriman %s gagal (%s): %s", push_id, status, error)


def retry_delay(retries: int) -> datetime.timedelta:
    """Exponential backoff between attempts: 30 s, 1, 2, 4 … minutes, at most an hour."""
    return datetime.timedelta(seconds=min(30 * 2**retries, 3600))


def kinerja_pull_request(*, user: User, periode: Periode) -> None:
    """Queue the import of the periode's evaluations from SIASN (see ``pulling``)."""
    from .tasks import siasn_kinerja_pull_task

    with transaction.atomic():
        enqueue_on_commit(siasn_kinerja_pull_task, periode.pk, user.pk)
