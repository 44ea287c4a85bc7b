"""Hypothesis strategies for question banks as the importers produce them.

Every generated question is valid (`question_problems` is empty), uses positional answer
ids, and has only values GIFT can express: trimmed texts, no case-sensitive short answers,
no `->` where GIFT reads it as a matching arrow. Texts lean on the characters GIFT treats
specially so that escaping is exercised on every run.
"""

import itertools
from dataclasses import replace
from decimal import Decimal

from hypothesis import strategies as st

from learning.quiz.importing import ImportedQuestion
from learning.quiz.types import (
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionData,
    QuestionType,
    ShortAnswer,
    TextFormat,
    positional_id,
    true_false_choices,
)

SPECIAL = [*"\\:#={}~%[]-> *_/\n\t", "[html]", "[moodle]", "->", "####", "\\n", "//", "::"]
# Control characters too, except a carriage return (GIFT has no escape for it; dropped).
ANY_CHAR = st.characters(exclude_categories=("Cs", "Cn", "Co"), exclude_characters="\r")
PIECE = st.one_of(st.sampled_from(SPECIAL), ANY_CHAR, st.sampled_from("aiueoBKL"))

texts = st.lists(PIECE, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)
optional_texts = st.one_of(st.just(""), texts)
arrowless = texts.filter(lambda t: "->" not in t)
optional_arrowless = st.one_of(st.just(""), arrowless)

percent = st.integers(min_value=-100, max_value=100).map(lambda p: Decimal(p) / 100)
fine_fraction = st.decimals(min_value=-1, max_value=1, places=7)
fractions = st.one_of(percent, fine_fraction)
positive_fractions = fractions.map(abs)
numbers = st.decimals(min_value=-(10**6), max_value=10**6, places=4)
tolerances = st.decimals(min_value=0, max_value=1000, places=4)
safe_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOP0123456789-", min_size=1)
categories = st.lists(safe_names.map(lambda s: " ".join(s.split())).filter(bool), max_size=3).map(
    tuple
)
tokens = st.text(alphabet="abcdefghijkl-_.]0123456789", min_size=1, max_size=10)


def _with_a_full_mark(values: list[Decimal], index: int) -> list[Decimal]:
    values = list(values)
    values[index % len(values)] = Decimal(1)
    return values


@st.composite
def headers(draw, qtype: QuestionType) -> QuestionData:
    return QuestionData(
        qtype=qtype,
        name=draw(texts),
        text=draw(texts),
        text_format=draw(st.sampled_from(TextFormat)),
        general_feedback=draw(optional_texts),
    )


def _choices(draw, values: list[Decimal]) -> tuple[Choice, ...]:
    return tuple(
        Choice(positional_id("c", i), draw(texts), f, draw(optional_texts))
        for i, f in enumerate(values)
    )


@st.composite
def single_choice(draw) -> QuestionData:
    base = draw(headers(QuestionType.SINGLE_CHOICE))
    values = draw(st.lists(fractions, min_size=2, max_size=5))
    values = _with_a_full_mark(values, draw(st.integers(min_value=0)))
    return replace(base, choices=_choices(draw, values))


@st.composite
def multiple_response(draw) -> QuestionData:
    base = draw(headers(QuestionType.MULTIPLE_RESPONSE))
    cuts = sorted(draw(st.lists(st.integers(1, 99), max_size=3, unique=True)))
    bounds = [0, *cuts, 100]
    positives = [Decimal(b - a) / 100 for a, b in itertools.pairwise(bounds)]
    others = draw(st.lists(fractions.map(lambda f: -abs(f)), max_size=3))
    values = draw(st.permutations(positives + others))
    if len(values) < 2:
        values = [*values, Decimal(0)]
    return replace(base, choices=_choices(draw, values))


@st.composite
def true_false(draw) -> QuestionData:
    base = draw(headers(QuestionType.TRUE_FALSE))
    choices = true_false_choices(
        correct=draw(st.booleans()),
        true_feedback=draw(optional_texts),
        false_feedback=draw(optional_texts),
    )
    return replace(base, choices=choices)


@st.composite
def short_answer(draw) -> QuestionData:
    base = draw(headers(QuestionType.SHORT_ANSWER))
    values = draw(st.lists(positive_fractions, min_size=1, max_size=4))
    values = _with_a_full_mark(values, draw(st.integers(min_value=0)))
    answers = tuple(
        ShortAnswer(positional_id("s", i), draw(arrowless), f, draw(optional_arrowless))
        for i, f in enumerate(values)
    )
    return replace(base, short_answers=answers)


@st.composite
def numerical_answer(draw, answer_id: str, fraction: Decimal) -> NumericalAnswer:
    feedback = draw(optional_texts)
    kind = draw(st.sampled_from(["value", "range", "any"]))
    if kind == "value":
        return NumericalAnswer(
            answer_id, fraction, feedback, value=draw(numbers), tolerance=draw(tolerances)
        )
    if kind == "range":
        low, high = sorted([draw(numbers), draw(numbers)])
        return NumericalAnswer(answer_id, fraction, feedback, minimum=low, maximum=high)
    return NumericalAnswer(answer_id, fraction, feedback)


@st.composite
def numerical(draw) -> QuestionData:
    base = draw(headers(QuestionType.NUMERICAL))
    values = draw(st.lists(positive_fractions, min_size=1, max_size=4))
    values = _with_a_full_mark(values, draw(st.integers(min_value=0)))
    answers = tuple(draw(numerical_answer(positional_id("n", i), f)) for i, f in enumerate(values))
    return replace(base, numerical_answers=answers)


@st.composite
def matching(draw) -> QuestionData:
    base = draw(headers(QuestionType.MATCHING))
    lefts = draw(st.lists(arrowless, min_size=2, max_size=4))
    lefts += [""] * draw(st.integers(0, 2))
    lefts = draw(st.permutations(lefts))
    pairs = tuple(
        MatchPair(positional_id("p", i), left, draw(texts)) for i, left in enumerate(lefts)
    )
    return replace(base, pairs=pairs)


questions = st.one_of(
    single_choice(),
    multiple_response(),
    true_false(),
    short_answer(),
    numerical(),
    matching(),
    headers(QuestionType.ESSAY),
)

imported_questions = st.builds(
    ImportedQuestion,
    question=questions,
    category=categories,
    idnumber=st.one_of(st.just(""), tokens),
    tags=st.lists(tokens, max_size=3).map(tuple),
)

banks = st.lists(imported_questions, min_size=1, max_size=5)
