"""Journey "Pegawai": sign in with NIP → the assignment comes first → the course's lessons →
the quiz, timer visible, answered with the keyboard only → passed → certificate PDF → the JP
ring moved → the SKP page shows the new evidence."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from kinerja_link.models import SKP, JenisPeriode, Periode, StatusSKP
from kinerja_link.pembinaan.assignments import assignment_create
from kinerja_link.services import pimpinan_group_sync
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_public_and_login import open_menu_if_collapsed
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import rhk_create
from tests.learning.factories import make_course
from tests.learning.quiz.factories import make_question, make_quiz, single_choice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"
COURSE = "Akuntabel dalam Tugas Sehari-hari"


@pytest.fixture
def setup():
    unit = UnitKerjaFactory(nama="Seksi Pelayanan", kode="SP")
    kepala = PegawaiFactory(unit=unit)
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=kepala)
    pimpinan_group_sync()
    year = timezone.localdate().year
    annual = Periode.objects.get_or_create(tahun=year, jenis=JenisPeriode.TAHUNAN, nomor=0)[0]
    skp = SKP.objects.create(pegawai=pegawai, periode=annual, status=StatusSKP.DISETUJUI)
    rhk_create(
        skp=skp,
        rhk="Laporan layanan tepat waktu",
        indikator="Laporan diterima",
        target="12 laporan",
    )
    course = make_course(lessons=2, competencies=("AK-1",), title=COURSE, jp=4)
    quiz = make_quiz(course, [make_question(single_choice())], time_limit_minutes=15)
    assignment_create(
        user=kepala.user,
        pegawai=pegawai,
        course=course,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
        note="Wajib bulan ini.",
    )
    return {"pegawai": pegawai, "course": course, "quiz": quiz}


def test_pegawai_finishes_an_assigned_course(page, setup, viewport_name):
    shots = f"pegawai-{viewport_name}"
    pegawai, course = setup["pegawai"], setup["course"]
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(pegawai.nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)
    open_menu_if_collapsed(page)
    page.get_by_role("link", name="Belajar Saya").click()

    # The assignment comes first, above what the pegawai is learning on their own.
    assigned = page.locator("section", has=page.get_by_role("heading", name="Penugasan"))
    expect(assigned.get_by_role("link", name=COURSE)).to_be_visible()
    expect(assigned).to_contain_text("Wajib bulan ini.")
    ring = page.locator("figure.jp-ring")
    expect(ring).to_have_attribute("aria-label", "0 dari 20 JP tahun ini")
    assert_accessible(page)
    screenshot(page, f"{shots}-belajar-saya")

    assigned.get_by_role("link", name=COURSE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)
    for lesson in course.lessons():
        page.goto(lesson.url)
        with page.expect_navigation():
            page.get_by_role("button", name="Tandai selesai").click()

    # After the last lesson the course page says what is left and links the quiz.
    expect(page).to_have_url(re.compile(re.escape(course.url) + "$"))
    expect(page.get_by_text("Semua pelajaran selesai. Langkah berikutnya")).to_be_visible()
    next_step = page.locator(".next-step").get_by_role("link", name="Kerjakan kuis: Kuis")
    expect(next_step).to_be_visible()

    # The quiz: the timer is shown; answered and sent with the keyboard only.
    next_step.click()
    expect(page).to_have_url(re.compile(re.escape(setup["quiz"].url) + "$"))
    page.get_by_role("button", name="Mulai kuis").click()
    expect(page.get_by_role("timer")).to_contain_text("Waktu berakhir")
    assert_accessible(page)
    screenshot(page, f"{shots}-kuis")
    page.get_by_label("BerAKHLAK").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("BerAKHLAK")).to_be_checked()
    expect(page.locator("#quiz-save-status")).to_contain_text("Tersimpan")  # autosaved
    submit = page.get_by_role("button", name="Kirim jawaban")
    for _ in range(12):
        if submit.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Lulus")

    # The certificate, the JP ring and the SKP evidence.
    page.goto("/belajar-saya/")
    expect(ring).to_have_attribute("aria-label", "4 dari 20 JP tahun ini")
    # The PDF opens in the browser's viewer; fetch the same link in the pegawai's session.
    href = page.get_by_role("link", name="Unduh PDF").get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    screenshot(page, f"{shots}-selesai")

    page.goto("/kinerja/saya/")
    evidence = page.locator("section.skp-bukti")
    expect(evidence).to_contain_text(COURSE)
    expect(evidence).to_contain_text("Akuntabel")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"{shots}-skp")
