"""Level 3: the daily job asks the pejabat penilai 60 days after completion (within the
window), once per enrolment; only the pegawai's pejabat penilai may answer."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja_link.pembinaan.models import Notification
from kinerja_link.pengembangan.evaluasi import l3_answer, l3_request
from kinerja_link.pengembangan.models import PenilaianPascaPelatihan
from kinerja_link.pengembangan.tasks import evaluasi_l3_request_task
from learning.models import Enrolment, EnrolmentStatus
from tests.factories import PegawaiFactory
from tests.learning.factories import make_course

pytestmark = pytest.mark.django_db


def completed(pegawai, course, days_ago: int) -> Enrolment:
    return Enrolment.objects.create(
        user=pegawai.user,
        course=course,
        status=EnrolmentStatus.COMPLETED,
        percent=100,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def course(db):
    return make_course(competencies=("BP-1", "BP-2"))


def test_only_completions_inside_the_window_are_asked_and_a_rerun_adds_nothing(org, course):
    a, b, c = org.staff
    due = completed(a, course, 60)
    completed(b, course, 59)  # too early
    completed(c, course, 91)  # past the window
    no_pimpinan = PegawaiFactory(unit=org.unit_a)
    completed(no_pimpinan, course, 70)
    assert l3_request() == 1
    request = PenilaianPascaPelatihan.objects.get()
    assert (request.enrolment, request.pimpinan, request.competency.code) == (
        due,
        org.kepala,
        "BP-1",
    )
    assert evaluasi_l3_request_task.apply().get() == 0  # the beat task: nothing twice
    assert PenilaianPascaPelatihan.objects.count() == 1
    notes = Notification.objects.filter(user=org.kepala.user, key__startswith="evaluasi-l3:")
    assert notes.count() == 1
    assert notes.get().url == reverse("pengembangan:evaluasi_team")


def test_the_window_follows_the_setting(org, course, settings):
    settings.EVALUASI_L3_DELAY_DAYS = 30
    completed(org.staff[0], course, 31)
    assert l3_request() == 1


def test_only_the_current_pejabat_penilai_answers_once(client, org, course):
    pegawai = org.staff[0]
    completed(pegawai, course, 61)
    l3_request()
    request = PenilaianPascaPelatihan.objects.get()
    url = reverse("pengembangan:evaluasi_answer", args=[request.pk])
    data = {f"p{request.pk}-rating": "4", f"p{request.pk}-note": "Lebih sigap melayani"}

    # Not the pegawai, another pimpinan, or the pengelola: 404 and the service refuses.
    other_boss = PegawaiFactory(unit=org.unit_b)
    PegawaiFactory(unit=org.unit_b, pejabat_penilai=other_boss)
    for outsider in (pegawai, other_boss, org.pengelola):
        client.force_login(outsider.user)
        assert client.post(url, data).status_code == 404
        assert (
            reverse("pengembangan:evaluasi_answer", args=[request.pk])
            not in client.get(reverse("pengembangan:evaluasi_team")).content.decode()
        )
        with pytest.raises(PermissionDenied):
            l3_answer(user=outsider.user, penilaian=request, rating=3)

    # The pegawai moves to a new pejabat penilai: the new one answers, the old one no more.
    pegawai.pejabat_penilai = other_boss
    pegawai.save(update_fields=["pejabat_penilai"])
    client.force_login(org.kepala.user)
    assert client.post(url, data).status_code == 404
    client.force_login(other_boss.user)
    page = client.get(reverse("pengembangan:evaluasi_team")).content.decode()
    assert course.title in page and pegawai.nama in page
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    assert (request.rating, request.note, request.answered_by) == (
        4,
        "Lebih sigap melayani",
        other_boss.user,
    )
    assert client.post(url, data).status_code == 404  # answered: no longer open
    with pytest.raises(ValidationError):
        l3_answer(user=other_boss.user, penilaian=request, rating=2)
