import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import PegawaiUserFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-rahasia-123"


def login(client, identifier, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": identifier, "password": password})


def test_login_with_nip(client):
    user = PegawaiUserFactory()
    response = login(client, user.nip)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_nip_typed_with_spaces(client):
    user = PegawaiUserFactory()
    nip = user.nip
    response = login(client, f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}")
    assert response.status_code == 302


def test_login_with_email_in_any_case(client):
    user = UserFactory(email="Siti.Rahma@Kemenag.example")
    response = login(client, "siti.rahma@kemenag.example")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_shows_indonesian_error(client):
    user = PegawaiUserFactory()
    response = login(client, user.nip, "salah")
    assert response.status_code == 200
    assert "NIP/e-mail atau kata sandi salah" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client):
    user = PegawaiUserFactory(is_active=False)
    response = login(client, user.nip)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_unknown_nip_is_rejected(client):
    response = login(client, "198609262015051999")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client):
    user = PegawaiUserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_page_is_indonesian(client):
    response = client.get(reverse("accounts:login"))
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "NIP atau e-mail" in body


def test_password_reset_by_nip_mails_the_address_on_file(client):
    user = PegawaiUserFactory(email="pegawai@instansi.example")
    response = client.post(reverse("accounts:password_reset"), {"email": user.nip})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pegawai@instansi.example"]
    assert "atur-sandi" in mail.outbox[0].body


def test_password_reset_link_sets_a_new_password(client):
    user = PegawaiUserFactory(email="pegawai@instansi.example")
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/akun/atur-sandi/" in line)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path).url  # Django swaps the token for a session key
    new_password = "Melayani-Bangsa-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_for_unknown_identifier_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "tidak@ada.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_email_is_unique_regardless_of_case():
    from django.db import IntegrityError

    UserFactory(email="a@b.example")
    with pytest.raises(IntegrityError):
        UserFactory(email="A@B.example")


def test_many_users_without_nip_are_allowed():
    UserFactory(nip="")
    UserFactory(nip="")
    assert get_user_model().objects.filter(nip__isnull=True).count() == 2


def test_editor_signs_in_to_the_wagtail_admin_with_email(client):
    from django.contrib.auth.models import Group

    from accounts.roles import Role

    editor = UserFactory(email="editor@instansi.example")
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    response = client.post(
        "/admin/login/", {"username": "editor@instansi.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_pegawai_cannot_enter_the_wagtail_admin(client):
    user = PegawaiUserFactory()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url
