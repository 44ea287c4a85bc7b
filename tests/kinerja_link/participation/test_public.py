"""The public survey and feedback: anonymous, abuse-controlled, moderated, and without
personal data on any public page."""

from decimal import Decimal

import pytest

from django.urls import reverse

from accounts.roles import Role, role_groups
from kinerja_link.participation.models import FeedbackStatus, PublicFeedback, SurveyResponse
from kinerja_link.participation.selectors import ikm_of
from kinerja_link.participation.services import feedback_moderate, feedback_submit
from kinerja_link.pembinaan.models import Notification
from portal.page_cache import CACHE_HEADER
from tests.factories import UserFactory

from .conftest import challenge, feedback_data, survey_data

pytestmark = pytest.mark.django_db


def _survey(client, layanan, **data):
    return client.post(
        reverse("partisipasi:survei", args=[layanan.public_id]),
        data,
        REMOTE_ADDR=data.pop("addr", "10.0.0.1"),
    )


def test_anonymous_answer_is_stored_and_moves_the_ikm(client, layanan):
    page = client.get(reverse("partisipasi:survei", args=[layanan.public_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "U9. Sarana dan prasarana" in html and 'name="tantangan"' in html
    response = _survey(client, layanan, **survey_data())
    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert (answer.u1, answer.u9, answer.usia) == (4, 3, "")
    assert ikm_of(layanan.responses.all()).value == Decimal("86.11")


def test_missing_element_and_wrong_challenge_are_refused(client, layanan):
    data = survey_data()
    del data["u3"]
    assert _survey(client, layanan, **data).status_code == 400
    assert _survey(client, layanan, **survey_data(jawaban="99")).status_code == 400
    tampered = survey_data(tantangan="palsu")
    assert _survey(client, layanan, **tampered).status_code == 400
    assert not SurveyResponse.objects.exists()


def test_honeypot_is_thanked_and_nothing_kept(client, layanan):
    response = _survey(client, layanan, **survey_data(situs_web="http://spam.example"))
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_duplicate_within_the_window_is_refused_kindly(client, layanan):
    assert _survey(client, layanan, **survey_data()).status_code == 302
    again = _survey(client, layanan, **survey_data())
    assert again.status_code == 302
    assert SurveyResponse.objects.count() == 1
    # From another address the same answer is somebody else's.
    assert _survey(client, layanan, **survey_data(addr="10.0.0.2")).status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_rate_limit_per_address(client, layanan, settings):
    settings.PARTICIPATION_MAX_PER_ADDRESS = 2
    for scores in ((4,) * 9, (3,) * 9):
        assert _survey(client, layanan, **survey_data(scores)).status_code == 302
    refused = _survey(client, layanan, **survey_data((2,) * 9))
    assert refused.status_code == 429
    assert "Terlalu banyak jawaban" in refused.content.decode()
    assert _survey(client, layanan, **survey_data((2,) * 9, addr="10.0.0.9")).status_code == 302
    assert SurveyResponse.objects.count() == 3


def test_rate_limit_per_service(client, layanan, settings):
    settings.PARTICIPATION_MAX_PER_TARGET = 2
    for n, scores in enumerate(((4,) * 9, (3,) * 9)):
        assert (
            _survey(client, layanan, **survey_data(scores, addr=f"10.1.0.{n}")).status_code == 302
        )
    assert _survey(client, layanan, **survey_data((2,) * 9, addr="10.1.0.9")).status_code == 429


def test_no_address_is_stored(client, layanan):
    _survey(client, layanan, **survey_data(addr="203.0.113.77"))
    row = SurveyResponse.objects.values().get()
    assert "203.0.113.77" not in str(row)


def test_low_ikm_is_flagged_to_the_unit_pimpinan(
    client, layanan, pimpinan, settings, django_capture_on_commit_callbacks
):
    settings.PARTICIPATION_IKM_MIN_RESPONDENTS = 2
    for n in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            _survey(client, layanan, **survey_data((1,) * 9, addr=f"10.2.0.{n}"))
    note = Notification.objects.get(user=pimpinan.user)
    assert "IKM" in note.title and "25,00" in note.body


def test_feedback_is_public_only_after_approval(client, layanan):
    url = reverse("partisipasi:masukan", args=[layanan.public_id])
    response = client.post(url, feedback_data(email="warga@example.org"), REMOTE_ADDR="10.3.0.1")
    assert response.status_code == 302
    feedback = PublicFeedback.objects.get()
    assert feedback.status == FeedbackStatus.PENDING
    detail = reverse("partisipasi:layanan", args=[layanan.public_id])
    assert "Antrean terlalu panjang" not in client.get(detail).content.decode()
    moderator = UserFactory(is_superuser=True)
    feedback_moderate(
        feedback=feedback,
        by=moderator,
        status=FeedbackStatus.APPROVED,
        answer="Loket dibuka pukul 07.30.",
    )
    html = client.get(detail).content.decode()
    assert "Antrean terlalu panjang" in html and "Loket dibuka pukul 07.30." in html
    assert "warga@example.org" not in html


def test_rejected_feedback_stays_hidden(client, layanan):
    feedback = feedback_submit(kind="saran", text="Iklan obat murah", layanan=layanan)
    feedback_moderate(
        feedback=feedback, by=UserFactory(is_superuser=True), status=FeedbackStatus.REJECTED
    )
    html = client.get(reverse("partisipasi:layanan", args=[layanan.public_id])).content.decode()
    assert "Iklan obat murah" not in html


def test_staff_service_feedback_reaches_the_pimpinan_without_a_name(
    layanan, pimpinan, django_capture_on_commit_callbacks
):
    feedback = feedback_submit(
        kind="pengaduan",
        text="Petugas loket 2 tidak ramah.",
        layanan=layanan,
        about_staff_service=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        feedback_moderate(
            feedback=feedback, by=UserFactory(is_superuser=True), status=FeedbackStatus.APPROVED
        )
    note = Notification.objects.get(user=pimpinan.user)
    assert layanan.nama in note.body
    assert pimpinan.nama not in note.body


def test_moderation_queue_is_for_moderators_only(client, layanan):
    feedback_submit(kind="saran", text="Tambah kursi tunggu.", layanan=layanan)
    url = "/admin/masukan-publik/"
    moderator = UserFactory()
    moderator.groups.add(role_groups(Role.MODERATOR).first())
    editor = UserFactory()
    editor.groups.add(role_groups(Role.EDITOR).first())
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200
    assert (
        "Tambah kursi tunggu" in response.content.decode() or "Saran" in response.content.decode()
    )


def test_public_pages_are_cacheable_and_show_no_personal_data(client, layanan, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    feedback = feedback_submit(
        kind="saran",
        text="Perlu papan antrean.",
        layanan=layanan,
        sender_email="rahasia@example.org",
    )
    feedback_moderate(
        feedback=feedback,
        by=UserFactory(is_superuser=True),
        status=FeedbackStatus.APPROVED,
        answer="Sudah dipasang.",
    )
    for name in ("layanan", "poster"):
        url = reverse(f"partisipasi:{name}", args=[layanan.public_id])
        first = client.get(url)
        assert first.status_code == 200
        assert "public" in first["Cache-Control"]
        assert "rahasia@example.org" not in first.content.decode()
        assert client.get(url)[CACHE_HEADER] == "hit"
    index = client.get(reverse("partisipasi:index"))
    assert "rahasia@example.org" not in index.content.decode()
    survey = client.get(reverse("partisipasi:survei", args=[layanan.public_id]))
    assert "no-store" in survey["Cache-Control"]


def test_qr_is_an_svg_of_the_survey_url(client, layanan):
    response = client.get(reverse("partisipasi:qr", args=[layanan.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml") or b"<svg" in response.content[:200]


def test_feedback_on_an_article(client):
    from tests.portal.factories import make_article, make_article_index, make_home

    article = make_article(make_article_index(make_home()), title="Berita pelayanan")
    url = reverse("partisipasi:masukan_artikel", args=[article.pk])
    assert client.get(url).status_code == 200
    assert (
        client.post(
            url, feedback_data(jenis="saran", isi="Tulisan yang bagus."), REMOTE_ADDR="10.4.0.1"
        ).status_code
        == 302
    )
    feedback = PublicFeedback.objects.get()
    assert feedback.article_id == article.pk and feedback.layanan is None
    assert "Tulisan yang bagus" not in client.get(url).content.decode()


def test_sender_email_is_erased_with_the_pegawai(layanan):
    from foundation.personal_data import personal_text_columns

    columns = dict(personal_text_columns())
    assert "sender_email" in columns[PublicFeedback]


def test_sender_can_be_forgotten_by_address(layanan):
    from kinerja_link.participation.erasure import (
        sender_personal_data_erase,
        sender_personal_data_export,
    )

    feedback_submit(kind="saran", text="Halo", layanan=layanan, sender_email="Warga@Example.org")
    assert sender_personal_data_export(email="warga@example.org")[0]["text"] == "Halo"
    assert sender_personal_data_erase(email="warga@example.org", by=None) == 1
    assert PublicFeedback.objects.get().sender_email == ""


def test_challenge_helper_matches(layanan):
    assert set(challenge()) == {"tantangan", "jawaban"}
