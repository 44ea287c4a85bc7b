import pytest

from django.apps import apps
from django.core.management import call_command

from accounts.nip import parse_nip
from accounts.roles import Role
from kinerja_link.models import Pegawai

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"accounts", "auth", "kinerja_link", "learning", "portal", "wagtailcore"}
        and not model._meta.label.startswith("wagtailcore.ModelLogEntry")
        and not model._meta.label.startswith("wagtailcore.PageLogEntry")
    }


def test_seed_demo_twice_changes_nothing(capsys):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first
    assert first["kinerja_link.Pegawai"] >= 50
    assert "Kata sandi semua akun demo" in capsys.readouterr().out


def test_seed_demo_builds_an_organisation_with_valid_nips_and_chains():
    call_command("seed_demo")
    pegawai = list(Pegawai.objects.select_related("user", "pejabat_penilai"))
    for p in pegawai:
        parse_nip(p.nip)  # raises if any demo NIP is invalid
    heads = [p for p in pegawai if p.pejabat_penilai is None]
    assert len(heads) == 1  # only the Kepala Kantor Wilayah has no pejabat penilai
    pimpinan_group = apps.get_model("auth", "Group").objects.get(name=Role.PIMPINAN)
    penilai_user_ids = {p.pejabat_penilai.user_id for p in pegawai if p.pejabat_penilai}
    assert set(pimpinan_group.user_set.values_list("id", flat=True)) == penilai_user_ids


def test_demo_home_page_is_served(client):
    call_command("seed_demo")
    response = client.get("/")
    assert response.status_code == 200
    assert "Bangga Melayani Bangsa" in response.content.decode()
