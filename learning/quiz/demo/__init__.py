"""Demo quizzes: the banks in this folder, one quiz per demo course, one finished attempt.

Safe to run again: imports match questions by id, a course that has a quiz keeps it, and
the demo pegawai's attempt is made only once.
"""

from __future__ import annotations

import random
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import QueryDict
from django.utils.text import slugify

from learning import services as learning_services
from learning.models import CoursePage
from learning.quiz import services
from learning.quiz.bank import category_for_path, questions_import
from learning.quiz.grading import matching_options
from learning.quiz.models import Question, QuizAttempt, QuizPage, QuizQuestion, ReviewWhen
from learning.quiz.selectors import attempt_slots
from learning.quiz.types import QuestionType

BANKS = {
    "berakhlak": ("Demo", "BerAKHLAK"),
    "ekinerja": ("Demo", "e-Kinerja"),
}
# Words in a course title that point it at the e-Kinerja bank; any other course gets BerAKHLAK.
EKINERJA_WORDS = ("kinerja", "skp", "evaluasi", "predikat")


def seed_banks() -> dict[str, list[Question]]:
    folder = Path(__file__).parent
    banks = {}
    for name, path in BANKS.items():
        source = (folder / f"{name}.gift").read_bytes()
        questions_import(source=source, fmt="gift", category_path="/".join(path))
        banks[name] = list(Question.objects.filter(category=category_for_path(path)))
    return banks


def _bank_for(course: CoursePage) -> str:
    title = course.title.lower()
    return "ekinerja" if any(word in title for word in EKINERJA_WORDS) else "berakhlak"


def seed_course_quiz(course: CoursePage, questions: list[Question]) -> QuizPage:
    existing = QuizPage.objects.child_of(course).first()
    if existing:
        return existing.specific
    quiz = QuizPage(
        title=f"Kuis: {course.title}"[:255],
        slug=slugify(f"kuis-{course.slug}")[:255],
        intro="Jawab semua soal. Jawaban tersimpan otomatis; kirim sebelum waktu habis.",
        pass_mark=70,
        max_attempts=3,
        time_limit_minutes=20,
        review_right_answers=ReviewWhen.IMMEDIATELY,
    )
    course.add_child(instance=quiz)
    for order, question in enumerate(sorted(questions, key=lambda q: q.idnumber)):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    quiz.save_revision().publish()
    return quiz


def _right_response(slot):
    """What a browser would post for the right answer: choices by their shown position."""
    data = slot.data
    if data.qtype in (QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE):
        return [str(slot.order.index(max(data.choices, key=lambda c: c.fraction).id))]
    if data.qtype == QuestionType.MULTIPLE_RESPONSE:
        return [str(slot.order.index(c.id)) for c in data.choices if c.fraction > 0]
    if data.qtype == QuestionType.SHORT_ANSWER:
        return [data.short_answers[0].text]
    if data.qtype == QuestionType.NUMERICAL:
        return [str(data.numerical_answers[0].value)]
    return []


def seed_attempt(quiz: QuizPage, user) -> None:
    """A finished attempt for the demo pegawai: most answers right, one left out."""
    if QuizAttempt.objects.filter(quiz=quiz, user=user).exists():
        return
    learning_services.enrolment_create(user=user, course=quiz.get_parent().specific)
    attempt = services.attempt_start(user=user, quiz=quiz, rng=random.Random(7))  # noqa: S311 - a repeatable demo, no secret
    data = QueryDict(mutable=True)
    for slot in attempt_slots(attempt)[1:]:
        if slot.data.qtype == QuestionType.MATCHING:
            answers = dict(matching_options(slot.data))
            position = {answers[option]: str(n) for n, option in enumerate(slot.order)}
            for pair in slot.data.pairs:
                if pair.question.strip():
                    data[f"q{slot.number}-{pair.id}"] = position[pair.answer]
        else:
            data.setlist(f"q{slot.number}", _right_response(slot))
    services.attempt_submit(user=user, attempt_id=attempt.pk, data=data)


@transaction.atomic
def seed_quizzes(*, pegawai_login: str | None = None) -> int:
    """Banks, a quiz for each course, and the demo pegawai's attempt on the first one."""
    banks = seed_banks()
    quizzes = [
        seed_course_quiz(course, banks[_bank_for(course)])
        for course in CoursePage.objects.live().order_by("path")
    ]
    user = get_user_model().objects.filter(nip=pegawai_login).first() if pegawai_login else None
    if quizzes and user is not None:
        seed_attempt(quizzes[0], user)
    return len(quizzes)
