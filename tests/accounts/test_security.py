"""Sign-in hardening: throttling, audit of sign-ins, sessions, password rules."""

import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import AuthEvent
from tests.factories import PegawaiUserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-rahasia-123"
LOGIN = "/akun/masuk/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()


def attempt(client, identifier, password, **extra):
    return client.post(LOGIN, {"username": identifier, "password": password}, **extra)


def test_account_is_locked_after_five_failures_even_with_the_right_password(client, settings):
    user = PegawaiUserFactory()
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        attempt(client, user.nip, "salah")
    response = attempt(client, user.nip, PASSWORD)
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_follows_the_person_however_the_nip_is_typed(client, settings):
    user = PegawaiUserFactory()
    spaced = f"{user.nip[:8]} {user.nip[8:]}"
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        attempt(client, spaced, "salah")
    assert "_auth_user_id" not in attempt(client, user.nip, PASSWORD).wsgi_request.session


def test_forged_forwarded_for_does_not_reset_the_address_counter(client, settings):
    settings.BINA_LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    victims = [PegawaiUserFactory() for _ in range(4)]
    for index, victim in enumerate(victims[:3]):
        attempt(client, victim.nip, "salah", HTTP_X_FORWARDED_FOR=f"10.0.0.{index}")
    response = attempt(client, victims[3].nip, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_trusted_proxy_address_is_used_when_configured(client, settings):
    from django.test import RequestFactory

    from accounts.throttling import client_address

    settings.BINA_TRUSTED_PROXIES = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_address(request) == "203.0.113.7"  # what our proxy saw, not the forged left


def test_wagtail_admin_login_is_throttled_too(client, settings):
    user = PegawaiUserFactory(is_superuser=True, is_staff=True)
    for _ in range(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT):
        client.post("/admin/login/", {"username": user.email, "password": "salah"})
    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_ins_and_failures_are_recorded_without_the_full_nip(client):
    user = PegawaiUserFactory()
    attempt(client, user.nip, "salah")
    attempt(client, user.nip, PASSWORD)
    client.post(reverse("accounts:logout"))
    kinds = list(AuthEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == ["login_failed", "login", "logout"]
    assert not AuthEvent.objects.filter(identifier__contains=user.nip).exists()
    assert AuthEvent.objects.get(kind="login").user == user


def test_session_key_rotates_at_login(client):
    user = PegawaiUserFactory()
    client.get(LOGIN)
    client.session.save()
    before = client.session.session_key
    attempt(client, user.nip, PASSWORD)
    assert client.session.session_key != before


def test_deactivated_user_is_signed_out_everywhere(client):
    user = PegawaiUserFactory()
    client.force_login(user)
    user.is_active = False
    user.save()
    response = client.get("/akun/masuk/")
    assert response.wsgi_request.user.is_anonymous


def test_password_change_ends_other_sessions(client):
    user = PegawaiUserFactory()
    client.force_login(user)
    user.set_password("Kata-Sandi-Baru-2026")
    user.save()
    assert client.get(LOGIN).wsgi_request.user.is_anonymous


@pytest.mark.parametrize(
    "password",
    ["Budi{nip}!", "{nip}", "lahir-{birth}-ok!", "x{nip_spaced}x"],
)
def test_password_containing_the_nip_is_rejected(password):
    user = PegawaiUserFactory()
    value = password.format(
        nip=user.nip, birth=user.nip[:8], nip_spaced=f"{user.nip[:8]} {user.nip[8:]}"
    )
    with pytest.raises(ValidationError) as excinfo:
        validate_password(value, user)
    assert "NIP" in " ".join(excinfo.value.messages)


def test_strong_password_is_accepted():
    validate_password("Melayani-Bangsa-dengan-Bangga", PegawaiUserFactory())


def test_public_pages_forbid_inline_script_and_framing(client):
    response = client.get(LOGIN)
    policy = response.headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.parametrize(
    "target", ["https://jahat.example/", "//jahat.example/", "javascript:alert(1)"]
)
def test_login_next_never_leaves_the_site(client, target):
    user = PegawaiUserFactory()
    response = client.post(
        f"{LOGIN}?next={target}", {"username": user.nip, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response.url == "/"
