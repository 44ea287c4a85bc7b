"""Journey "Editor imports a question bank" (issues #18, #22): the editor uploads a GIFT file,
the preview lists every question with its Indonesian type and status, a re-import of a
changed file shows each update as old → new before anything is saved."""

import re

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD, demo_password_hash, seed_staff
from learning.quiz.models import Question
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BANK = (
    "$CATEGORY: $course$/top/Integritas/Pelayanan\n\n"
    "Siapa yang melayani di loket?{~Satpam =Petugas loket}\n\n"
    "Siapa yang melayani di loket?{=Petugas loket =petugas}\n\n"
    "::Jam layanan::Loket buka pukul berapa?{#8:1}\n"
)


def test_editor_previews_and_imports_a_bank(page, site_staff, tmp_path, viewport_name):
    page.goto("/admin/login/")
    page.fill("input[name=username]", "editor@bina-asn.local")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)

    upload = tmp_path / "bank.gift"
    upload.write_text(BANK)
    page.goto("/admin/bank-soal/impor/")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=category]", "Integritas/Pelayanan")
    page.get_by_role("button", name="Pratinjau").click()
    table = page.locator("table.listing")
    expect(table).to_contain_text("Pilihan ganda")
    expect(table).to_contain_text("Isian singkat")
    expect(table).not_to_contain_text("short_answer")
    expect(table.locator("tbody tr")).to_have_count(3)
    assert_accessible(page)
    assert not Question.objects.exists()
    page.get_by_role("button", name="Impor sekarang").click()
    expect(page.locator(".messages")).to_contain_text("3 soal baru")
    paths = {q.category.path for q in Question.objects.all()}
    assert paths == {"Integritas/Pelayanan"}

    upload.write_text(BANK.replace("{#8:1}", "{#8:2}"))
    page.goto("/admin/bank-soal/impor/")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=category]", "Integritas/Pelayanan")
    page.get_by_role("button", name="Pratinjau").click()
    updated = page.locator("tr.quiz-import-updated")
    expect(updated).to_contain_text("Diperbarui")
    expect(updated).to_contain_text("nama “Jam layanan”")
    expect(updated).to_contain_text(re.compile(r"Jawaban angka: 8 ± 1 \(100%\)\s*→\s*8 ± 2"))
    expect(page.locator("tr.quiz-import-unchanged")).to_have_count(2)
    screenshot(page, f"impor-soal-{viewport_name}-pratinjau")
    assert Question.objects.get(name="Jam layanan").data["numerical_answers"][0]["tolerance"] == "1"


@pytest.fixture
def site_staff():
    seed_staff(demo_password_hash())
