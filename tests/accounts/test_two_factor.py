import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.factories import PegawaiUserFactory, UserFactory

pytestmark = pytest.mark.django_db
SETUP = "/akun/verifikasi-dua-langkah/pasang/"
VERIFY = "/akun/verifikasi-dua-langkah/"


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.BINA_REQUIRE_2FA = True


def current_code(device: TOTPDevice, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():06d}"


def editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    return user


def test_editor_must_set_up_a_second_factor_before_the_admin(client):
    client.force_login(editor())
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(SETUP)
    assert "next=%2Fadmin%2Fpages%2F" in response.url


def test_setup_with_a_valid_code_opens_the_admin(client):
    user = editor()
    client.force_login(user)
    page = client.get(SETUP)
    assert "<svg" in page.content.decode()  # QR rendered inline, no third party
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 302 and response.url == "/admin/"
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/").status_code == 200


def test_wrong_code_is_refused_in_indonesian(client):
    user = editor()
    client.force_login(user)
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert response.status_code == 200
    assert "Kode salah" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_next_sign_in_asks_for_the_code(client):
    user = editor()
    device = TOTPDevice.objects.create(user=user, confirmed=True, name="hp")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.url.startswith(VERIFY)
    response = client.post(
        VERIFY, {"token": current_code(device), "next": "https://jahat.example/"}
    )
    assert response.url == "/admin/"  # never redirected off-site
    assert client.get("/admin/").status_code == 200


def test_superuser_needs_it_and_pegawai_do_not(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/").url.startswith(SETUP)
    client.logout()
    client.force_login(PegawaiUserFactory())
    response = client.get("/admin/")
    assert not response.url.startswith(SETUP)  # plain login redirect: no admin access at all


def test_off_by_setting(client, settings):
    settings.BINA_REQUIRE_2FA = False
    client.force_login(editor())
    assert client.get("/admin/").status_code == 200
