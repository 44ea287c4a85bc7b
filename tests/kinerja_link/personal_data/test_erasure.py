"""Erasure (pseudonymisation) of a departed pegawai."""

import pytest

from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Sum
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from kinerja_link.models import Evaluasi
from kinerja_link.pembinaan.effectiveness import effectiveness_report
from kinerja_link.pembinaan.models import (
    CompetencyProgress,
    Feedback,
    PembinaanSession,
    SessionParticipant,
    SkpEvidence,
)
from kinerja_link.personal_data.erasure import ERASE_ACTION, pegawai_erase
from kinerja_link.scope import EVERYTHING
from learning.models import Certificate, Enrolment, LearningRecord
from learning.quiz.models import QuizAttempt

from .world import EMAIL, NAME, SECRETS, build_world

pytestmark = pytest.mark.django_db
REASON = f"Permintaan {NAME} tanggal 1 Desember 2026"


@pytest.fixture
def erase(world, django_capture_on_commit_callbacks):
    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return pegawai_erase(
                pegawai=world.departed, by=world.pengelola.user, reason=REASON, **kwargs
            )

    return run


def _aggregates() -> dict:
    """What reports count: none of it may change when a departed pegawai is erased."""
    return {
        "predikat": sorted(
            Evaluasi.objects.values_list("periode_id", "predikat").annotate(n=Count("pk"))
        ),
        "jp_per_unit": sorted(
            LearningRecord.objects.counted()
            .values_list("user__pegawai__unit_id")
            .annotate(jp=Sum("jp"))
        ),
        "completions": sorted(
            Enrolment.objects.filter(status="completed")
            .values_list("course_id")
            .annotate(n=Count("pk"))
        ),
        "certificates_valid": Certificate.objects.filter(revoked_at__isnull=True).count(),
        "sessions": PembinaanSession.objects.count(),
        "participants": SessionParticipant.objects.count(),
        "feedback": Feedback.objects.count(),
        "evidence": SkpEvidence.objects.aggregate(n=Count("pk"), jp=Sum("jp")),
        "progress": CompetencyProgress.objects.aggregate(n=Sum("evidence_count")),
        "quiz": sorted(QuizAttempt.objects.values_list("quiz_id", "score", "passed")),
        "effectiveness": effectiveness_report(scope=EVERYTHING),
    }


