"""Login lands on the role's own start page; the header links staff to the admin (#18)."""

import pytest

from django.urls import reverse

from accounts.roles import Role, role_group
from kinerja_link.services import pimpinan_group_sync
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-rahasia-123"


def login(client, username, next_url=None):
    url = reverse("accounts:login")
    data = {"username": username, "password": PASSWORD}
    if next_url is not None:
        url += f"?next={next_url}"
        data["next"] = next_url
    return client.post(url, data)


def staff(role: Role):
    user = UserFactory()
    user.groups.add(role_group(role))
    return user


@pytest.fixture
def team():
    unit = UnitKerjaFactory()
    kepala = PegawaiFactory(unit=unit)
    member = PegawaiFactory(unit=unit, pejabat_penilai=kepala)
    member.user.groups.add(role_group(Role.PEGAWAI))
    kepala.user.groups.add(role_group(Role.PEGAWAI))
    pimpinan_group_sync()
    return kepala, member


def test_pegawai_lands_on_belajar_saya(client, team):
    _, member = team
    response = login(client, member.user.username)
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:belajar_saya")


def test_pimpinan_lands_on_tim_saya(client, team):
    kepala, _ = team
    response = login(client, kepala.user.username)
    assert response["Location"] == reverse("tim_saya:index")


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.PENGELOLA])
def test_staff_roles_land_on_the_admin_dashboard(client, role):
    response = login(client, staff(role).username)
    assert response["Location"] == reverse("wagtailadmin_home")


def test_pengelola_who_is_also_pegawai_lands_on_the_admin(client, team):
    _, member = team
    member.user.groups.add(role_group(Role.PENGELOLA))
    response = login(client, member.user.username)
    assert response["Location"] == reverse("wagtailadmin_home")


def test_account_without_a_role_lands_on_the_home_page(client):
    response = login(client, UserFactory().username)
    assert response["Location"] == "/"


def test_safe_next_takes_precedence(client, team):
    _, member = team
    response = login(client, member.user.username, next_url="/katalog/")
    assert response["Location"] == "/katalog/"


@pytest.mark.parametrize("target", ["https://jahat.example/", "//jahat.example/"])
def test_unsafe_next_falls_back_to_the_start_page(client, team, target):
    _, member = team
    response = login(client, member.user.username, next_url=target)
    assert response["Location"] == reverse("learning:belajar_saya")


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.PENGELOLA])
def test_header_links_staff_roles_to_the_admin(client, role):
    client.force_login(staff(role))
    body = client.get("/katalog/").content.decode()
    assert f'href="{reverse("wagtailadmin_home")}"' in body


def test_header_has_no_admin_link_for_pegawai_or_visitors(client, team):
    admin_link = f'href="{reverse("wagtailadmin_home")}"'
    assert admin_link not in client.get("/katalog/").content.decode()
    _, member = team
    client.force_login(member.user)
    assert admin_link not in client.get("/katalog/").content.decode()
