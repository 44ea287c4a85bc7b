"""Journey "Pengelola": upload an evaluation XLSX with a few bad rows, watch the progress, read
the row errors, confirm, and export the period for e-Kinerja/SIASN.

With Redis and PostgreSQL (CI) the import runs on a real Celery worker and the page polls
its progress; without them it runs eagerly and the page shows the finished report at once.
"""

import re

import openpyxl
import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from accounts.roles import Role
from kinerja_link.models import Evaluasi
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import SHEET_HEADERS, xlsx_file

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def org():
    root = UnitKerjaFactory(nama="Kanwil Uji", kode="KU")
    unit = UnitKerjaFactory(parent=root, nama="Bidang Uji", kode="KU.B")
    kepala = PegawaiFactory(unit=unit)
    staff = [PegawaiFactory(unit=unit, pejabat_penilai=kepala) for _ in range(3)]
    pengelola = PegawaiFactory(unit=root)
    pengelola.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    return {"unit": unit, "root": root, "staff": staff, "pengelola": pengelola}


@pytest.fixture
def worker(request):
    """The real worker when the services are there; eager Celery otherwise."""
    try:
        return request.getfixturevalue("celery_worker")
    except pytest.skip.Exception:
        return None


def evaluation_file(tmp_path, staff):
    a, b, c = staff
    rows = [
        [1, a.nip, a.nama, "x", "y", "Triwulan III 2026", "Di Atas", "Sesuai", "Baik"],
        [2, b.nip, b.nama, "x", "y", "Triwulan III 2026", 2, 3, ""],
        [3, "199001012015011999", "Tidak Dikenal", "x", "y", "Triwulan III 2026", 2, 2, ""],
        [4, c.nip, c.nama, "x", "y", "Triwulan III 2026", "Luar biasa", 2, ""],
        [5, c.nip, c.nama, "x", "y", "Semester 1", 2, 2, ""],
    ]
    path = tmp_path / "evaluasi-tw3.xlsx"
    path.write_bytes(xlsx_file(SHEET_HEADERS, rows).read())
    return path


def test_pengelola_imports_reads_errors_and_exports(page, org, worker, tmp_path, viewport_name):
    shots = f"pengelola-{viewport_name}"
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(org["pengelola"].nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)

    page.goto("/admin/kinerja_import/new/")
    page.set_input_files("input[name=file]", str(evaluation_file(tmp_path, org["staff"])))
    expect(page.locator("input[name=dry_run]")).to_be_checked()  # a preview first
    assert_accessible(page)
    screenshot(page, f"{shots}-unggah")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()

    # The job page: a labelled progress bar, then the report once the job is done.
    progress = page.get_by_role("progressbar", name="Kemajuan impor")
    expect(progress).to_be_visible()
    expect(page.get_by_role("heading", name="Hasil pemeriksaan")).to_be_visible(timeout=60_000)
    expect(progress).to_have_attribute("value", "100")
    # Wagtail's message bar fades in; axe would measure its contrast mid-animation.
    assert_accessible(page, exclude=[".messages"])
    screenshot(page, f"{shots}-pratinjau")
    errors = page.locator("table", has=page.get_by_role("columnheader", name="Masalah"))
    expect(errors.locator("tbody tr")).to_have_count(3)
    expect(errors).to_contain_text("tidak terdaftar sebagai pegawai")
    expect(errors).to_contain_text("Rating hasil kerja tidak dikenal")
    expect(errors).to_contain_text("Periode tidak dikenal")
    assert Evaluasi.objects.count() == 0  # a preview writes nothing
    # Confirming skips the bad rows: the page says how many, before the button.
    expect(page.locator("[data-skipped-warning]")).to_contain_text("3 baris bermasalah")

    with page.expect_navigation():
        page.get_by_role("button", name="Konfirmasi dan simpan").click()
    expect(page.get_by_role("heading", name="Hasil impor")).to_be_visible(timeout=60_000)
    assert Evaluasi.objects.count() == 2

    # Export the period for the unit: the SIASN columns, one row per pegawai.
    page.goto("/kinerja/ekspor/")
    assert_accessible(page)
    page.get_by_label("Periode").select_option(label="Triwulan III 2026")
    page.get_by_label("Unit kerja").select_option(label=org["unit"].nama)
    page.get_by_label("Format").select_option("xlsx")
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert re.match(r"riwayat-kursus-KU\.B-2026-triwulan3\.xlsx$", path.name)
    sheet = openpyxl.load_workbook(path).active
    text = "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert org["staff"][0].nip in text and org["staff"][1].nip in text
