import threading

import pytest

from django.conf import settings
from django.db import close_old_connections, connection

from wagtail.models import ModelLogEntry, PageLogEntry

from learning import services as learning_services
from learning.quiz import services
from learning.quiz.models import QuizAnswer, QuizAttempt
from tests.factories import PegawaiUserFactory

from ..factories import make_course
from .conftest import answers
from .factories import make_question, make_quiz, true_false

THREADS = 8


# Decided before the database is set up, so SQLite runs skip without a flush.
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Butuh PostgreSQL: SQLite tidak menguji penguncian baris",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_concurrent_submits_of_one_attempt_grade_it_once():
    course = make_course(lessons=1)
    quiz = make_quiz(course, [make_question(), make_question(true_false())])
    user = PegawaiUserFactory()
    learning_services.enrolment_create(user=user, course=course)
    attempt = services.attempt_start(user=user, quiz=quiz)
    barrier = threading.Barrier(THREADS)
    outcomes, errors = [], []

    def submit(index: int):
        try:
            barrier.wait(timeout=10)
            data = answers(attempt, q1="a1" if index % 2 else "a2", q2="true")
            services.attempt_submit(user=user, attempt_id=attempt.pk, data=data)
            outcomes.append("graded")
        except services.AttemptClosed:
            outcomes.append("closed")
        except Exception as exc:  # any other error fails the test below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(outcomes) == ["closed"] * (THREADS - 1) + ["graded"]
    finished = QuizAttempt.objects.get(pk=attempt.pk)
    assert finished.state == "finished" and finished.score in (50, 100)
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 2
    submits = PageLogEntry.objects.filter(action="learning.quiz.attempt_submit")
    assert submits.count() == 1
    assert not ModelLogEntry.objects.filter(action="learning.quiz.attempt_submit").exists()
