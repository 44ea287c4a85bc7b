"""The pengelola's SIASN screens in Chromium: each push's outcome in Indonesian ("Terkirim
ke SIASN", the error text), and the period form, at phone and desktop width."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import Role
from kinerja_link.siasn.models import PushStatus, SiasnPush
from learning.models import LearningRecord
from tests.browser.conftest import screenshot
from tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def pengelola():
    root = UnitKerjaFactory(nama="Kanwil Uji", kode="KU")
    kepegawaian = UnitKerjaFactory(parent=root, nama="Subbag Kepegawaian", kode="KU.KP")
    pengelola = PegawaiFactory(unit=kepegawaian)
    pengelola.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    today = timezone.localdate()
    for n, (status, error) in enumerate(
        (
            (PushStatus.SENT, ""),
            (PushStatus.FAILED, "SIASN menolak permintaan (HTTP 404). NIP tidak ditemukan"),
        )
    ):
        record = LearningRecord.objects.create(
            user=PegawaiFactory(unit=kepegawaian).user,
            source="course",
            title=f"Mengenal e-Kinerja BKN {n + 1}",
            jp=2,
            start_date=today - datetime.timedelta(days=2),
            end_date=today,
            verification_status="verified",
        )
        SiasnPush.objects.create(
            learning_record=record,
            status=status,
            last_error=error,
            siasn_id="4d16dbbd-340a-11ee" if status == PushStatus.SENT else "",
            sent_at=timezone.now() if status == PushStatus.SENT else None,
        )
    return pengelola


def test_pushes_and_the_period_form(page, pengelola, viewport_name):
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(pengelola.nip)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)
    page.goto("/admin/siasn_push/")
    body = page.locator("main").inner_text()
    assert "Terkirim ke SIASN" in body and "NIP tidak ditemukan" in body
    assert "&lt;" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"siasn-kiriman-{viewport_name}")
    page.goto("/admin/siasn_push/periode/")
    assert page.get_by_role("button", name="Ambil kinerja dari SIASN").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"siasn-periode-{viewport_name}")
