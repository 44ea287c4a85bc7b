"""Demo quizzes: the banks in this folder, one quiz per demo course, one finished attempt.

Each BerAKHLAK value course and each of the two competency courses (pelayanan publik,
komunikasi) has its own bank (``nilai-*.gift``, ``pelayanan-publik.gift``, ``komunikasi.gift``)
in its own category; its quiz draws ``DRAW`` questions at random from that category on every
attempt. Other courses get fixed questions from the generic banks (``berakhlak.gift``,
``ekinerja.gift``). Every question has an explicit ``::name::`` and ``[id:…]``.

Review: right answers show only after the quiz closes (the model's safe default), so a
pegawai who fails cannot copy the key into the next attempt.

Safe to run again: imports match questions by id, a course that has a quiz keeps it (a demo
quiz from before the per-value banks, never attempted, is switched to its bank's draw), and
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
from learning.quiz.models import (
    Question,
    QuestionCategory,
    QuizAttempt,
    QuizPage,
    QuizQuestion,
    ReviewWhen,
)
from learning.quiz.selectors import attempt_slots
from learning.quiz.types import QuestionType

BANKS = {
    "berakhlak": ("Demo", "BerAKHLAK"),
    "ekinerja": ("Demo", "e-Kinerja"),
}
# Course slug -> (bank file, category path): the course's quiz draws only from that category.
COURSE_BANKS = {
    "berorientasi-pelayanan": ("nilai-bp", ("Demo", "BerAKHLAK", "Berorientasi Pelayanan")),
    "akuntabel": ("nilai-ak", ("Demo", "BerAKHLAK", "Akuntabel")),
    "kompeten": ("nilai-ko", ("Demo", "BerAKHLAK", "Kompeten")),
    "harmonis": ("nilai-ha", ("Demo", "BerAKHLAK", "Harmonis")),
    "loyal": ("nilai-lo", ("Demo", "BerAKHLAK", "Loyal")),
    "adaptif": ("nilai-ad", ("Demo", "BerAKHLAK", "Adaptif")),
    "kolaboratif": ("nilai-kl", ("Demo", "BerAKHLAK", "Kolaboratif")),
    "pelayanan-publik-prima": ("pelayanan-publik", ("Demo", "Pelayanan Publik")),
    "komunikasi-efektif-asn": ("komunikasi", ("Demo", "Komunikasi")),
}
# Questions drawn per attempt from a course's own bank (each bank has at least 10).
DRAW = 8
# Words in a course title that point it at the e-Kinerja bank; any other course gets BerAKHLAK.
EKINERJA_WORDS = ("kinerja", "skp", "evaluasi", "predikat")


def _import_bank(name: str, path: tuple[str, ...]) -> QuestionCategory:
    source = (Path(__file__).parent / f"{name}.gift").read_bytes()
    questions_import(source=source, fmt="gift", category_path="/".join(path))
    return category_for_path(path)


def seed_banks() -> dict[str, list[Question]]:
    """The generic banks, by name, as lists of questions (for fixed-question quizzes)."""
    banks = {}
    for name, path in BANKS.items():
        banks[name] = list(Question.objects.filter(category=_import_bank(name, path)))
    return banks


def seed_course_banks() -> dict[str, QuestionCategory]:
    """The courses' own banks: course slug -> the category its quiz draws from."""
    return {slug: _import_bank(name, path) for slug, (name, path) in COURSE_BANKS.items()}


def _bank_for(course: CoursePage) -> str:
    title = course.title.lower()
    return "ekinerja" if any(word in title for word in EKINERJA_WORDS) else "berakhlak"


def _draw_from(quiz: QuizPage, category: QuestionCategory) -> None:
    quiz.random_count = DRAW
    quiz.random_category = category
    quiz.shuffle_questions = True
    quiz.intro = (
        f"Setiap percobaan berisi {DRAW} soal yang diambil acak dari bank soal kursus ini. "
        "Jawaban tersimpan otomatis; kirim sebelum waktu habis. Kunci jawaban ditampilkan "
        "setelah kuis ditutup."
    )


