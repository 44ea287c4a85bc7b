"""The SIASN connector against the local fake SIASN (fake_siasn.py), Celery eager: the
push of a completed course with its certificate, once; 401, 5xx and a slow SIASN at the
client's production timeout; the outcome recorded per record."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from django.db import transaction
from django.utils import timezone

from kinerja_link.siasn.models import PushStatus, SiasnPush
from kinerja_link.siasn.services import push_periode, push_request
from learning import services as learning_services
from learning.models import Certificate, LearningRecord
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import PeriodeFactory
from tests.learning.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

ORANG_ID = "A8ACA7A4ECE03912E040640A040269BB"


@pytest.fixture(autouse=True)
def eager_retries():
    """Celery's eager mode runs a retry at once instead of raising it: the backoff is
    skipped, the attempts and their outcome are the worker's."""
    from bina.celery import app

    saved = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = saved


@pytest.fixture
def pegawai(fake_siasn):
    person = PegawaiFactory()
    fake_siasn.people[person.nip] = ORANG_ID
    return person


def complete_course(pegawai, django_capture_on_commit_callbacks) -> LearningRecord:
    """Finish a one-lesson course as the pegawai would: the record, the certificate, and
    (on commit) the push the connector queues for it."""
    course = make_course(lessons=1, title="Mengenal e-Kinerja BKN", jp=2)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        learning_services.enrolment_create(user=pegawai.user, course=course)
        learning_services.lesson_complete(user=pegawai.user, lesson=lessons_of(course)[0])
    return LearningRecord.objects.get(user=pegawai.user)


def coaching_record(pegawai, minutes: int = 20) -> LearningRecord:
    today = timezone.localdate()
    return LearningRecord.objects.create(
        user=pegawai.user,
        source="coaching",
        title="Coaching RHK",
        institution="Kanwil",
        jenis_diklat_id=14,
        jp=learning_services.minutes_to_jp(minutes),
        start_date=today,
        end_date=today,
        verification_status="verified",
    )


def queue(record, django_capture_on_commit_callbacks) -> SiasnPush:
    with django_capture_on_commit_callbacks(execute=True):
        push_request(learning_record_ids=[record.pk])
    return SiasnPush.objects.get(learning_record=record)


def test_a_completed_course_reaches_siasn_once_with_its_certificate(
    fake_siasn, pegawai, django_capture_on_commit_callbacks
):
    record = complete_course(pegawai, django_capture_on_commit_callbacks)
    push = SiasnPush.objects.get(learning_record=record)
    assert push.status == PushStatus.SENT and push.last_error == ""
    (kursus,) = fake_siasn.kursus
    assert push.siasn_id == kursus["id"] and push.pns_orang_id == ORANG_ID
    certificate = Certificate.objects.get(user=pegawai.user)
    today = f"{timezone.localdate():%d-%m-%Y}"
    assert {k: kursus[k] for k in ("namaKursus", "jenisDiklatId", "jenisKursusSertipikat")} == {
        "namaKursus": "Mengenal e-Kinerja BKN",
        "jenisDiklatId": "16",
        "jenisKursusSertipikat": "T",
    }
    assert (kursus["jumlahJam"], kursus["tanggalSelesaiKursus"]) == (2, today)
    assert kursus["nomorSertipikat"] == certificate.number
    assert kursus["instansiId"] == "A5EB03E23CCCF6A0E040640A040252AD"
    assert kursus["path"] == fake_siasn.documents  # the certificate PDF went with it

    # Asked again, or its outcome lost after SIASN stored it: still one course there.
    assert queue(record, django_capture_on_commit_callbacks).status == PushStatus.SENT
    SiasnPush.objects.filter(pk=push.pk).update(status=PushStatus.PENDING, siasn_id="")
    assert queue(record, django_capture_on_commit_callbacks).siasn_id == kursus["id"]
    assert len(fake_siasn.kursus) == 1


