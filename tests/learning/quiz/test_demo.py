import pytest

from learning.quiz.demo import seed_quizzes
from learning.quiz.models import Question, QuizAttempt, QuizPage

from ..factories import make_course

pytestmark = pytest.mark.django_db


def test_demo_gives_each_course_a_quiz_and_one_finished_attempt_idempotently(pegawai):
    make_course(title="Nilai BerAKHLAK", lessons=1)
    make_course(title="Memahami SKP dan e-Kinerja", lessons=1)
    pegawai.nip = pegawai.nip or "198609262015051001"
    pegawai.save()
    for _run in range(2):
        assert seed_quizzes(pegawai_login=pegawai.nip) == 2
    quizzes = list(QuizPage.objects.order_by("path"))
    assert len(quizzes) == 2
    for quiz in quizzes:
        assert 8 <= quiz.fixed_questions.count() <= 15
        kinds = set(quiz.fixed_questions.values_list("question__qtype", flat=True))
        assert len(kinds) >= 5
    assert Question.objects.count() == 21
    attempt = QuizAttempt.objects.get()
    assert attempt.user == pegawai and attempt.state == "finished"
    assert 70 <= attempt.score < 100 and attempt.passed
