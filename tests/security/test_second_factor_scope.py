"""The second factor guards staff powers wherever their URL lives (issue 19, item 2).

A pengelola who signed in with the password alone used to export a unit's NIPs, names and
predikat, verify JP and grade essays: only /admin/ asked for the code. Views now declare
the role they need (``accounts.access.role_required``) and the code follows from it; views
open to everyone that show staff more (another pegawai's kinerja, a proof file, revoking a
certificate) ask for it before using the wider scope. The route × role matrix checks every
staff route (tests/security/test_route_matrix.py); this file checks the behaviour around it.
"""

import datetime
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import Role
from kinerja_link import views as kinerja_views
from learning import services as learning_services
from learning import views as learning_views
from learning.models import Certificate, LearningRecord, VerificationStatus
from learning.quiz import views as quiz_views
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.learning.factories import make_course
from tests.learning.test_completion import finish

pytestmark = pytest.mark.django_db
VERIFY = "/akun/verifikasi-dua-langkah/"
SETUP = "/akun/verifikasi-dua-langkah/pasang/"
PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.BINA_REQUIRE_2FA = True


@pytest.fixture
def subbag():
    """The pengelola sit in the Subbagian Kepegawaian, under the secretariat."""
    root = UnitKerjaFactory(nama="Sekretariat Jenderal", kode="SETJEN")
    return UnitKerjaFactory(parent=root, nama="Subbagian Kepegawaian", kode="SETJEN-KEP")


@pytest.fixture
def pengelola(subbag):
    user = PegawaiFactory(unit=subbag).user
    user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    TOTPDevice.objects.create(user=user, name="Ponsel", confirmed=True)
    return user


@pytest.fixture
def pegawai(subbag):
    return PegawaiFactory(unit=subbag)


def code_for(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def asks_for_the_code(response, path: str, page: str = VERIFY) -> bool:
    location = urlsplit(response.headers.get("Location", ""))
    return (
        response.status_code == 302
        and location.path == page
        and parse_qs(location.query).get("next") == [path]
    )


def external_record(user) -> LearningRecord:
    return learning_services.learning_record_create_external(
        user=user,
        title="Bimtek Arsip Digital",
        institution="ANRI",
        jenis_diklat_id=8,
        minutes=450,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 2),
        certificate_number="ANRI/2026/77",
        proof=SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf"),
    )


def test_export_asks_for_the_code_then_opens(client, pengelola):
    client.force_login(pengelola)
    path = reverse("kinerja:ekspor")
    assert asks_for_the_code(client.get(path), path)
    response = client.post(VERIFY, {"token": code_for(pengelola), "next": path})
    assert response.status_code == 302 and response.url == path
    assert client.get(path).status_code == 200


def test_without_a_paired_device_staff_are_sent_to_pair_one(client, pengelola):
    TOTPDevice.objects.filter(user=pengelola).delete()
    client.force_login(pengelola)
    path = reverse("learning:verification_list")
    assert asks_for_the_code(client.get(path), path, page=SETUP)


@pytest.mark.parametrize(
    "path",
    [
        "/kinerja/ekspor/?periode=1&unit=1&format=csv",
        "/belajar-saya/verifikasi/",
        "/belajar/kuis/penilaian/",
        "/belajar/kuis/1/laporan/",
    ],
)
def test_staff_pages_outside_the_admin_ask_for_the_code(client, pengelola, path):
    client.force_login(pengelola)
    assert asks_for_the_code(client.get(path), path)


def test_jp_is_not_verified_by_password_alone(client, pengelola, pegawai):
    record = external_record(pegawai.user)
    client.force_login(pengelola)
    path = reverse("learning:verification_decide", args=[record.pk])
    assert asks_for_the_code(client.post(path, {"decision": "verify"}), path)
    record.refresh_from_db()
    assert record.verification_status == VerificationStatus.PENDING


def test_essays_are_not_graded_by_password_alone(client, pengelola):
    client.force_login(pengelola)
    path = reverse("quiz:essay_grade", args=[1])
    assert asks_for_the_code(client.post(path, {"percent": "100", "comment": ""}), path)


def test_others_kinerja_waits_for_the_code_own_does_not(client, pengelola, pegawai):
    client.force_login(pengelola)
    own = pengelola.pegawai.pk
    assert client.get(reverse("kinerja:pegawai", args=[own])).status_code == 200
    for pk in (pegawai.pk, 999999):  # existing or not: the same answer
        path = reverse("kinerja:pegawai", args=[pk])
        assert asks_for_the_code(client.get(path), path)
    client.post(VERIFY, {"token": code_for(pengelola)})
    assert client.get(reverse("kinerja:pegawai", args=[pegawai.pk])).status_code == 200


def test_a_pimpinan_sees_their_team_without_any_code(client, subbag):
    pimpinan = PegawaiFactory(unit=subbag)
    member = PegawaiFactory(unit=subbag, pejabat_penilai=pimpinan)
    client.force_login(pimpinan.user)
    assert client.get(reverse("kinerja:pegawai", args=[member.pk])).status_code == 200
    assert client.get(reverse("kinerja:ekspor")).status_code == 404  # no staff role at all


def test_others_proof_waits_for_the_code_own_does_not(client, pengelola, pegawai):
    theirs, mine = external_record(pegawai.user), external_record(pengelola)
    client.force_login(pengelola)
    assert client.get(reverse("learning:record_proof", args=[mine.pk])).status_code == 200
    path = reverse("learning:record_proof", args=[theirs.pk])
    assert asks_for_the_code(client.get(path), path)
    client.post(VERIFY, {"token": code_for(pengelola)})
    assert client.get(path).status_code == 200


def test_staff_views_declare_their_role():
    """The declaration is what demands the code: a staff view without it would not ask."""
    declared = [
        kinerja_views.ekspor,
        learning_views.verification_list,
        learning_views.verification_decide,
        quiz_views.marking_queue,
        quiz_views.essay_grade,
        quiz_views.quiz_report,
    ]
    assert all(view.required_roles == (Role.PENGELOLA,) for view in declared)


def test_off_by_setting(client, pengelola, settings):
    settings.BINA_REQUIRE_2FA = False
    client.force_login(pengelola)
    assert client.get(reverse("kinerja:ekspor")).status_code == 200


def test_a_certificate_is_not_revoked_by_password_alone(client, pengelola, pegawai):
    finish(pegawai.user, make_course(lessons=1))
    certificate = Certificate.objects.get(user=pegawai.user)
    client.force_login(pengelola)
    path = certificate.get_absolute_url()
    page = client.get(path)
    assert page.status_code == 200 and 'name="reason"' not in page.content.decode()
    assert asks_for_the_code(client.post(path, {"reason": "Data peserta keliru"}), path)
    certificate.refresh_from_db()
    assert certificate.is_valid
    client.post(VERIFY, {"token": code_for(pengelola)})
    assert 'name="reason"' in client.get(path).content.decode()
