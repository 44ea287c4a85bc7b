"""Journey "Publik": home → an article → its tag → search → the value page → a certificate check.

Everything a visitor reads without signing in, at desktop and phone size, with axe on each page.
"""

import re

import pytest
from playwright.sync_api import expect

from django.db import transaction

from learning import services
from portal.demo import seed_pages
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ARTICLE = "Akuntabel Dimulai dari Hal Kecil"


@pytest.fixture
def site():
    home = seed_pages()
    pegawai = PegawaiFactory()
    course = make_course(lessons=1, title="Integritas dalam Tugas", slug="integritas")
    with transaction.atomic():
        services.enrolment_create(user=pegawai.user, course=course)
    with transaction.atomic():
        services.lesson_complete(user=pegawai.user, lesson=course.lessons().first())
    return {"home": home, "pegawai": pegawai, "certificate": pegawai.user.certificates.get()}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_visitor_reads_articles_values_and_checks_a_certificate(page, site, viewport_name):
    shots = f"publik-{viewport_name}"
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bangga Melayani Bangsa")
    assert_accessible(page)

    # An article from the home page's featured list, or from the full index.
    link = page.get_by_role("link", name=ARTICLE, exact=True)
    if link.count() == 0:
        page.get_by_role("link", name="Semua artikel").click()
        link = page.get_by_role("link", name=ARTICLE, exact=True)
    link.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE)
    assert no_sideways_scroll(page)
    assert_accessible(page)
    screenshot(page, f"{shots}-artikel")

    # Its tag lists the articles that carry it.
    page.get_by_role("link", name="#integritas").first.click()
    expect(page).to_have_url(re.compile(r"/artikel/tag/integritas/$"))
    expect(page.get_by_role("link", name=ARTICLE, exact=True)).to_be_visible()
    assert_accessible(page)

    # Search finds the article by a word of its title.
    page.goto("/cari/")
    page.get_by_label("Kata kunci").fill("akuntabel")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("hasil untuk “akuntabel”")
    expect(page.locator(".search-results")).to_contain_text(ARTICLE)
    assert_accessible(page)
    screenshot(page, f"{shots}-cari")

    # The value page shows the three behaviour guides and the articles about the value.
    page.goto("/nilai-berakhlak/akuntabel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Akuntabel")
    expect(page.locator(".guides li")).to_have_count(3)
    expect(page.get_by_role("region", name="Artikel tentang Akuntabel")).to_contain_text(ARTICLE)
    expect(page.get_by_role("region", name="Kursus untuk nilai ini")).to_be_visible()
    assert no_sideways_scroll(page)
    assert_accessible(page)
    screenshot(page, f"{shots}-nilai")

    # Anyone can check a certificate; the NIP is masked.
    certificate, pegawai = site["certificate"], site["pegawai"]
    page.goto(certificate.get_absolute_url())
    expect(page.locator(".verify-valid")).to_contain_text("SAH")
    expect(page.locator("main")).to_contain_text("Integritas dalam Tugas")
    body = page.locator("main").inner_text()
    assert pegawai.nip not in body
    assert pegawai.nip[:4] in body and pegawai.nip[-4:] in body
    assert_accessible(page)
    screenshot(page, f"{shots}-sertifikat")