def _database_text() -> str:
    """Every value of every column of every table, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("latin-1")
                    chunks.append(f"{table}:{value}")
    return "\n".join(chunks)


def test_aggregates_are_the_same_before_and_after(world, erase):
    before = _aggregates()
    erase()
    assert _aggregates() == before


def test_no_trace_of_name_nip_email_or_personal_text_anywhere_in_the_database(world, erase):
    text = _database_text()
    needles = (world.nip, NAME, EMAIL, *SECRETS)
    assert all(needle in text for needle in needles), "the world must hold every needle"
    erase()
    text = _database_text()
    found = [needle for needle in needles if needle in text]
    assert not found, f"masih tersimpan setelah penghapusan: {found}"


def test_certificate_still_verifies_as_genuine_without_name_or_nip(world, erase, client):
    certificate = Certificate.objects.get(user=world.departed.user)
    erase()
    response = client.get(certificate.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "SAH" in body and f"Pegawai terhapus #{world.departed.pk}" in body
    assert NAME not in body and world.nip not in body and world.nip[:4] + "••" not in body


def test_account_is_pseudonymised_closed_and_its_sessions_end(world, erase):
    assert world.signed_in.get(reverse("learning:belajar_saya")).status_code == 200
    erase()
    user = world.departed.user
    user.refresh_from_db()
    world.departed.refresh_from_db()
    assert user.display_name == f"Pegawai terhapus #{world.departed.pk}"
    assert user.nip is None and user.email == "" and user.username == f"terhapus-{user.pk}"
    assert not user.is_active and not user.has_usable_password()
    assert not user.groups.exists()
    assert not world.departed.is_active and world.departed.jabatan == ""
    assert not any(
        str(s.get_decoded().get("_auth_user_id")) == str(user.pk) for s in Session.objects.all()
    )
    response = world.signed_in.get(reverse("learning:belajar_saya"))
    assert response.status_code == 302
    assert not Client().login(username=world.nip, password="sandi-rahasia-123")


def test_files_are_deleted(world, erase):
    record = LearningRecord.objects.get(pk=world.external.pk)
    certificate = Certificate.objects.get(user=world.departed.user)
    proof, pdf = (
        (record.proof.storage, record.proof.name),
        (certificate.pdf.storage, certificate.pdf.name),
    )
    assert proof[0].exists(proof[1]) and pdf[0].exists(pdf[1])
    erase()
    assert not proof[0].exists(proof[1]) and not pdf[0].exists(pdf[1])


def test_audit_keeps_the_erasure_but_not_the_personal_values(world, erase):
    erase()
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.user_id == world.pengelola.user_id
    assert entry.data == {
        "alasan": f"Permintaan Pegawai terhapus #{world.departed.pk} tanggal 1 Desember 2026"
    }
    about_evaluasi = ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=str(world.evaluasi.pk)
    )
    notes = about_evaluasi.get(data__has_key="after").data["after"]["perilaku_catatan"]
    assert notes == {"AK": {"catatan": "[dihapus]", "perlu_pembinaan": True}}
    imported = about_evaluasi.get(data__has_key="nip").data
    assert imported == {"baris": 1, "nip": "[dihapus]", "before": {"rating_hasil": 2}}
    assert all(NAME not in e.label for e in ModelLogEntry.objects.all())


def test_flags_that_drive_the_rules_stay(world, erase):
    erase()
    evaluasi = Evaluasi.objects.get(pk=world.evaluasi.pk)
    assert evaluasi.perilaku_catatan == {"AK": {"perlu_pembinaan": True}}


def test_erasing_twice_changes_nothing(world, erase):
    first = erase()
    snapshot = _database_text()
    second = erase()
    assert not first.already_erased and second.already_erased
    assert _database_text() == snapshot


def test_reason_is_required_and_self_erasure_refused(world):
    with pytest.raises(ValidationError):
        pegawai_erase(pegawai=world.departed, by=world.pengelola.user, reason="  ")
    with pytest.raises(ValidationError):
        pegawai_erase(pegawai=world.pengelola, by=world.pengelola.user, reason="keluar")


def test_admin_form_needs_the_reason_and_the_typed_confirmation(world):
    client = Client()
    client.force_login(world.pengelola.user)
    url = reverse("pegawai:data_pribadi_hapus", args=[world.departed.pk])
    assert client.get(url).status_code == 200
    for data in (
        {"reason": "", "confirmation": "HAPUS"},
        {"reason": "Permintaan tertulis", "confirmation": "hapus"},
        {"reason": "Permintaan tertulis", "confirmation": ""},
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        world.departed.user.refresh_from_db()
        assert world.departed.user.display_name == NAME
    response = client.post(url, {"reason": "Surat 12/2026", "confirmation": "HAPUS"})
    assert response.status_code == 302
    world.departed.user.refresh_from_db()
    assert world.departed.user.nip is None


def test_an_active_pegawai_is_made_inactive_by_the_erasure(db, django_capture_on_commit_callbacks):
    active = build_world(departed_active=True)
    assert active.departed.is_active
    with django_capture_on_commit_callbacks(execute=True):
        pegawai_erase(pegawai=active.departed, by=active.pengelola.user, reason="Permintaan")
    active.departed.refresh_from_db()
    assert not active.departed.is_active


def test_sign_in_digests_that_could_find_them_again_are_forgotten(world, erase, client):
    from accounts.models import AuthEvent

    nip = world.departed.user.nip
    client.post(reverse("accounts:login"), {"username": nip, "password": "salah-sekali-123"})
    typed = AuthEvent.objects.filter(kind=AuthEvent.Kind.LOGIN_FAILED).exclude(account_digest="")
    assert typed.exists()
    other = AuthEvent.objects.create(kind=AuthEvent.Kind.LOGIN_FAILED, account_digest="lain")

    result = erase()

    assert result.counts["sidik_masuk"] >= 1
    assert not typed.exclude(pk=other.pk).exists()
    other.refresh_from_db()
    assert other.account_digest == "lain"  # someone else's attempts still count