def test_a_20_minute_session_goes_as_exact_jp(
    fake_siasn, pegawai, django_capture_on_commit_callbacks
):
    push = queue(coaching_record(pegawai), django_capture_on_commit_callbacks)
    assert push.status == PushStatus.SENT
    (kursus,) = fake_siasn.kursus
    assert (kursus["jumlahJam"], kursus["jenisDiklatId"], "path" in kursus) == (
        0.44,
        "14",
        False,  # no certificate for a coaching session
    )


def test_an_expired_token_is_renewed_once(fake_siasn, pegawai, django_capture_on_commit_callbacks):
    queue(coaching_record(pegawai), django_capture_on_commit_callbacks)
    assert fake_siasn.token_grants == 2  # the gateway's and the user's
    fake_siasn.expire_tokens()
    push = queue(coaching_record(pegawai, 90), django_capture_on_commit_callbacks)
    assert push.status == PushStatus.SENT
    assert fake_siasn.token_grants == 4 and len(fake_siasn.kursus) == 2


def test_a_failing_siasn_is_retried_then_the_error_is_kept(
    fake_siasn, pegawai, django_capture_on_commit_callbacks, settings
):
    fake_siasn.fail_next = [500, 503]
    push = queue(coaching_record(pegawai), django_capture_on_commit_callbacks)
    assert (push.status, push.attempts, push.last_error) == (PushStatus.SENT, 3, "")

    fake_siasn.fail_always = 500
    failed = queue(coaching_record(pegawai, 45), django_capture_on_commit_callbacks)
    assert failed.status == PushStatus.FAILED
    assert failed.attempts == settings.SIASN_MAX_RETRIES + 1
    assert failed.last_error == "SIASN sedang bermasalah (HTTP 500)."
    assert len(fake_siasn.kursus) == 1


def test_a_rejected_record_is_not_retried(fake_siasn, pegawai, django_capture_on_commit_callbacks):
    del fake_siasn.people[pegawai.nip]  # SIASN does not know this NIP
    push = queue(coaching_record(pegawai), django_capture_on_commit_callbacks)
    assert (push.status, push.attempts) == (PushStatus.FAILED, 1)
    assert push.last_error.startswith("SIASN menolak permintaan (HTTP 404).")


def test_siasn_answering_past_the_production_timeout_keeps_one_course(
    fake_siasn, pegawai, django_capture_on_commit_callbacks, settings
):
    """SIASN stores the course but answers after the client's read timeout (the
    production value): the retry finds the course there instead of creating it again."""
    fake_siasn.late_saves, fake_siasn.save_delay = 1, settings.SIASN_READ_TIMEOUT + 1
    push = queue(coaching_record(pegawai), django_capture_on_commit_callbacks)
    assert fake_siasn.late_saves == 0  # the first answer came too late
    assert (push.status, push.attempts) == (PushStatus.SENT, 2)
    assert len(fake_siasn.kursus) == 1 and push.siasn_id == fake_siasn.kursus[0]["id"]


def test_off_by_default_nothing_is_queued(settings, pegawai):
    settings.SIASN_ENABLED = False
    assert push_request(learning_record_ids=[coaching_record(pegawai).pk]) == 0
    assert not SiasnPush.objects.exists()


def test_a_periode_push_takes_that_periodes_records_in_the_unit(
    fake_siasn, pegawai, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    periode = PeriodeFactory(tahun=today.year, nomor=(today.month - 1) // 3 + 1)
    inside = coaching_record(pegawai)
    earlier = coaching_record(pegawai)
    LearningRecord.objects.filter(pk=earlier.pk).update(
        start_date=periode.start_date - datetime.timedelta(days=1),
        end_date=periode.start_date - datetime.timedelta(days=1),
    )
    elsewhere = coaching_record(PegawaiFactory())
    with django_capture_on_commit_callbacks(execute=True):
        assert push_periode(periode=periode, unit=pegawai.unit) == 1
    assert list(SiasnPush.objects.values_list("learning_record", flat=True)) == [inside.pk]
    assert elsewhere.jp == Decimal("0.44")
