"""Journey "Rencana aksi" at 390 px: the pegawai adds a rencana aksi under an RHK of their SKP
and submits it; their pimpinan approves it in the dialog kinerja; the SKP page never scrolls
sideways on a phone."""

import datetime

import pytest
from playwright.sync_api import expect

from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.pembinaan.models import RencanaAksi, RencanaAksiStatus
from kinerja_link.services import pimpinan_group_sync
from tests.browser.conftest import screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import rhk_create

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def skp():
    unit = UnitKerjaFactory(nama="Seksi Pelayanan Terpadu", kode="SPT")
    kepala = PegawaiFactory(unit=unit)
    member = PegawaiFactory(unit=unit, pejabat_penilai=kepala)
    pimpinan_group_sync()
    year = datetime.date.today().year
    periode, _ = Periode.objects.get_or_create(tahun=year, jenis=JenisPeriode.TAHUNAN, nomor=0)
    skp = SKP.objects.create(pegawai=member, periode=periode, pejabat_penilai=kepala)
    rhk_create(
        skp=skp,
        rhk="Terlayaninya permohonan di loket terpadu sesuai standar pelayanan yang berlaku "
        "dengan waktu tunggu paling lama lima belas menit per pemohon",
        indikator="Persentase permohonan selesai tepat waktu",
        target="95%",
    )
    rhk_create(skp=skp, rhk="Tersusunnya laporan bulanan layanan", sort_order=1)
    return skp


def phone_page(browser, live_server, nip: str):
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", base_url=live_server.url, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)
    return context, page


def assert_no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"horizontal scroll: {widths}"


def test_pegawai_adds_rencana_aksi_and_pimpinan_approves_at_390px(browser, live_server, skp):
    target = skp.periode.end_date - datetime.timedelta(days=10)
    context, page = phone_page(browser, live_server, skp.pegawai.nip)
    page.goto(f"/kinerja/skp/{skp.pk}/")
    expect(page.get_by_role("heading", name="Rencana aksi dan realisasi")).to_be_visible()
    assert_no_sideways_scroll(page)
    first = page.locator(".rencana-rhk").first
    first.get_by_text("Tambah rencana aksi").click()
    first.get_by_label("Rencana aksi").fill("Menyusun SOP antrean loket terpadu")
    first.get_by_label("Target selesai").fill(target.isoformat())
    first.get_by_role("button", name="Simpan dan ajukan").click()
    expect(page.locator(".messages")).to_contain_text("diajukan")
    expect(first).to_contain_text("Menunggu persetujuan")
    assert_no_sideways_scroll(page)
    screenshot(page, "rencana-aksi-pegawai-390")
    context.close()

    rencana = RencanaAksi.objects.get()
    assert rencana.status == RencanaAksiStatus.DIAJUKAN

    context, page = phone_page(browser, live_server, skp.pejabat_penilai.nip)
    page.goto(f"/kinerja/skp/{skp.pk}/")
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="Menyusun SOP antrean loket terpadu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rencana aksi")
    assert_no_sideways_scroll(page)
    page.get_by_label("Komentar pimpinan").fill("Setuju, libatkan petugas shift sore.")
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator("[data-status]")).to_have_text("Disetujui")
    expect(page.locator(".rencana-dialog")).to_contain_text("libatkan petugas shift sore")
    page.get_by_role("link", name="Kembali ke SKP").click()
    expect(page.locator(".rencana-rhk").first).to_contain_text("Disetujui")
    assert_no_sideways_scroll(page)
    screenshot(page, "rencana-aksi-pimpinan-390")
    context.close()

    rencana.refresh_from_db()
    assert rencana.status == RencanaAksiStatus.DISETUJUI
