"""Journey "Survei kepuasan": a visitor opens a service's survey from its QR link on a
phone, answers it, and sees the service's page. No horizontal scroll; axe clean."""

import pytest
from playwright.sync_api import expect

from django.core import signing
from django.core.cache import cache

from kinerja_link.participation import abuse
from kinerja_link.participation.models import Layanan, SurveyResponse
from tests.browser.conftest import assert_accessible, screenshot
from tests.factories import UnitKerjaFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def layanan():
    cache.clear()
    unit = UnitKerjaFactory(nama="Badan Kepegawaian Daerah")
    return Layanan.objects.create(unit=unit, nama="Layanan Kenaikan Pangkat")


def test_visitor_answers_the_survey_on_a_phone(page, layanan, viewport_name):
    if viewport_name != "phone":
        pytest.skip("the survey journey is the phone's")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/layanan/{layanan.public_id}/survei/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Layanan Kenaikan Pangkat")
    assert no_sideways_scroll(page)
    assert_accessible(page)
    for number in range(1, 10):
        group = page.get_by_role("group").filter(has_text=f"U{number}.")
        group.get_by_label("4 · Sangat baik").check()
    token = page.locator('input[name="tantangan"]').input_value()
    answer = signing.loads(token, salt=abuse.CHALLENGE_SALT)["s"]
    page.get_by_label("Pertanyaan pengaman", exact=False).fill(str(answer))
    screenshot(page, "survei-phone-isi")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih atas penilaian Anda")
    assert SurveyResponse.objects.filter(layanan=layanan, u1=4, u9=4).count() == 1
    assert no_sideways_scroll(page)
    assert_accessible(page)
    page.get_by_role("link", name="Lihat IKM layanan ini").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Layanan Kenaikan Pangkat")
    assert no_sideways_scroll(page)
    assert_accessible(page)
