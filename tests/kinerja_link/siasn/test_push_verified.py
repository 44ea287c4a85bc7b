"""Not only completed courses go to SIASN by themselves: an external training once a
pengelola verifies it, and a coaching session's JP records as the pimpinan records it,
each on commit through the outbox, once, and only while the connector is on."""

from __future__ import annotations

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from kinerja_link.pembinaan.models import SessionKind, SessionParticipant
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.siasn.models import PushStatus, SiasnPush
from kinerja_link.siasn.services import push_request
from learning import services as learning_services
from learning.models import LearningRecord
from tests.kinerja_link.pembinaan.teams import make_team

pytestmark = pytest.mark.django_db

ORANG_IDS = ["A8ACA7A4ECE03912E040640A040269B1", "A8ACA7A4ECE03912E040640A040269B2"]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def team(fake_siasn):
    org = make_team(members=2)
    for member, orang_id in zip(org.team, ORANG_IDS, strict=True):
        fake_siasn.people[member.nip] = orang_id
    return org


def external(pegawai, *, title="Diklat Teknis Arsip") -> LearningRecord:
    today = timezone.localdate()
    return learning_services.learning_record_create_external(
        user=pegawai.user,
        title=title,
        institution="ANRI",
        jenis_diklat_id=3,
        minutes=270,
        start_date=today,
        end_date=today,
        certificate_number="ANRI/01",
        proof=SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf"),
    )


def verify(record, by, capture, *, approve=True):
    with capture(execute=True), transaction.atomic():
        learning_services.learning_record_verify(
            record=record, by=by, approve=approve, reason="" if approve else "Bukan diklat"
        )


def test_a_verified_external_training_reaches_siasn_once_with_its_proof(
    fake_siasn, team, django_capture_on_commit_callbacks
):
    record = external(team.team[0])
    assert not SiasnPush.objects.exists()  # pending verification: nothing goes

    verify(record, team.pengelola.user, django_capture_on_commit_callbacks)

    push = SiasnPush.objects.get(learning_record=record)
    assert (push.status, push.last_error, push.pns_orang_id) == (
        PushStatus.SENT,
        "",
        ORANG_IDS[0],
    )
    (kursus,) = fake_siasn.kursus
    assert push.siasn_id == kursus["id"]
    assert (kursus["namaKursus"], kursus["jumlahJam"], kursus["jenisDiklatId"]) == (
        "Diklat Teknis Arsip",
        6,
        "3",
    )
    assert kursus["nomorSertipikat"] == "ANRI/01"
    assert kursus["path"] == fake_siasn.documents  # the uploaded proof as its certificate

    # Queued again (a periode push, a second delivery): still one course in SIASN.
    with django_capture_on_commit_callbacks(execute=True):
        push_request(learning_record_ids=[record.pk])
    assert len(fake_siasn.kursus) == 1
    assert SiasnPush.objects.get(learning_record=record).status == PushStatus.SENT


def test_a_rejected_external_training_is_not_sent(
    fake_siasn, team, django_capture_on_commit_callbacks
):
    record = external(team.team[0])
    verify(record, team.pengelola.user, django_capture_on_commit_callbacks, approve=False)
    assert not SiasnPush.objects.exists()
    assert fake_siasn.kursus == []


def test_a_coaching_sessions_jp_reaches_siasn_for_each_participant(
    fake_siasn, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = session_record(
            user=team.pimpinan.user,
            kind=SessionKind.COACHING,
            date=timezone.localdate() - datetime.timedelta(days=1),
            participant_ids=[m.pk for m in team.team],
            topics="RHK layanan mutasi",
            agreed_actions="",
            follow_up_date=None,
            duration_minutes=20,
        )
    records = SessionParticipant.objects.filter(session=session).values("learning_record")
    pushes = SiasnPush.objects.filter(learning_record__in=records)
    assert sorted(p.status for p in pushes) == [PushStatus.SENT, PushStatus.SENT]
    assert sorted(p.pns_orang_id for p in pushes) == ORANG_IDS
    assert sorted(k["jumlahJam"] for k in fake_siasn.kursus) == [0.44, 0.44]  # exact JP
    assert {k["jenisDiklatId"] for k in fake_siasn.kursus} == {"14"}


def test_nothing_is_queued_while_the_connector_is_off(
    fake_siasn, team, settings, django_capture_on_commit_callbacks
):
    settings.SIASN_ENABLED = False
    record = external(team.team[0])
    verify(record, team.pengelola.user, django_capture_on_commit_callbacks)
    assert not SiasnPush.objects.exists()
    assert fake_siasn.kursus == []
