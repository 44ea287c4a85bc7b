"""Export of everything held about one pegawai: scope, content, formats, audit."""

import json

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts.roles import Role
from kinerja_link.pembinaan.models import Notification
from kinerja_link.personal_data.export import EXPORT_ACTION, personal_data_collect
from kinerja_link.personal_data.inventory import SECTIONS
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory

from .world import NAME

pytestmark = pytest.mark.django_db
ROUTES = ("data_pribadi", "data_pribadi_json", "data_pribadi_pdf", "data_pribadi_hapus")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _blank_ids(response, pk: int) -> bytes:
    return response.content.replace(b"999999", b"ID").replace(str(pk).encode(), b"ID")


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in _keys(item)}
    if isinstance(value, list):
        return {k for item in value for k in _keys(item)}
    return set()


def test_json_holds_every_section_and_no_secret(world):
    response = _client(world.pengelola.user).get(
        reverse("pegawai:data_pribadi_json", args=[world.departed.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert world.nip not in response["Content-Disposition"]
    data = json.loads(response.content)
    parts = data["bagian"]
    assert data["format"] == "bina-asn.data-pribadi/1"
    assert parts["akun"] == [parts["akun"][0]] and parts["akun"][0]["nip"] == world.nip
    assert parts["akun"][0]["display_name"] == NAME
    assert parts["evaluasi"][0]["perilaku_catatan"]["AK"]["catatan"] == "catatan-rahasia-perilaku"
    assert parts["umpan_balik_diterima"][0]["text"] == "umpan-balik-rahasia"
    assert {row["session__topics"] for row in parts["sesi_diikuti"]} == {
        "topik-rahasia-berdua",
        "Topik kelompok",
    }
    assert parts["catatan_pembelajaran"] and parts["sertifikat"][0]["holder_nip"] == world.nip
    assert any(row["proof"] for row in parts["catatan_pembelajaran"])
    assert "jawaban-esai-rahasia" in {row["response"] for row in parts["jawaban_kuis"]}
    assert parts["perangkat_otp"] and parts["token_api"] and parts["catatan_masuk"]
    assert parts["notifikasi"] and parts["penugasan"] and parts["rekomendasi"]
    assert parts["bukti_skp"] and parts["kemajuan_kompetensi"] and parts["pendaftaran_kursus"]
    assert parts["pelajaran_selesai"] and parts["percobaan_kuis"] and parts["rhk"]
    assert {e["action"] for e in parts["jejak_audit_tentang"]} >= {
        "wagtail.edit",
        "learning.enrolment.complete",
    }
    assert not _keys(data) & {"password", "key", "token_hash", "session_data"}


def test_pdf_is_a_pdf_with_every_section(world, monkeypatch):
    rendered = {}

    def capture(html):
        rendered["html"] = html
        return b"%PDF-1.7 uji"

    monkeypatch.setattr("learning.certificates.html_to_pdf", capture)
    response = _client(world.pengelola.user).get(
        reverse("pegawai:data_pribadi_pdf", args=[world.departed.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    for section in SECTIONS:
        assert f'id="{section.key}"' in rendered["html"]
    assert "umpan-balik-rahasia" in rendered["html"] and world.nip in rendered["html"]


def test_pdf_renders_with_weasyprint(world):
    response = _client(world.pengelola.user).get(
        reverse("pegawai:data_pribadi_pdf", args=[world.departed.pk])
    )
    assert response.content.startswith(b"%PDF")


def test_export_is_audited_with_actor_and_format(world):
    client = _client(world.pengelola.user)
    response = client.get(reverse("pegawai:data_pribadi_json", args=[world.departed.pk]))
    entry = ModelLogEntry.objects.filter(action=EXPORT_ACTION).get()
    assert entry.user_id == world.pengelola.user_id
    assert entry.object_id == str(world.departed.pk)
    assert entry.data == {"format": "json", "request_id": response["X-Request-ID"]}


def test_overview_page_links_the_downloads(world):
    response = _client(world.pengelola.user).get(
        reverse("pegawai:data_pribadi", args=[world.departed.pk])
    )
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("data_pribadi_json", "data_pribadi_pdf", "data_pribadi_hapus"):
        assert reverse(f"pegawai:{name}", args=[world.departed.pk]) in body


def test_pegawai_edit_page_has_the_data_pribadi_button(world):
    response = _client(world.pengelola.user).get(reverse("pegawai:edit", args=[world.departed.pk]))
    assert reverse("pegawai:data_pribadi", args=[world.departed.pk]) in response.content.decode()


def test_out_of_scope_gets_the_same_404_as_a_missing_id(world):
    editor = PegawaiFactory(unit=world.unit_a).user
    editor.groups.add(Group.objects.get(name=Role.EDITOR))
    for user in (world.pengelola_b.user, editor):
        client = _client(user)
        for name in ROUTES:
            real = client.get(reverse(f"pegawai:{name}", args=[world.departed.pk]))
            missing = client.get(reverse(f"pegawai:{name}", args=[999999]))
            assert real.status_code == missing.status_code == 404, (user, name)
            assert _blank_ids(real, world.departed.pk) == _blank_ids(missing, world.departed.pk)
        posted = client.post(
            reverse("pegawai:data_pribadi_hapus", args=[world.departed.pk]),
            {"reason": "x", "confirmation": "HAPUS"},
        )
        assert posted.status_code == 404
    assert not ModelLogEntry.objects.filter(action=EXPORT_ACTION).exists()


def test_pegawai_without_admin_access_cannot_export(world):
    response = _client(world.colleague.user).get(
        reverse("pegawai:data_pribadi_json", args=[world.departed.pk])
    )
    assert response.status_code in (302, 403, 404)
    assert b"umpan-balik-rahasia" not in response.content


def test_superuser_may_export_anyone(world):
    admin = UserFactory(is_superuser=True, is_staff=True)
    response = _client(admin).get(reverse("pegawai:data_pribadi_json", args=[world.departed.pk]))
    assert response.status_code == 200


def test_collect_queries_do_not_grow_with_the_data(world, django_assert_max_num_queries):
    budget = len(SECTIONS) + 8  # one per section, the audit entries, content types
    with django_assert_max_num_queries(budget):
        personal_data_collect(pegawai=world.departed)
    for n in range(20):
        Notification.objects.create(user=world.departed.user, key=f"uji:{n}", title="Uji")
    for nomor in (1, 2):
        EvaluasiFactory(pegawai=world.departed, periode=PeriodeFactory(nomor=nomor))
    with django_assert_max_num_queries(budget):
        personal_data_collect(pegawai=world.departed)
