from decimal import Decimal

import pytest

from django.urls import reverse

from learning import services as learning_services
from learning.quiz import services
from learning.quiz.models import QuizAnswer
from learning.quiz.reports import quiz_report
from tests.factories import PegawaiUserFactory

from .conftest import answers
from .factories import essay, make_question, make_quiz, true_false

pytestmark = pytest.mark.django_db


def take(quiz, user, **values):
    learning_services.enrolment_create(user=user, course=quiz.get_parent().specific)
    attempt = services.attempt_start(user=user, quiz=quiz)
    return services.attempt_submit(
        user=user, attempt_id=attempt.pk, data=answers(attempt, **values)
    )


@pytest.fixture
def essay_quiz(course):
    return make_quiz(course, [make_question(essay()), make_question()], max_attempts=0)


def test_marking_queue_is_for_pengelola_only(client, essay_quiz, pegawai, pengelola):
    take(essay_quiz, pegawai, q1="<script>x</script>Saya menolong rekan.", q2="a1")
    client.force_login(pegawai)
    assert client.get(reverse("quiz:marking_queue")).status_code == 404
    client.force_login(pengelola)
    html = client.get(reverse("quiz:marking_queue")).content.decode()
    assert "Saya menolong rekan." in html and "<script>x" not in html


def test_pengelola_grades_an_essay_through_the_queue(client, essay_quiz, pegawai, pengelola):
    attempt = take(essay_quiz, pegawai, q1="Jawaban uraian", q2="a1")
    answer = QuizAnswer.objects.get(attempt=attempt, slot=1)
    client.force_login(pengelola)
    url = reverse("quiz:essay_grade", args=[answer.pk])
    response = client.post(url, {"percent": "100", "comment": "Bagus"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.pending, attempt.score) == (0, Decimal(100))
    assert (
        client.post(
            reverse("quiz:essay_grade", args=[answer.pk + 99]), {"percent": "1"}
        ).status_code
        == 404
    )


def test_marking_queue_queries_stay_flat(
    client, essay_quiz, pengelola, django_assert_max_num_queries
):
    counts = []
    for size in (1, 4):
        while QuizAnswer.objects.filter(grade_state="needs_grading").count() < size:
            take(essay_quiz, PegawaiUserFactory(), q1="Uraian", q2="a1")
        client.force_login(pengelola)
        with django_assert_max_num_queries(30) as captured:
            assert client.get(reverse("quiz:marking_queue")).status_code == 200
        counts.append(len(captured))
    assert counts[1] <= counts[0]


def test_report_facility_and_discrimination(client, course, pengelola):
    quiz = make_quiz(course, [make_question(), make_question(true_false())], max_attempts=0)
    # Strong pegawai answer both right, weak ones neither: q1 discriminates fully.
    for values in ({"q1": "a1", "q2": "true"}, {"q1": "a1", "q2": "true"}, {"q2": "true"}, {}):
        take(quiz, PegawaiUserFactory(), **values)
    report = quiz_report(quiz)
    assert report["summary"]["attempts"] == 4
    by_name = {row.name: row for row in report["questions"]}
    first = by_name[quiz.fixed_questions.first().question.name]
    assert first.facility == Decimal("0.5") and first.discrimination == Decimal(1)
    client.force_login(pengelola)
    assert client.get(reverse("quiz:report", args=[quiz.pk])).status_code == 200
