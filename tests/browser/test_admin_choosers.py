"""A pengelola changes a pegawai's pejabat penilai in the admin through the chooser: search by
name, pick, save (issue 19, item 4: the dropdown of every pegawai is gone). Someone outside
the pengelola's units is not offered."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.browser.conftest import screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def org():
    root = UnitKerjaFactory(nama="Kanwil Uji", kode="KU")
    bagian = UnitKerjaFactory(parent=root, nama="Bagian Umum dan Kepegawaian", kode="KU.1")
    seksi = UnitKerjaFactory(parent=bagian, nama="Subbagian Tata Usaha", kode="KU.1.1")
    other = UnitKerjaFactory(parent=root, nama="Bidang Lain", kode="KU.2")
    kepala = PegawaiFactory(unit=seksi, user__display_name="Kepala Lama")
    new_kepala = PegawaiFactory(unit=seksi, user__display_name="Ratna Penilai Baru")
    PegawaiFactory(unit=other, user__display_name="Ratna Bidang Lain")
    staff = PegawaiFactory(unit=seksi, pejabat_penilai=kepala, user__display_name="Budi Staf")
    pengelola = PegawaiFactory(unit=bagian)  # their scope: the Bagian and the units below
    pengelola.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    return {"staff": staff, "new": new_kepala, "pengelola": pengelola}


def test_pengelola_picks_a_pejabat_penilai_by_search(page, org, viewport_name):
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(org["pengelola"].nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)

    page.goto(f"/admin/pegawai/edit/{org['staff'].pk}/")
    chooser = page.locator("#id_pejabat_penilai-chooser")
    expect(chooser).to_contain_text("Kepala Lama")
    screenshot(page, f"pilih-pegawai-{viewport_name}-formulir")
    chooser.locator('[data-w-dropdown-target="toggle"]').click()
    page.get_by_role("button", name="Ganti pegawai").click()

    modal = page.locator(".modal-dialog")
    modal.get_by_placeholder("Nama atau NIP").fill("Ratna")
    choice = modal.get_by_role("link", name="Ratna Penilai Baru")
    expect(modal.get_by_role("link", name="Budi Staf")).to_have_count(0)  # the search ran
    expect(choice).to_be_visible()
    expect(modal.get_by_text("Ratna Bidang Lain")).to_have_count(0)  # outside the scope
    expect(modal.get_by_role("columnheader", name="Nama")).to_be_visible()
    expect(modal.get_by_role("alert")).to_have_text("Ditemukan 1")
    screenshot(page, f"pilih-pegawai-{viewport_name}-modal")
    choice.click()
    expect(chooser).to_contain_text("Ratna Penilai Baru")

    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    org["staff"].refresh_from_db()
    assert org["staff"].pejabat_penilai == org["new"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
