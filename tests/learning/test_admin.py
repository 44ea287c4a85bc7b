from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from competencies.models import Competency
from learning.models import CourseCompetency, LearningRecord
from tests.factories import UserFactory

from .test_completion import finish

LEARNING = Path(__file__).resolve().parents[2] / "learning"


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_competency_snippet_lists_the_seeded_dictionary(admin_client):
    response = admin_client.get(
        reverse("wagtailsnippets_competencies_competency:list"), {"q": "BP-"}
    )
    assert response.status_code == 200
    assert "BP-1" in response.content.decode()


@pytest.mark.django_db
def test_ledger_admin_lists_but_never_edits(admin_client, course, pegawai):
    finish(pegawai, course)
    record = LearningRecord.objects.get()
    assert admin_client.get(reverse("learning_records:index")).status_code == 200
    assert (
        admin_client.get(reverse("learning_records:inspect", args=[record.pk])).status_code == 200
    )
    for name, args in (("edit", [record.pk]), ("delete", [record.pk]), ("add", [])):
        response = admin_client.get(reverse(f"learning_records:{name}", args=args))
        assert response.status_code in (302, 403)
    assert LearningRecord.objects.get().title == course.title


@pytest.mark.django_db
def test_editors_preview_lessons_without_enrolling(admin_client, course):
    lesson = course.lessons().first()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert response.status_code == 200
    assert "Isi pelajaran" in response.content.decode()


@pytest.mark.django_db
def test_target_level_only_for_leveled_competencies(course):
    link = CourseCompetency(
        course=course, competency=Competency.objects.get(code="AK"), target_level=3
    )
    with pytest.raises(ValidationError):
        link.clean()
    link.competency = Competency.objects.get(code="MJ-INT")
    link.clean()


@pytest.mark.django_db
def test_certificate_admin_finds_by_number_and_never_edits(admin_client, course, pegawai):
    from learning.models import Certificate

    finish(pegawai, course)
    certificate = Certificate.objects.get()
    response = admin_client.get(reverse("learning_certificates:index"), {"q": certificate.number})
    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    assert pegawai.nip not in response.content.decode()
    edit = admin_client.get(reverse("learning_certificates:edit", args=[certificate.pk]))
    assert edit.status_code in (302, 403)
