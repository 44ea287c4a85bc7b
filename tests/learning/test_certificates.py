import io
import time

import pytest
from pypdf import PdfReader

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.roles import Role
from learning import services
from learning.models import Certificate
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .test_completion import finish


def pdf_text(certificate: Certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def certificate(course, pegawai, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        finish(pegawai, course)
    return Certificate.objects.get(user=pegawai)


@pytest.mark.django_db
def test_pdf_is_rendered_on_completion_with_name_number_and_course(certificate, pegawai, course):
    assert certificate.pdf
    text = pdf_text(certificate)
    assert pegawai.get_full_name() in text
    assert certificate.number in text
    assert course.title in text
    assert "3 jam pelajaran" in text
    assert certificate.render_ms is not None


@pytest.mark.django_db
def test_render_time_is_measured_and_small(certificate):
    certificate.pdf.delete(save=True)
    started = time.perf_counter()
    services.certificate_render(certificate_id=certificate.pk)
    elapsed = time.perf_counter() - started
    print(f"\ncertificate render: {elapsed * 1000:.0f} ms")
    assert elapsed < 5


@pytest.mark.django_db
def test_render_is_idempotent_and_announces_once(certificate, django_capture_on_commit_callbacks):
    from learning import events

    seen = []

    def receiver(sender, **kwargs):
        seen.append(kwargs["certificate_id"])

    events.certificate_issued.connect(receiver)
    try:
        certificate.pdf.delete(save=True)
        with django_capture_on_commit_callbacks(execute=True):
            name = services.certificate_render(certificate_id=certificate.pk).pdf.name
            assert services.certificate_render(certificate_id=certificate.pk).pdf.name == name
    finally:
        events.certificate_issued.disconnect(receiver)
    assert seen == [certificate.pk]


@pytest.mark.django_db
def test_certificate_keeps_title_and_jp_as_issued(certificate, course, client):
    course.title = "Judul Baru"
    course.jp = 9
    course.save_revision().publish()
    course.unpublish()
    certificate.refresh_from_db()
    assert (certificate.course_title, certificate.jp) == ("Berorientasi Pelayanan", 3)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Berorientasi Pelayanan" in page


@pytest.mark.django_db
def test_verification_page_is_public_and_masks_the_nip(client, certificate, pegawai):
    response = client.get(reverse("learning:certificate_verify", args=[certificate.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "SAH" in body
    assert pegawai.nip not in body
    assert pegawai.nip[:4] in body and pegawai.nip[-4:] in body


@pytest.mark.django_db
def test_unknown_certificate_is_404(client):
    import uuid

    assert (
        client.get(reverse("learning:certificate_verify", args=[uuid.uuid4()])).status_code == 404
    )


@pytest.mark.django_db
def test_revocation_needs_a_pengelola_and_a_reason(certificate, pegawai, pengelola, client):
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(certificate=certificate, by=pegawai, reason="x")
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, by=pengelola, reason="  ")
    client.force_login(pengelola)
    url = certificate.get_absolute_url()
    client.post(url, {"reason": "Data peserta keliru"})
    certificate.refresh_from_db()
    assert certificate.revoked_by == pengelola
    client.logout()
    body = client.get(url).content.decode()
    assert "DICABUT" in body and "Data peserta keliru" in body


@pytest.mark.django_db
def test_pegawai_cannot_revoke_through_the_page(certificate, other_pegawai, client):
    client.force_login(other_pegawai)
    assert client.post(certificate.get_absolute_url(), {"reason": "iseng"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid


@pytest.mark.django_db
def test_only_the_holder_downloads_the_pdf(certificate, pegawai, other_pegawai, pengelola, client):
    url = reverse("learning:certificate_download", args=[certificate.uuid])
    client.force_login(pegawai)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    for stranger in (other_pegawai, pengelola):
        client.force_login(stranger)
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_certificate_file_is_not_under_media_root(certificate, settings):
    from pathlib import Path

    assert not Path(certificate.pdf.path).is_relative_to(Path(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_worker_renders_the_certificate(celery_worker, course, pegawai):
    """Completion enqueues the render on commit; a real worker process writes the PDF."""
    # The celery_worker fixture gives the worker this test's media root: the same files.
    finish(pegawai, course)
    certificate = Certificate.objects.get(user=pegawai)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        certificate.refresh_from_db()
        if certificate.pdf:
            break
        time.sleep(0.3)
    assert certificate.pdf, "worker did not render the certificate"
    try:
        assert certificate.number in pdf_text(certificate)
    finally:
        certificate.pdf.delete(save=False)
    print(f"\nworker render: {certificate.render_ms} ms")


@pytest.mark.django_db
def test_revoking_a_certificate_withdraws_its_jp(certificate, pegawai, pengelola):
    from learning.models import LearningRecord, VerificationStatus
    from learning.selectors import jp_total

    year = certificate.issued_at.year
    before = jp_total(user=pegawai, year=year)
    assert before > 0
    services.certificate_revoke(certificate=certificate, by=pengelola, reason="Data keliru")
    record = LearningRecord.objects.get(enrolment=certificate.enrolment)
    assert record.verification_status == VerificationStatus.REJECTED
    assert "Data keliru" in record.rejection_reason
    assert jp_total(user=pegawai, year=year) == before - record.jp


@pytest.mark.django_db
def test_revoking_a_certificate_without_enrolment_leaves_other_records_alone(
    certificate, other_pegawai, pengelola
):
    """A certificate whose enrolment is gone has no record of its own: revoking it must not
    reject every record without an enrolment (other people's external trainings)."""
    import datetime

    from learning.models import LearningRecord, LearningRecordSource, VerificationStatus

    external = LearningRecord.objects.create(
        user=other_pegawai,
        source=LearningRecordSource.EXTERNAL,
        title="Diklat luar",
        institution="BPSDM",
        jenis_diklat_id=1,
        jp=2,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 1),
        verification_status=VerificationStatus.VERIFIED,
    )
    Certificate.objects.filter(pk=certificate.pk).update(enrolment=None)
    certificate.refresh_from_db()
    services.certificate_revoke(certificate=certificate, by=pengelola, reason="Data keliru")
    external.refresh_from_db()
    assert external.verification_status == VerificationStatus.VERIFIED


@pytest.mark.django_db
def test_pengelola_cannot_revoke_a_certificate_outside_their_units(course, client):
    """The role alone is not enough: the holder must be one of the pengelola's pegawai."""
    pengelola = PegawaiFactory(unit=UnitKerjaFactory(nama="Kanwil A")).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    holder = PegawaiFactory(unit=UnitKerjaFactory(nama="Kanwil B")).user
    finish(holder, course)
    certificate = Certificate.objects.get(user=holder)
    with pytest.raises(PermissionDenied):
        services.certificate_revoke(certificate=certificate, by=pengelola, reason="Data keliru")
    client.force_login(pengelola)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert 'name="reason"' not in page
    assert client.post(certificate.get_absolute_url(), {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
