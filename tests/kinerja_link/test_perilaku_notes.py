"""A pimpinan flags which BerAKHLAK values of a team member's evaluation need pembinaan."""

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry

from kinerja_link.models import Evaluasi
from tests.factories import PegawaiFactory

from .factories import EvaluasiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluasi(org):
    return EvaluasiFactory(pegawai=org.staff[0])


def url(evaluasi):
    return reverse("kinerja:perilaku_notes", args=[evaluasi.pk])


def test_pimpinan_flags_values_and_writes_notes(client, org, evaluasi):
    client.force_login(org.kepala.user)
    page = client.get(url(evaluasi))
    assert page.status_code == 200
    assert "Akuntabel perlu pembinaan" in page.content.decode()

    response = client.post(
        url(evaluasi), {"flag_AK": "on", "note_AK": "  Terlambat melapor.  ", "note_KL": "Baik"}
    )
    assert response.status_code == 302
    evaluasi.refresh_from_db()
    assert evaluasi.perilaku_catatan == {
        "AK": {"perlu_pembinaan": True, "catatan": "Terlambat melapor."},
        "KL": {"perlu_pembinaan": False, "catatan": "Baik"},
    }
    entry = ModelLogEntry.objects.get_for_model(Evaluasi).get(object_id=str(evaluasi.pk))
    assert entry.user == org.kepala.user
    assert entry.data["before"] == {"perilaku_catatan": {}}
    assert entry.data["after"]["perilaku_catatan"]["AK"]["perlu_pembinaan"] is True

    # Saving the same notes again writes nothing and logs nothing.
    client.post(
        url(evaluasi), {"flag_AK": "on", "note_AK": "Terlambat melapor.", "note_KL": "Baik"}
    )
    assert ModelLogEntry.objects.get_for_model(Evaluasi).count() == 1


def test_ratings_cannot_be_changed_through_the_notes_form(client, org, evaluasi):
    client.force_login(org.kepala.user)
    client.post(url(evaluasi), {"flag_AK": "on", "rating_perilaku": 3, "predikat": 5})
    fresh = Evaluasi.objects.get(pk=evaluasi.pk)
    assert (fresh.rating_perilaku, fresh.predikat) == (evaluasi.rating_perilaku, evaluasi.predikat)


@pytest.mark.parametrize("who", ["self", "colleague", "other_pimpinan", "pengelola"])
def test_nobody_but_the_team_pimpinan_sees_the_form(client, org, evaluasi, who):
    other_pimpinan = PegawaiFactory(unit=org.unit_b)
    PegawaiFactory(unit=org.unit_b, pejabat_penilai=other_pimpinan)
    user = {
        "self": org.staff[0].user,
        "colleague": org.staff[1].user,
        "other_pimpinan": other_pimpinan.user,
        "pengelola": org.pengelola.user,
    }[who]
    client.force_login(user)
    missing = reverse("kinerja:perilaku_notes", args=[evaluasi.pk + 1000])
    assert client.get(url(evaluasi)).status_code == 404
    assert client.get(missing).status_code == 404
    assert client.post(url(evaluasi), {"flag_AK": "on"}).status_code == 404
    evaluasi.refresh_from_db()
    assert evaluasi.perilaku_catatan == {}


def test_anonymous_is_sent_to_login(client, evaluasi):
    response = client.get(url(evaluasi))
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_flagging_a_value_recommends_its_course(
    client, org, evaluasi, django_capture_on_commit_callbacks
):
    from kinerja_link.pembinaan.models import Recommendation
    from tests.learning.factories import make_course

    course = make_course(lessons=1, competencies=("AK",), title="Akuntabel Sehari-hari")
    client.force_login(org.kepala.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(evaluasi), {"flag_AK": "on"})
    recommendation = Recommendation.objects.get(pegawai=org.staff[0], course=course)
    assert "Akuntabel" in recommendation.reason
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(evaluasi), {"flag_AK": "on", "note_AK": "lagi"})
    assert Recommendation.objects.filter(pegawai=org.staff[0], course=course).count() == 1
