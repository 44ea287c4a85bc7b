import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning import selectors, services
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from learning.proofs import sniff_kind

PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32

pytestmark = pytest.mark.django_db


def upload(content=PDF, name="sertifikat.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def external(user, *, minutes=450, end=datetime.date(2026, 3, 2), proof=None):
    return services.learning_record_create_external(
        user=user,
        title="Bimtek Arsip Digital",
        institution="ANRI",
        jenis_diklat_id=8,
        minutes=minutes,
        start_date=end - datetime.timedelta(days=1),
        end_date=end,
        certificate_number="ANRI/2026/77",
        proof=proof or upload(),
    )


def counted(user, year, jp, source=LearningRecordSource.COURSE):
    return LearningRecord.objects.create(
        user=user,
        source=source,
        title="x",
        jp=Decimal(jp),
        start_date=datetime.date(year, 5, 1),
        end_date=datetime.date(year, 5, 2),
        verification_status=VerificationStatus.VERIFIED,
    )


@pytest.mark.parametrize(("content", "kind"), [(PDF, "pdf"), (PNG, "png"), (JPG, "jpg")])
def test_sniffing_reads_the_content(content, kind):
    assert sniff_kind(content[:16]) == kind


def test_a_renamed_executable_is_refused(pegawai):
    with pytest.raises(ValidationError, match="PDF, JPG, atau PNG"):
        external(pegawai, proof=upload(b"MZ\x90\x00 not a pdf", name="sertifikat.pdf"))


def test_extension_comes_from_content_not_from_the_name(pegawai):
    record = external(pegawai, proof=upload(PNG, name="foto.pdf"))
    assert record.proof.name.endswith(".png")
    assert "foto" not in record.proof.name


def test_size_cap(pegawai, settings):
    settings.BINA_PROOF_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="maksimal"):
        external(pegawai, proof=upload(PDF + b"0" * 200))


def test_minutes_become_jp_with_the_configured_minutes(pegawai, settings):
    settings.JP_MINUTES = 45
    assert external(pegawai, minutes=450).jp == Decimal("10.00")
    settings.JP_MINUTES = 60
    assert external(pegawai, minutes=90).jp == Decimal("1.50")


def test_external_record_counts_only_after_verification(pegawai, pengelola):
    record = external(pegawai)
    assert selectors.jp_total(user=pegawai, year=2026) == 0
    services.learning_record_verify(record=record, by=pengelola, approve=True)
    assert selectors.jp_total(user=pegawai, year=2026) == Decimal(10)


def test_rejection_needs_a_reason_and_does_not_count(pegawai, pengelola):
    record = external(pegawai)
    with pytest.raises(ValidationError):
        services.learning_record_verify(record=record, by=pengelola, approve=False)
    services.learning_record_verify(record=record, by=pengelola, approve=False, reason="Buram")
    assert record.verification_status == VerificationStatus.REJECTED
    assert selectors.jp_total(user=pegawai, year=2026) == 0
    with pytest.raises(ValidationError):
        services.learning_record_verify(record=record, by=pengelola, approve=True)


def test_only_a_pengelola_verifies_and_never_their_own(pegawai, other_pegawai, pengelola):
    with pytest.raises(PermissionDenied):
        services.learning_record_verify(record=external(pegawai), by=other_pegawai, approve=True)
    with pytest.raises(PermissionDenied):
        services.learning_record_verify(record=external(pengelola), by=pengelola, approve=True)


def test_jp_totals_are_per_year(pegawai, other_pegawai):
    counted(pegawai, 2025, 7)
    counted(pegawai, 2026, 4)
    counted(pegawai, 2026, "2.5", source=LearningRecordSource.COACHING)
    counted(other_pegawai, 2026, 30)
    assert selectors.jp_total(user=pegawai, year=2025) == Decimal(7)
    assert selectors.jp_total(user=pegawai, year=2026) == Decimal("6.5")


def test_jp_ring_against_the_target(pegawai, settings):
    settings.JP_TARGET_PER_YEAR = 20
    counted(pegawai, 2026, 5)
    ring = selectors.jp_ring(user=pegawai, year=2026)
    assert (ring.percent, ring.remaining) == (25, Decimal(15))
    assert ring.dash == pytest.approx(ring.circumference / 4, abs=0.01)
    counted(pegawai, 2026, 40)
    assert selectors.jp_ring(user=pegawai, year=2026).percent == 100


def form_data(**overrides):
    return {
        "title": "Pelatihan Kehumasan",
        "institution": "Kominfo",
        "jenis_diklat_id": "3",
        "minutes": "90",
        "start_date": "2026-02-01",
        "end_date": "2026-02-01",
        **overrides,
    }


def test_form_view_creates_a_pending_record(client, pegawai):
    client.force_login(pegawai)
    response = client.post(reverse("learning:record_add"), form_data(proof=upload(JPG, "b.jpg")))
    assert response.status_code == 302
    record = LearningRecord.objects.get(user=pegawai)
    assert record.verification_status == VerificationStatus.PENDING
    assert record.jp == Decimal("2.00")


def test_form_view_shows_the_content_error(client, pegawai):
    client.force_login(pegawai)
    response = client.post(
        reverse("learning:record_add"),
        form_data(start_date="2026-02-02", proof=upload(b"<html>", "bukti.pdf")),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "tidak boleh sebelum" in body
    assert not LearningRecord.objects.exists()


def test_proof_is_visible_to_owner_and_pengelola_only(client, pegawai, other_pegawai, pengelola):
    record = external(pegawai)
    url = reverse("learning:record_proof", args=[record.pk])
    client.force_login(other_pegawai)
    assert client.get(url).status_code == 404
    assert client.get(reverse("learning:record_proof", args=[record.pk + 99])).status_code == 404
    for allowed in (pegawai, pengelola):
        client.force_login(allowed)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF


def test_verification_pages_are_for_pengelola(client, pegawai, pengelola):
    record = external(pegawai)
    client.force_login(pegawai)
    assert client.get(reverse("learning:verification_list")).status_code == 404
    assert client.post(reverse("learning:verification_decide", args=[record.pk])).status_code == 404
    client.force_login(pengelola)
    assert record.title in client.get(reverse("learning:verification_list")).content.decode()
    client.post(reverse("learning:verification_decide", args=[record.pk]), {"decision": "verify"})
    record.refresh_from_db()
    assert record.verification_status == VerificationStatus.VERIFIED
    assert record.verified_by == pengelola


def test_a_registered_scope_limits_what_a_pengelola_sees(client, pegawai, other_pegawai, pengelola):
    from wagtail import hooks

    from learning.scopes import PENGELOLA_SCOPE_HOOK

    mine, theirs = external(pegawai), external(other_pegawai)

    def only_first(who, users):
        return users.filter(pk=pegawai.pk)

    with hooks.register_temporarily(PENGELOLA_SCOPE_HOOK, only_first):
        client.force_login(pengelola)
        listing = client.get(reverse("learning:verification_list")).context["records"]
        assert [r.pk for r in listing] == [mine.pk]
        assert client.get(reverse("learning:record_proof", args=[theirs.pk])).status_code == 404
        decide = reverse("learning:verification_decide", args=[theirs.pk])
        assert client.post(decide, {"decision": "verify"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.verification_status == VerificationStatus.PENDING