def _switch_to_draw(quiz: QuizPage, category: QuestionCategory) -> QuizPage:
    """A demo quiz seeded before the per-value banks (fixed generic questions, immediate
    right answers) takes its course's bank, unless someone has already attempted it."""
    if quiz.random_count or QuizAttempt.objects.filter(quiz=quiz).exists():
        return quiz
    quiz.fixed_questions.all().delete()
    _draw_from(quiz, category)
    quiz.review_right_answers = ReviewWhen.AFTER_CLOSE
    quiz.save_revision().publish()
    return quiz


def seed_course_quiz(
    course: CoursePage,
    questions: list[Question] | None = None,
    *,
    draw_from: QuestionCategory | None = None,
) -> QuizPage:
    """The course's quiz: fixed ``questions``, or a random draw of ``DRAW`` from ``draw_from``."""
    existing = QuizPage.objects.child_of(course).first()
    if existing:
        quiz = existing.specific
        return _switch_to_draw(quiz, draw_from) if draw_from is not None else quiz
    quiz = QuizPage(
        title=f"Kuis: {course.title}"[:255],
        slug=slugify(f"kuis-{course.slug}")[:255],
        intro="Jawab semua soal. Jawaban tersimpan otomatis; kirim sebelum waktu habis.",
        pass_mark=70,
        max_attempts=3,
        time_limit_minutes=20,
        # Right answers keep the model's safe default: after the quiz closes.
    )
    if draw_from is not None:
        _draw_from(quiz, draw_from)
    course.add_child(instance=quiz)
    for order, question in enumerate(sorted(questions or [], key=lambda q: q.idnumber)):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    quiz.save_revision().publish()
    return quiz


def seed_pretest(course: CoursePage) -> QuizPage | None:
    """Level 2 in the demo: a pre-test beside the course's final quiz, drawn from the same
    questions, so the gain from pre-test to post-test shows."""
    quizzes = QuizPage.objects.child_of(course)
    existing = quizzes.filter(is_pretest=True).first()
    if existing is not None:
        return existing.specific
    final = quizzes.filter(is_pretest=False).first()
    if final is None:
        return None
    final = final.specific
    quiz = QuizPage(
        title=f"Pre-test: {course.title}"[:255],
        slug=slugify(f"pre-test-{course.slug}")[:255],
        intro="Kerjakan sebelum mulai pelajaran: nilainya dibandingkan dengan kuis akhir.",
        is_pretest=True,
        required_for_completion=False,
        pass_mark=0,
        max_attempts=1,
        random_count=final.random_count,
        random_category=final.random_category,
        random_mark=final.random_mark,
    )
    course.add_child(instance=quiz)
    for slot in final.fixed_questions.all():
        QuizQuestion.objects.create(
            quiz=quiz, question=slot.question, mark=slot.mark, sort_order=slot.sort_order
        )
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


def seed_attempt(quiz: QuizPage, user, *, leave_out: int = 1) -> None:
    """A finished attempt for the demo pegawai: most answers right, ``leave_out`` left out."""
    if QuizAttempt.objects.filter(quiz=quiz, user=user).exists():
        return
    learning_services.enrolment_create(user=user, course=quiz.get_parent().specific)
    attempt = services.attempt_start(user=user, quiz=quiz, rng=random.Random(7))  # noqa: S311 - a repeatable demo, no secret
    data = QueryDict(mutable=True)
    for slot in attempt_slots(attempt)[leave_out:]:
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
    own_banks = seed_course_banks()
    quizzes = [
        seed_course_quiz(course, draw_from=own_banks[course.slug])
        if course.slug in own_banks
        else seed_course_quiz(course, banks[_bank_for(course)])
        for course in CoursePage.objects.live().order_by("path")
    ]
    user = get_user_model().objects.filter(nip=pegawai_login).first() if pegawai_login else None
    if quizzes and user is not None:
        seed_attempt(quizzes[0], user)
    return len(quizzes)
