import json
from dataclasses import asdict
from decimal import Decimal as D

import pytest

from learning.quiz.grading import GradeState, grade
from learning.quiz.presentation import Option, decode_response, option_key, present
from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    true_false_choices,
)

SECRET = "RAHASIA"

CHOICES = QuestionData(
    QuestionType.MULTIPLE_RESPONSE,
    "Nama kunci " + SECRET,
    "Pilih perilaku kolaboratif.",
    general_feedback=SECRET,
    choices=tuple(
        Choice(f"c{i}", f"Pilihan {i}", D("0.125") if i < 8 else D(-1), SECRET) for i in range(9)
    ),
)
MATCHING = QuestionData(
    QuestionType.MATCHING,
    "Jodoh",
    "Pasangkan.",
    pairs=(
        MatchPair("p1", "BP", "Berorientasi Pelayanan"),
        MatchPair("p2", "AK", "Akuntabel"),
        MatchPair("p3", "AK-1", "Akuntabel"),
        MatchPair("p4", "", "Adaptif"),
    ),
)


def serialised(presented):
    return json.dumps(asdict(presented), default=str)


@pytest.mark.parametrize(
    "question",
    [
        CHOICES,
        QuestionData(
            QuestionType.TRUE_FALSE,
            "TF",
            "SKP tahunan.",
            general_feedback=SECRET,
            choices=true_false_choices(correct=True, true_feedback=SECRET, false_feedback=SECRET),
        ),
        QuestionData(
            QuestionType.SHORT_ANSWER,
            "S",
            "Nama aplikasi?",
            short_answers=(ShortAnswer("s1", SECRET, D(1), SECRET),),
        ),
        QuestionData(
            QuestionType.NUMERICAL,
            "N",
            "Berapa?",
            numerical_answers=(NumericalAnswer("n1", D(1), SECRET, value=D("424242")),),
        ),
    ],
    ids=lambda q: q.qtype.value,
)
def test_nothing_that_reveals_an_answer_is_presented(question):
    text = serialised(present(question, seed="percobaan-1"))
    for secret in (SECRET, "fraction", "feedback", "424242", "0.125"):
        assert secret not in text


def test_matching_options_do_not_point_at_their_items():
    presented = present(MATCHING, seed="x")
    assert [item.id for item in presented.items] == ["p1", "p2", "p3"]
    option_ids = {option.id for option in presented.options}
    assert option_ids.isdisjoint({"p1", "p2", "p3", "p4"})
    assert sorted(o.text for o in presented.options) == [
        "Adaptif",
        "Akuntabel",
        "Berorientasi Pelayanan",
    ]
    by_text = {o.text: o.id for o in presented.options}
    response = {
        "p1": by_text["Berorientasi Pelayanan"],
        "p2": by_text["Akuntabel"],
        "p3": by_text["Akuntabel"],
    }
    assert grade(MATCHING, response).state == GradeState.CORRECT


def test_choice_ids_are_hidden_behind_per_attempt_keys():
    shown = present(CHOICES, seed="rahasia-percobaan-1").options
    assert all(o.id not in {c.id for c in CHOICES.choices} for o in shown)
    other = {o.id for o in present(CHOICES, seed="rahasia-percobaan-2").options}
    assert other.isdisjoint(o.id for o in shown)


def test_shuffle_is_reproducible_per_seed_and_varies_between_seeds():
    first = present(CHOICES, seed="percobaan-1:soal-3")
    assert present(CHOICES, seed="percobaan-1:soal-3") == first
    orders = {tuple(o.text for o in present(CHOICES, seed=f"s{i}").options) for i in range(10)}
    assert len(orders) > 1
    assert sorted(o.text for o in first.options) == sorted(c.text for c in CHOICES.choices)


def test_posted_keys_decode_to_ids_and_grade_whatever_the_order():
    for seed in ("a", "b", "c"):
        shown = present(CHOICES, seed=seed).options
        posted = [o.id for o in shown if o.text != "Pilihan 8"]
        picked = decode_response(CHOICES, seed=seed, response=posted)
        assert sorted(picked) == [f"c{i}" for i in range(8)]
        assert grade(CHOICES, picked).state == GradeState.CORRECT


def test_keys_from_another_attempt_or_raw_ids_are_worthless():
    stale = [o.id for o in present(CHOICES, seed="lama").options]
    assert decode_response(CHOICES, seed="baru", response=stale) == []
    assert decode_response(CHOICES, seed="baru", response=["c0", "c1"]) == []
    assert decode_response(CHOICES, seed="baru", response="c0") == []
    single = QuestionData(
        QuestionType.SINGLE_CHOICE,
        "S",
        "Pilih.",
        choices=(Choice("c1", "Satu", D(1)), Choice("c2", "Dua", D(0))),
    )
    key = option_key("s", "c1")
    assert decode_response(single, seed="s", response=key) == "c1"
    assert decode_response(single, seed="s", response="c1") is None
    assert decode_response(single, seed="s", response=[key]) is None
    assert decode_response(MATCHING, seed="s", response={"p1": "x"}) == {"p1": "x"}


def test_unshuffled_and_true_false_keep_bank_order():
    fixed = QuestionData(
        QuestionType.SINGLE_CHOICE,
        "S",
        "Urutan tetap.",
        choices=(Choice("c1", "Satu", D(1)), Choice("c2", "Dua", D(0)), Choice("c3", "Tiga", D(0))),
        shuffle_answers=False,
    )
    assert present(fixed, seed="any").options == tuple(
        Option(option_key("any", c.id), c.text) for c in fixed.choices
    )
    tf = QuestionData(QuestionType.TRUE_FALSE, "T", "x", choices=true_false_choices(correct=False))
    assert [o.text for o in present(tf, seed="any").options] == ["Benar", "Salah"]


def test_essay_has_no_options():
    essay = present(QuestionData(QuestionType.ESSAY, "E", "Ceritakan."), seed="x")
    assert (essay.text, essay.options, essay.items) == ("Ceritakan.", (), ())
