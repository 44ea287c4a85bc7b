"""Journey "IDP" on a 390 px phone (issue 16): the pegawai drafts their development plan
from the jabatan's gaps and the evaluation's recommendations, sets a JP target and submits
it; the pimpinan is notified, opens it and approves it."""

import pytest
from playwright.sync_api import expect

from competencies.models import Competency
from kinerja_link.pembinaan.models import Notification
from kinerja_link.pengembangan.models import IdpStatus, RencanaPengembangan, StandarKompetensi
from kinerja_link.services import pimpinan_group_sync
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.kinerja_link.pembinaan.factories import RecommendationFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", base_url=live_server.url, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page, nip: str) -> None:
    page.context.clear_cookies()
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_pegawai_submits_and_pimpinan_approves_on_a_phone(phone):
    page = phone
    unit = UnitKerjaFactory(nama="Seksi Pengolahan Data", kode="SPD")
    kepala = PegawaiFactory(unit=unit)
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=kepala, jabatan="Pengolah Data")
    pimpinan_group_sync()
    StandarKompetensi.objects.create(
        jabatan="Pengolah Data",
        unit=unit,
        competency=Competency.objects.get(code="MJ-KOM"),
        required_level=3,
    )
    periode = PeriodeFactory(nomor=3)
    evaluasi = EvaluasiFactory(pegawai=pegawai, periode=periode)
    RecommendationFactory(evaluasi=evaluasi, reason="Perilaku Akuntabel di bawah ekspektasi")

    sign_in(page, pegawai.nip)
    page.goto(f"/pengembangan/?tahun={periode.tahun}")
    page.get_by_role("button", name="Susun konsep rencana").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rencana pengembangan kompetensi")
    items = page.locator(".idp-item")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Komunikasi")
    expect(page.locator(".idp-item", has_text="Perilaku Akuntabel")).to_be_visible()
    items.first.get_by_label("Target JP").fill("8")
    assert no_horizontal_scroll(page)
    screenshot(page, "idp-390-draft")
    page.get_by_role("button", name="Simpan perubahan").click()
    expect(page.locator(".messages")).to_contain_text("Rencana tersimpan")
    page.reload()  # without the flash message (its list is the site's shared include)
    assert_accessible(page)
    page.get_by_role("button", name="Ajukan ke pimpinan").click()
    expect(page.locator(".messages")).to_contain_text("diajukan")
    rencana = RencanaPengembangan.objects.get(pegawai=pegawai)
    assert rencana.status == IdpStatus.SUBMITTED
    assert Notification.objects.filter(user=kepala.user, key__startswith="idp:").exists()

    sign_in(page, kepala.nip)
    page.goto("/notifikasi/")
    page.get_by_role("button", name=f"{pegawai.nama} mengajukan").click()
    expect(page.get_by_role("button", name="Setujui rencana")).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot(page, "idp-390-pimpinan")
    page.get_by_label("Catatan untuk pegawai").fill("Setuju, mulai triwulan depan.")
    page.get_by_role("button", name="Setujui rencana").click()
    expect(page.locator(".messages")).to_contain_text("Rencana disetujui")
    expect(page.locator(".idp-status")).to_have_text("Disetujui")
    rencana.refresh_from_db()
    assert (rencana.status, rencana.decided_by_id) == (IdpStatus.APPROVED, kepala.user_id)
