"""Journey "Pimpinan": Tim Saya → the kuadran grid → accept a recommendation → bulk-assign a
course with a due date → record a coaching session → see a member's progress once they finish.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.db import transaction
from django.utils import timezone

from kinerja_link.kuadran import Rating
from kinerja_link.pembinaan.models import (
    Assignment,
    AssignmentStatus,
    PembinaanSession,
    RecommendationStatus,
)
from kinerja_link.pembinaan.recommendations import recommendations_generate
from kinerja_link.services import pimpinan_group_sync
from learning import services as learning_services
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_public_and_login import open_menu_if_collapsed
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def team():
    unit = UnitKerjaFactory(nama="Seksi Pelayanan", kode="SP")
    kepala = PegawaiFactory(unit=unit)
    staff = [PegawaiFactory(unit=unit, pejabat_penilai=kepala) for _ in range(3)]
    pimpinan_group_sync()
    periode = PeriodeFactory(tahun=2026, nomor=3)
    ratings = [
        (Rating.DI_BAWAH, Rating.SESUAI),
        (Rating.SESUAI, Rating.SESUAI),
        (Rating.DI_ATAS, Rating.DI_ATAS),
    ]
    for member, (hasil, perilaku) in zip(staff, ratings, strict=True):
        EvaluasiFactory(
            pegawai=member, periode=periode, rating_hasil=hasil, rating_perilaku=perilaku
        )
    skp_course = make_course(lessons=2, competencies=("TK-SKP",), title="Menyusun SKP dan RHK")
    dialog = make_course(lessons=2, competencies=("KO-2",), title="Dialog Kinerja")
    recommendations_generate(periode_id=periode.pk)  # Butuh Perbaikan: SKP course + coaching
    return {"kepala": kepala, "staff": staff, "skp": skp_course, "dialog": dialog}


def test_pimpinan_assigns_coaches_and_follows_progress(page, team, viewport_name):
    shots = f"pimpinan-{viewport_name}"
    kepala, (weak, steady, strong) = team["kepala"], team["staff"]
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(kepala.nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)
    open_menu_if_collapsed(page)
    page.get_by_role("link", name="Tim Saya").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tim Saya")
    grid = page.locator("table", has=page.get_by_role("columnheader", name=re.compile("Di Bawah")))
    expect(grid).to_contain_text(weak.nama)
    expect(grid).to_contain_text("Butuh Perbaikan")
    assert_accessible(page)
    screenshot(page, f"{shots}-tim-saya")

    # Accept the course the rules recommended for the member who needs improvement.
    recommendation = page.locator("li", has_text=weak.nama).filter(has_text=team["skp"].title)
    recommendation.get_by_role("button", name="Terima dan tugaskan").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Assignment.objects.filter(pegawai=weak, course=team["skp"]).exists()

    # Bulk-assign another course to the two others, with a due date and a note.
    due = timezone.localdate() + datetime.timedelta(days=21)
    page.get_by_label(steady.nama).check()
    page.get_by_label(strong.nama).check()
    page.get_by_label("Kursus").select_option(label=team["dialog"].title)
    page.get_by_label("Tenggat", exact=True).fill(due.isoformat())
    page.get_by_label("Catatan untuk pegawai").fill("Selesaikan sebelum dialog kinerja Desember.")
    page.get_by_role("button", name="Tugaskan", exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    assigned = Assignment.objects.filter(course=team["dialog"])
    assert set(assigned.values_list("pegawai", flat=True)) == {steady.pk, strong.pk}
    assert set(assigned.values_list("due_date", flat=True)) == {due}

    # Record the coaching session the rules recommended.
    coaching = page.locator("li", has_text=weak.nama).filter(has_text="coaching")
    coaching.get_by_role("link", name="Catat sesi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Catat sesi pembinaan")
    expect(page.get_by_label(weak.nama)).to_be_checked()
    page.get_by_label("Topik yang dibahas").fill("Menyusun RHK yang terukur untuk triwulan IV")
    page.get_by_label("Tindak lanjut yang disepakati").fill("Draf RHK revisi dikirim Jumat.")
    assert_accessible(page)
    page.get_by_role("button", name="Simpan sesi").click()
    expect(page.locator(".messages")).to_contain_text("tercatat")
    session = PembinaanSession.objects.get()
    assert list(session.participants.all()) == [weak]
    assert session.recommendation.status == RecommendationStatus.ACCEPTED

    # The member finishes the course; Tim Saya shows it.
    with transaction.atomic():
        for lesson in team["dialog"].lessons():
            learning_services.lesson_complete(user=steady.user, lesson=lesson)
    assert Assignment.objects.get(pegawai=steady, course=team["dialog"]).status == (
        AssignmentStatus.COMPLETED
    )
    page.goto("/tim-saya/")
    done = page.locator("li", has_text=steady.nama).filter(has_text=team["dialog"].title)
    expect(done.get_by_role("progressbar")).to_have_attribute("value", "100")
    expect(done).to_contain_text("100% selesai")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"{shots}-kemajuan")
