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


def _course_form(**fields) -> dict:
    from wagtail.test.utils.form_data import rich_text

    from learning.jenis_diklat import JENIS_DIKLAT_E_LEARNING

    data = {
        "title": "Kursus Konsep",
        "slug": "kursus-konsep",
        "summary": "",
        "objectives": rich_text(""),
        "jp": "",
        "jenis_diklat_id": str(JENIS_DIKLAT_E_LEARNING),
        "level": "dasar",
        "estimated_minutes": "0",
        "open_enrolment": "on",
        "course_competencies-TOTAL_FORMS": "0",
        "course_competencies-INITIAL_FORMS": "0",
        "course_competencies-MIN_NUM_FORMS": "0",
        "course_competencies-MAX_NUM_FORMS": "1000",
        "reaction_questions-TOTAL_FORMS": "0",
        "reaction_questions-INITIAL_FORMS": "0",
        "reaction_questions-MIN_NUM_FORMS": "0",
        "reaction_questions-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    return data | fields


@pytest.mark.django_db
def test_a_new_course_saves_as_a_draft_before_its_jp_is_known_but_never_publishes_without(
    admin_client, index
):
    # #18: a draft save (Wagtail's autosave or "Simpan konsep") of a new course with only a
    # title failed on JP ("Kolom ini harus diisi"): a NOT NULL number cannot be deferred.
    from learning.models import CoursePage

    url = reverse("wagtailadmin_pages:add", args=["learning", "coursepage", index.pk])
    saved = admin_client.post(url, _course_form())
    assert saved.status_code == 302, saved.context["form"].errors
    draft = CoursePage.objects.get(slug="kursus-konsep")
    assert not draft.live and draft.jp is None and draft.jp_minutes == 0

    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    refused = admin_client.post(edit, _course_form(**{"action-publish": "1"}))
    assert refused.status_code == 200
    assert "jp" in refused.context["form"].errors
    draft.refresh_from_db()
    assert not draft.live
    published = admin_client.post(
        edit, _course_form(jp="2", summary="Ringkas.", **{"action-publish": "1"})
    )
    assert published.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.jp == 2
