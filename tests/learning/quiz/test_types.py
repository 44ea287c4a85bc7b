import json
from dataclasses import replace
from decimal import Decimal as D

import pytest

from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    TextFormat,
    question_problems,
    true_false_choices,
)

SAMPLES = [
    QuestionData(
        QuestionType.SINGLE_CHOICE,
        "Makna Akuntabel",
        "<p>Akuntabel berarti…</p>",
        TextFormat.HTML,
        "Lihat SE MenPANRB 20/2021.",
        choices=(
            Choice("c1", "Bertanggung jawab", D(1), "Tepat"),
            Choice("c2", "Patuh saja", D("-0.3333333"), "Belum"),
        ),
        shuffle_answers=False,
    ),
    QuestionData(
        QuestionType.MULTIPLE_RESPONSE,
        "Kolaboratif",
        "Pilih semua",
        choices=(Choice("a", "A", D("0.5")), Choice("b", "B", D("0.5")), Choice("c", "C", D(-1))),
    ),
    QuestionData(
        QuestionType.TRUE_FALSE, "TF", "SKP tahunan.", choices=true_false_choices(correct=True)
    ),
    QuestionData(
        QuestionType.SHORT_ANSWER,
        "Isian",
        "Nama aplikasi?",
        TextFormat.PLAIN,
        short_answers=(ShortAnswer("s1", "e-Kinerja", D(1)), ShortAnswer("s2", "*", D(0), "Cek")),
        case_sensitive=True,
    ),
    QuestionData(
        QuestionType.NUMERICAL,
        "Angka",
        "Berapa JP?",
        TextFormat.MARKDOWN,
        numerical_answers=(
            NumericalAnswer("n1", D(1), "Ya", value=D(20), tolerance=D("0.5")),
            NumericalAnswer("n2", D("0.5"), minimum=D(-1), maximum=D("1E+2")),
            NumericalAnswer("n3", D(0), "Salah"),
        ),
    ),
    QuestionData(
        QuestionType.MATCHING,
        "Jodoh",
        "Pasangkan",
        pairs=(
            MatchPair("p1", "BP", "Pelayanan"),
            MatchPair("p2", "AK", "Akuntabel"),
            MatchPair("p3", "", "Adaptif"),
        ),
    ),
    QuestionData(QuestionType.ESSAY, "Esai", "Ceritakan.", TextFormat.MOODLE, "Dinilai pimpinan"),
]


@pytest.mark.parametrize("question", SAMPLES, ids=lambda q: q.qtype.value)
def test_json_round_trip_through_text(question):
    stored = json.loads(json.dumps(question.to_json()))
    restored = QuestionData.from_json(stored)
    assert restored == question
    assert restored.to_json() == question.to_json()


@pytest.mark.parametrize("question", SAMPLES, ids=lambda q: q.qtype.value)
def test_samples_are_valid(question):
    assert question_problems(question) == []


def test_json_carries_a_version():
    data = SAMPLES[0].to_json()
    assert data["v"] == 1
    with pytest.raises(ValueError, match="version"):
        QuestionData.from_json({**data, "v": 99})


def test_numerical_answer_forms():
    exact, band, anything = SAMPLES[4].numerical_answers
    assert exact.accepts(D("20.5")) and not exact.accepts(D("20.51"))
    assert band.is_range and band.accepts(D(100)) and not band.accepts(D(101))
    assert anything.accepts_any and anything.accepts(D(-7))


def single(*fractions, **kwargs):
    choices = tuple(Choice(f"c{i}", f"Pilihan {i}", D(f)) for i, f in enumerate(fractions))
    fields = {"name": "Soal", "text": "Teks", **kwargs}
    return QuestionData(QuestionType.SINGLE_CHOICE, choices=choices, **fields)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (single(1, 0, name=" "), "Nama soal kosong"),
        (single(1, 0, text=""), "Teks soal kosong"),
        (single(1), "sedikitnya dua pilihan"),
        (single("0.5", 0), "harus bernilai 100%"),
        (single(1, "1.5"), "antara -100% dan 100%"),
        (single(1, "NaN"), "antara -100% dan 100%"),
        (replace(single(1, 0), choices=(Choice("x", "A", D(1)), Choice("x", "B", D(0)))), "unik"),
        (
            replace(single(1, 0), choices=(Choice("x", "A", D(1)), Choice("y", " ", D(0)))),
            "Teks pilihan",
        ),
        (replace(single(1, 0), qtype=QuestionType.MULTIPLE_RESPONSE), None),
        (replace(single("0.5", "0.4"), qtype=QuestionType.MULTIPLE_RESPONSE), "(sekarang 90%)"),
        (replace(single(1, 0), pairs=(MatchPair("p", "a", "b"),)), "bagian pairs"),
        (replace(single(1, 0), qtype=QuestionType.TRUE_FALSE), "tepat pilihan 'true'"),
        (
            QuestionData(
                QuestionType.TRUE_FALSE,
                "TF",
                "T",
                choices=(Choice("true", "Benar", D(1)), Choice("false", "Salah", D(1))),
            ),
            "Tepat satu",
        ),
    ],
)
def test_choice_problems(question, message):
    problems = " ".join(question_problems(question))
    if message is None:
        assert problems == ""
    else:
        assert message in problems


def short(*answers, **kwargs):
    return QuestionData(QuestionType.SHORT_ANSWER, "Isian", "Teks", short_answers=answers, **kwargs)


def numerical(*answers):
    return QuestionData(QuestionType.NUMERICAL, "Angka", "Teks", numerical_answers=answers)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (short(), "sedikitnya satu jawaban"),
        (short(ShortAnswer("s", "", D(1))), "tidak boleh kosong"),
        (short(ShortAnswer("s", "a", D("0.5"))), "harus bernilai 100%"),
        (short(ShortAnswer("s", "a", D(1)), ShortAnswer("t", "b", D(-1))), "antara 0% dan 100%"),
        (short(ShortAnswer("", "a", D(1))), "harus memiliki id"),
        (numerical(), "sedikitnya satu jawaban"),
        (numerical(NumericalAnswer("n", D(1), value=D(1), tolerance=D(-1))), "negatif"),
        (numerical(NumericalAnswer("n", D(1), minimum=D(2), maximum=D(1))), "Batas bawah"),
        (numerical(NumericalAnswer("n", D(1), minimum=D(2))), "batas bawah dan batas atas"),
        (numerical(NumericalAnswer("n", D(1), value=D("Infinity"))), "terhingga"),
        (numerical(NumericalAnswer("n", D(0))), "harus bernilai 100%"),
        (
            QuestionData(QuestionType.MATCHING, "J", "T", pairs=(MatchPair("p", "a", "b"),)),
            "sedikitnya dua pasangan",
        ),
        (
            QuestionData(
                QuestionType.MATCHING,
                "J",
                "T",
                pairs=(MatchPair("p", "a", "b"), MatchPair("q", "c", "")),
            ),
            "sisi kanan",
        ),
        (
            QuestionData(QuestionType.ESSAY, "E", "T", choices=(Choice("c", "x", D(1)),)),
            "bagian choices",
        ),
    ],
)
def test_other_problems(question, message):
    assert message in " ".join(question_problems(question))
