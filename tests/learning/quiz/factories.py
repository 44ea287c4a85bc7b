"""Builders for the question bank and quizzes in tests."""

from __future__ import annotations

import itertools
from decimal import Decimal

from learning.quiz.bank import category_for_path, question_save
from learning.quiz.models import Question, QuizPage, QuizQuestion
from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    TextFormat,
    true_false_choices,
)

_seq = itertools.count(1)
D = Decimal


def single_choice(name: str = "", text: str = "Nilai dasar ASN adalah?", **extra) -> QuestionData:
    return QuestionData(
        qtype=QuestionType.SINGLE_CHOICE,
        name=name or f"Pilihan {next(_seq)}",
        text=text,
        text_format=extra.pop("text_format", TextFormat.PLAIN),
        general_feedback="UMPAN-UMUM-RAHASIA",
        choices=(
            Choice("a1", "BerAKHLAK", D(1), "UMPAN-BENAR-RAHASIA"),
            Choice("a2", "Panca Prasetya", D(0), "UMPAN-SALAH-RAHASIA"),
            Choice("a3", "Sapta Marga", D(0)),
        ),
        **extra,
    )


def true_false(name: str = "", correct: bool = True) -> QuestionData:
    return QuestionData(
        qtype=QuestionType.TRUE_FALSE,
        name=name or f"Benar salah {next(_seq)}",
        text="SKP disusun dalam dialog kinerja.",
        text_format=TextFormat.PLAIN,
        choices=true_false_choices(correct=correct),
    )


def short_answer(name: str = "") -> QuestionData:
    return QuestionData(
        qtype=QuestionType.SHORT_ANSWER,
        name=name or f"Isian {next(_seq)}",
        text="Singkatan Sasaran Kinerja Pegawai?",
        text_format=TextFormat.PLAIN,
        short_answers=(ShortAnswer("s1", "JAWABAN-ISIAN-RAHASIA", D(1)),),
    )


def numerical(name: str = "") -> QuestionData:
    return QuestionData(
        qtype=QuestionType.NUMERICAL,
        name=name or f"Angka {next(_seq)}",
        text="Berapa JP minimal per tahun?",
        text_format=TextFormat.PLAIN,
        numerical_answers=(NumericalAnswer("n1", D(1), value=D(20), tolerance=D(0)),),
    )


def matching(name: str = "") -> QuestionData:
    return QuestionData(
        qtype=QuestionType.MATCHING,
        name=name or f"Jodohkan {next(_seq)}",
        text="Pasangkan kode nilai.",
        text_format=TextFormat.PLAIN,
        pairs=(
            MatchPair("p1", "BP", "Berorientasi Pelayanan"),
            MatchPair("p2", "AK", "Akuntabel"),
            MatchPair("p3", "", "Adaptif"),
        ),
    )


def essay(name: str = "") -> QuestionData:
    return QuestionData(
        qtype=QuestionType.ESSAY,
        name=name or f"Uraian {next(_seq)}",
        text="Ceritakan contoh perilaku Harmonis.",
        text_format=TextFormat.PLAIN,
    )


def make_question(data: QuestionData | None = None, *, category: str = "Uji/Bank") -> Question:
    question = Question(category=category_for_path(tuple(category.split("/"))))
    return question_save(question=question, data=data or single_choice())


def make_quiz(course, questions=(), **fields) -> QuizPage:
    defaults = {"title": "Kuis", "slug": f"kuis-{next(_seq)}", "shuffle_questions": False}
    quiz = QuizPage(**{**defaults, **fields})
    course.add_child(instance=quiz)
    for order, question in enumerate(questions):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    return QuizPage.objects.get(pk=quiz.pk)
