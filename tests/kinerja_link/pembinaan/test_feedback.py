"""Umpan balik berkelanjutan: own team only, visible to giver and receiver only."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from competencies.models import Competency
from kinerja_link.pembinaan.feedback import feedback_give
from kinerja_link.pembinaan.models import Feedback, FeedbackKind, Notification

from .factories import PembinaanSessionFactory
from .teams import make_skp, make_team

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    # Read at each use, not at import: a run that crosses midnight (WIB) stays right.
    return timezone.localdate()


@pytest.fixture
def org():
    return make_team(members=2)


def give(org, pegawai=None, **overrides):
    args = {
        "user": org.pimpinan.user,
        "pegawai": pegawai or org.team[0],
        "kind": FeedbackKind.TERJADWAL,
        "date": today(),
        "text": "Laporan tepat waktu, bagus.",
    }
    return feedback_give(**{**args, **overrides})


def test_feedback_to_a_team_member(org):
    nilai = Competency.objects.get(code="AK")
    rhk = make_skp(org.team[0], tahun=today().year).rhk.first()
    feedback = give(org, nilai=nilai, rhk=rhk)
    assert (feedback.pegawai, feedback.given_by) == (org.team[0], org.pimpinan)
    assert (feedback.nilai, feedback.rhk) == (nilai, rhk)
    assert ModelLogEntry.objects.filter(action="kinerja_link.feedback.create").count() == 1
    note = Notification.objects.get(user=org.team[0].user)
    assert "Laporan tepat waktu" not in note.body  # the text stays in the application
    assert note.url == reverse("pembinaan:feedback_detail", args=[feedback.pk])


def test_feedback_outside_the_team_is_refused(org):
    with pytest.raises(PermissionDenied):
        give(org, pegawai=org.foreign)
    with pytest.raises(PermissionDenied):
        give(org, user=org.team[0].user, pegawai=org.team[1])
    assert not Feedback.objects.exists()
    assert ModelLogEntry.objects.filter(action="kinerja_link.team.rejected").count() == 1


def test_feedback_validation(org):
    other_rhk = make_skp(org.team[1], tahun=today().year).rhk.first()
    with pytest.raises(ValidationError):
        give(org, rhk=other_rhk)
    with pytest.raises(ValidationError):
        give(org, date=today() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        give(org, text="   ")
    assert not Feedback.objects.exists()


def test_feedback_page_for_a_team_member(client, org):
    client.force_login(org.pimpinan.user)
    url = reverse("pembinaan:feedback_create")
    assert client.get(url, {"pegawai": org.team[0].pk}).status_code == 200
    assert client.get(url, {"pegawai": org.foreign.pk}).status_code == 404
    assert client.get(url).status_code == 404
    response = client.post(
        f"{url}?pegawai={org.team[0].pk}",
        {"kind": FeedbackKind.INSIDENTAL, "date": today().isoformat(), "text": "Terima kasih."},
    )
    assert response.status_code == 302
    assert Feedback.objects.get().pegawai == org.team[0]


def test_feedback_page_is_for_pimpinan_only(client, org):
    url = reverse("pembinaan:feedback_create")
    assert client.get(url, {"pegawai": org.team[1].pk}).status_code == 302  # to the login
    client.force_login(org.team[0].user)
    assert client.get(url, {"pegawai": org.team[1].pk}).status_code == 403


def test_umpan_balik_shows_each_their_own(client, org):
    mine = give(org, text="Untuk pegawai pertama")
    give(org, pegawai=org.team[1], text="Untuk pegawai kedua")
    session = PembinaanSessionFactory(held_by=org.pimpinan, topics="Rencana aksi triwulan")
    session.participants.add(org.team[0])
    client.force_login(org.team[0].user)
    page = client.get(reverse("pembinaan:umpan_balik")).content.decode()
    assert "Untuk pegawai pertama" in page
    assert "Untuk pegawai kedua" not in page
    assert "Rencana aksi triwulan" in page
    client.force_login(org.pimpinan.user)
    page = client.get(reverse("pembinaan:umpan_balik")).content.decode()
    assert "Untuk pegawai pertama" in page and "Untuk pegawai kedua" in page
    assert mine.pk


def test_feedback_detail_visible_to_both_and_nobody_else(client, org):
    feedback = give(org)
    url = reverse("pembinaan:feedback_detail", args=[feedback.pk])
    for user, status in (
        (org.pimpinan.user, 200),
        (org.team[0].user, 200),
        (org.team[1].user, 404),
        (org.pimpinan_lain.user, 404),
        (org.pengelola.user, 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.logout()
    assert client.get(url).status_code == 302
