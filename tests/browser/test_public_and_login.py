"""Journey: a visitor reads the home page, then a pegawai signs in with their NIP."""

import re

import pytest
from playwright.sync_api import expect

from portal.demo import seed_pages
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import PegawaiFactory

# The live server needs committed data; serialized rollback restores what migrations seeded
# (root page, role groups, competencies) after each test flushes the database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def home():
    return seed_pages()


def open_menu_if_collapsed(page):
    toggle = page.get_by_role("button", name="Menu")
    if toggle.is_visible():
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")


def test_visitor_sees_home_page_and_it_is_accessible(page, home, viewport_name):
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Bangga Melayani Bangsa")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    # Content fits the phone's width: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    screenshot(page, f"beranda-{viewport_name}")


def test_skip_link_moves_focus_to_content(page, home):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#konten$"))


def test_pegawai_signs_in_with_nip(page, home, viewport_name):
    pegawai = PegawaiFactory()
    page.goto("/")
    open_menu_if_collapsed(page)
    page.get_by_role("link", name="Masuk", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masuk ke Bina ASN")
    assert_accessible(page)
    page.get_by_label("NIP atau e-mail").fill(pegawai.nip)
    page.get_by_label("Kata sandi").fill("salah-sekali")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("alert")).to_contain_text("NIP/e-mail atau kata sandi salah")
    screenshot(page, f"masuk-gagal-{viewport_name}")

    page.get_by_label("NIP atau e-mail").fill(pegawai.nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(re.compile(r"/$"))
    open_menu_if_collapsed(page)
    expect(page.locator(".account-name")).to_have_text(pegawai.nama)
