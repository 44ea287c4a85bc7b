"""Level 1: the reaction survey is the pegawai's own, opens at completion and takes one
response per enrolment; a course's own questions replace the default set."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from learning import services
from learning.models import Enrolment, ReactionQuestion, ReactionResponse
from learning.reaction import DEFAULT_QUESTIONS, questions_for, reaction_submit

from .factories import lessons_of

pytestmark = pytest.mark.django_db

DEFAULT_FORM = {q.key: "4" for q in DEFAULT_QUESTIONS}


def complete(user, course) -> Enrolment:
    services.enrolment_create(user=user, course=course)
    for lesson in lessons_of(course):
        enrolment = services.lesson_complete(user=user, lesson=lesson)
    return enrolment


def survey_url(enrolment) -> str:
    return reverse("learning:reaction_survey", args=[enrolment.pk])


def test_the_course_page_prompts_only_after_completion_then_the_pegawai_answers_once(
    client, pegawai, course
):
    client.force_login(pegawai)
    services.enrolment_create(user=pegawai, course=course)
    enrolment = Enrolment.objects.get(user=pegawai, course=course)
    assert "Isi survei kursus" not in client.get(course.url).content.decode()
    assert client.get(survey_url(enrolment)).status_code == 302  # not yet complete

    enrolment = complete(pegawai, course)
    assert enrolment.is_completed
    page = client.get(course.url).content.decode()
    assert survey_url(enrolment) in page

    form = client.get(survey_url(enrolment)).content.decode()
    for question in DEFAULT_QUESTIONS:
        assert str(question.text) in form
    response = client.post(survey_url(enrolment), {**DEFAULT_FORM, "relevansi": "5"})
    assert response.status_code == 302
    saved = ReactionResponse.objects.get(enrolment=enrolment)
    assert saved.scores == {"relevansi": 5, "kejelasan": 4, "penerapan": 4, "kualitas": 4}
    assert "Isi survei kursus" not in client.get(course.url).content.decode()

    # A second answer is refused: the page sends the pegawai back, the service says why.
    client.post(survey_url(enrolment), {**DEFAULT_FORM, "relevansi": "1"})
    assert ReactionResponse.objects.get(enrolment=enrolment).scores["relevansi"] == 5
    with pytest.raises(ValidationError):
        reaction_submit(
            user=pegawai, enrolment=enrolment, scores={q.key: 3 for q in DEFAULT_QUESTIONS}
        )


def test_another_persons_survey_is_not_found_and_the_service_refuses_it(
    client, pegawai, other_pegawai, course
):
    enrolment = complete(pegawai, course)
    client.force_login(other_pegawai)
    assert client.get(survey_url(enrolment)).status_code == 404
    assert client.post(survey_url(enrolment), DEFAULT_FORM).status_code == 404
    with pytest.raises(PermissionDenied):
        reaction_submit(user=other_pegawai, enrolment=enrolment, scores={"relevansi": 4})
    assert not ReactionResponse.objects.exists()


def test_a_course_with_its_own_questions_asks_those_and_every_one_must_be_scored(
    client, pegawai, course
):
    first = ReactionQuestion.objects.create(
        course=course, text="Contoh kasus membantu", sort_order=0
    )
    second = ReactionQuestion.objects.create(course=course, text="Durasi pas", sort_order=1)
    assert [q.key for q in questions_for(course)] == [first.key, second.key]
    enrolment = complete(pegawai, course)
    client.force_login(pegawai)
    # One question unanswered, or a score outside 1–5: the form shows the error, nothing stored.
    assert client.post(survey_url(enrolment), {first.key: "4"}).status_code == 200
    assert client.post(survey_url(enrolment), {first.key: "4", second.key: "9"}).status_code == 200
    with pytest.raises(ValidationError):
        reaction_submit(user=pegawai, enrolment=enrolment, scores={first.key: 4, second.key: 0})
    assert not ReactionResponse.objects.exists()
    client.post(survey_url(enrolment), {first.key: "4", second.key: "2", "comment": "Bagus"})
    saved = ReactionResponse.objects.get(enrolment=enrolment)
    assert saved.scores == {first.key: 4, second.key: 2}
    assert saved.labels[first.key] == "Contoh kasus membantu"
    assert saved.comment == "Bagus"
