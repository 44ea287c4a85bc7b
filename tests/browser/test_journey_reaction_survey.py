"""Journey "Survei reaksi" on a phone (390 px): a pegawai finishes the last lesson, the
course page prompts the short survey, they tap a score per question, send it, and the
prompt is gone. Nothing scrolls sideways; the form is accessible."""

import pytest
from playwright.sync_api import expect

from learning.models import ReactionResponse
from learning.reaction import DEFAULT_QUESTIONS
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"
COURSE = "Melayani dengan Ramah"


@pytest.fixture
def viewport_name() -> str:
    return "phone"


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_pegawai_completes_a_course_and_answers_the_survey(page):
    unit = UnitKerjaFactory(nama="Seksi Pelayanan", kode="SP")
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=PegawaiFactory(unit=unit))
    course = make_course(lessons=1, competencies=("BP-2",), title=COURSE)

    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(pegawai.nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)
    page.goto(course.url)
    page.get_by_role("button", name="Ikuti kursus").click()
    [lesson] = list(course.lessons())
    page.goto(lesson.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Tandai selesai").click()

    page.goto(course.url)
    expect(page.get_by_text("Kursus selesai.")).to_be_visible()
    page.get_by_role("link", name="Isi survei kursus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bagaimana kursus ini?")
    assert fits(page)
    assert_accessible(page)
    screenshot(page, "survei-reaksi-phone")
    for n, question in enumerate(DEFAULT_QUESTIONS):
        group = page.get_by_role("group", name=str(question.text))
        group.get_by_label(str(5 - n % 2), exact=True).check()
    page.get_by_label("Komentar atau saran (opsional)").fill("Contohnya membantu.")
    page.get_by_role("button", name="Kirim penilaian").click()

    expect(page.get_by_text("Terima kasih atas penilaian Anda.")).to_be_visible()
    expect(page.get_by_role("link", name="Isi survei kursus")).to_have_count(0)
    saved = ReactionResponse.objects.get(enrolment__user=pegawai.user)
    assert saved.scores == {"relevansi": 5, "kejelasan": 4, "penerapan": 5, "kualitas": 4}
    assert saved.comment == "Contohnya membantu."
