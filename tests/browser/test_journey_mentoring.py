"""Journey "mentor" on a 390 px phone (issue 16 §2): an appointed mentor (not the pimpinan)
records a session with their mentee from "Mentee saya" and rates the competency developed
(B.1.9); the mentee rates the session (B.1.8) and drafts their IDP, where the competency's
current level has moved with its source shown."""

import datetime

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from competencies.models import Competency
from kinerja_link.pembinaan.mentoring import appointment_create
from kinerja_link.pembinaan.models import (
    AppointmentKind,
    CompetencyRating,
    PembinaanSession,
    SessionEvaluation,
)
from kinerja_link.pengembangan.models import StandarKompetensi
from kinerja_link.services import pimpinan_group_sync
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .test_journey_idp import no_horizontal_scroll, phone, sign_in  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_mentor_records_mentee_rates_and_the_level_moves(phone):  # noqa: F811
    page = phone
    unit = UnitKerjaFactory(nama="Seksi Pengolahan Data", kode="SPD")
    kepala = PegawaiFactory(unit=unit)
    mentor = PegawaiFactory(unit=unit, pejabat_penilai=kepala)
    mentee = PegawaiFactory(unit=unit, pejabat_penilai=kepala, jabatan="Pengolah Data")
    pimpinan_group_sync()
    komunikasi = Competency.objects.get(code="MJ-KOM")
    StandarKompetensi.objects.create(
        jabatan="Pengolah Data", unit=unit, competency=komunikasi, required_level=4
    )
    appointment_create(
        user=kepala.user,
        mentor=mentor,
        mentee=mentee,
        kind=AppointmentKind.MENTOR,
        start_date=timezone.localdate() - datetime.timedelta(days=7),
    )

    sign_in(page, mentor.nip)
    page.goto("/mentee-saya/")
    expect(page.locator(f'[data-mentee="{mentee.pk}"]')).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot(page, "mentor-390-mentee-saya")
    page.get_by_role("link", name=f"Catat sesi bersama {mentee.nama}").click()
    page.get_by_label("Jenis sesi").select_option("mentoring")
    page.get_by_label("Topik yang dibahas").fill("Menyampaikan hasil olah data kepada pimpinan")
    page.get_by_label("Tindak lanjut yang disepakati").fill("Ringkasan satu halaman")
    assert no_horizontal_scroll(page)
    page.get_by_role("button", name="Simpan sesi").click()
    expect(page.locator(".messages")).to_contain_text("tercatat")
    session = PembinaanSession.objects.get()
    assert session.held_by == mentor

    page.goto(f"/umpan-balik/sesi/{session.pk}/")
    page.get_by_label("Kompetensi yang dikembangkan").select_option(str(komunikasi.pk))
    page.locator('input[name="level"][value="3"]').check()
    assert no_horizontal_scroll(page)
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.locator(".messages")).to_contain_text("Penilaian kompetensi tersimpan")
    assert CompetencyRating.objects.get().level == 3

    sign_in(page, mentee.nip)
    page.goto("/umpan-balik/")
    page.get_by_role("link", name="Beri umpan balik atas sesi ini").click()
    for name, value in (("manfaat", "5"), ("kejelasan", "4"), ("rating", "5")):
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_label("Saran").fill("Contoh ringkasan dari unit lain akan membantu.")
    assert no_horizontal_scroll(page)
    screenshot(page, "mentor-390-umpan-balik-sesi")
    page.get_by_role("button", name="Kirim umpan balik").click()
    expect(page.locator(".messages")).to_contain_text("umpan balik Anda atas sesi ini tersimpan")
    expect(page.locator(f'[data-evaluasi="{mentee.pk}"]')).to_contain_text("5/5")
    assert SessionEvaluation.objects.get().pegawai == mentee
    page.reload()
    assert_accessible(page)

    page.goto(f"/pengembangan/?tahun={timezone.localdate().year}")
    page.get_by_role("button", name="Susun konsep rencana").click()
    item = page.locator(".idp-item", has_text="Komunikasi")
    expect(item).to_contain_text("saat ini level 3")
    expect(item).to_contain_text("Penilaian coach/mentor setelah coaching")
    expect(item).to_contain_text(mentor.nama)
    assert no_horizontal_scroll(page)
    screenshot(page, "mentor-390-level-source")
