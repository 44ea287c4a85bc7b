import random

import pytest

from learning import services as learning_services
from learning.quiz import services
from learning.quiz.bank import category_for_path
from learning.quiz.demo import BANKS, COURSE_BANKS, DRAW, seed_quizzes
from learning.quiz.models import Question, QuizAttempt, QuizPage, ReviewWhen

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
    generic = [category_for_path(path) for path in BANKS.values()]
    assert Question.objects.filter(category__in=generic).count() == 21
    assert all(q.review_right_answers == ReviewWhen.AFTER_CLOSE for q in quizzes)
    attempt = QuizAttempt.objects.get()
    assert attempt.user == pegawai and attempt.state == "finished"
    assert 70 <= attempt.score < 100 and attempt.passed


VALUE_NAMES = {
    "berorientasi-pelayanan": "Berorientasi Pelayanan",
    "akuntabel": "Akuntabel",
    "kompeten": "Kompeten",
    "harmonis": "Harmonis",
    "loyal": "Loyal",
    "adaptif": "Adaptif",
    "kolaboratif": "Kolaboratif",
}


def _question_words(question: Question) -> str:
    data = question.definition
    texts = [data.text, *(c.text for c in data.choices), *(a.text for a in data.short_answers)]
    texts += [f"{p.question} {p.answer}" for p in data.pairs]
    return " ".join(texts).lower()


def test_each_course_quiz_draws_only_from_its_own_bank_and_draws_differ(pegawai):
    courses = {slug: make_course(title=slug.title(), slug=slug, lessons=1) for slug in COURSE_BANKS}
    seed_quizzes()
    for slug, course in courses.items():
        quiz = QuizPage.objects.child_of(course).get(is_pretest=False).specific
        bank = category_for_path(COURSE_BANKS[slug][1])
        questions = list(Question.objects.filter(category=bank))
        assert len(questions) >= 10
        assert len({q.qtype for q in questions}) >= 4  # mixed types the engine grades
        assert all(q.name for q in questions) and all(q.idnumber for q in questions)
        assert quiz.random_category == bank and quiz.random_count == DRAW < len(questions)
        assert not quiz.fixed_questions.exists() and quiz.shuffle_questions
        assert quiz.review_right_answers == ReviewWhen.AFTER_CLOSE
        if slug in VALUE_NAMES:  # each value's bank tests that value
            name = VALUE_NAMES[slug].lower()
            assert all(name in _question_words(q) for q in questions), slug

        learning_services.enrolment_create(user=pegawai, course=course)
        draws = []
        for seed in (1, 2):
            attempt = services.attempt_start(user=pegawai, quiz=quiz, rng=random.Random(seed))
            ids = [entry["question"] for entry in attempt.layout]
            assert len(ids) == DRAW and set(ids) <= {q.pk for q in questions}
            draws.append(ids)
            services.attempt_submit(user=pegawai, attempt_id=attempt.pk)
        assert set(draws[0]) != set(draws[1])  # another subset of the bank, not a reshuffle
    # The seven value banks are separate: no question is shared between two value quizzes.
    value_banks = [category_for_path(COURSE_BANKS[slug][1]) for slug in VALUE_NAMES]
    assert Question.objects.filter(category__in=value_banks).count() >= 70
