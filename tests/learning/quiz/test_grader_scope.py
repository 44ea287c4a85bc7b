"""A pengelola grades essays of the pegawai of their own units only (as everywhere else)."""

from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from learning import services as learning_services
from learning.quiz import reports, services
from learning.quiz.models import QuizAnswer
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .conftest import answers
from .factories import essay, make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(db):
    """A pegawai of another instansi: outside the pengelola's unit subtree."""
    return PegawaiFactory(unit=UnitKerjaFactory(nama="Instansi Lain")).user


def essay_answer_of(user, course) -> QuizAnswer:
    quiz = make_quiz(course, [make_question(essay())], pass_mark=50)
    learning_services.enrolment_create(user=user, course=course)
    attempt = services.attempt_start(user=user, quiz=quiz)
    services.attempt_submit(
        user=user, attempt_id=attempt.pk, data=answers(attempt, q1="Saya melayani.")
    )
    return QuizAnswer.objects.get(attempt=attempt, slot=1)


def test_pengelola_cannot_grade_an_essay_outside_their_units(course, pengelola, outsider):
    answer = essay_answer_of(outsider, course)
    with pytest.raises(PermissionDenied):
        services.answer_grade_manual(
            by=pengelola, answer_id=answer.pk, fraction=Decimal(1), comment=""
        )
    answer.refresh_from_db()
    assert answer.graded_by is None


def test_marking_queue_lists_only_the_pengelolas_own_pegawai(course, pengelola, pegawai, outsider):
    own = essay_answer_of(pegawai, course)
    essay_answer_of(outsider, course)
    assert [item.answer.pk for item in reports.marking_queue(pengelola)] == [own.pk]


def test_the_grade_endpoint_refuses_an_outsiders_essay(client, course, pengelola, outsider):
    answer = essay_answer_of(outsider, course)
    client.force_login(pengelola)
    client.post(reverse("quiz:essay_grade", args=[answer.pk]), {"percent": "100", "comment": ""})
    answer.refresh_from_db()
    assert answer.graded_by is None
