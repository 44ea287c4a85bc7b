"""Grading a response to a question, and a quiz's score over questions and attempts.

Semantics follow Moodle's so banks behave the same after an import. Fractions are Decimals
(no float rounding in marks); every question's fraction is floored at 0 and capped at 1.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import Any

from .types import FRACTION_EPSILON, QuestionData, QuestionType

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class GradeState(StrEnum):
    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG = "wrong"
    NEEDS_GRADING = "needs_grading"


@dataclass(frozen=True)
class GradeResult:
    fraction: Decimal
    state: GradeState
    # Ids of the answers whose feedback applies (the choices picked, the answer matched).
    feedback_ids: tuple[str, ...] = ()

    @classmethod
    def from_fraction(cls, fraction: Decimal, feedback_ids: tuple[str, ...] = ()) -> GradeResult:
        """Clamp to 0..1, snapping values within a millionth of 0 or 1 as Moodle does."""
        if fraction > ONE - FRACTION_EPSILON:
            return cls(ONE, GradeState.CORRECT, feedback_ids)
        if fraction < FRACTION_EPSILON:
            return cls(ZERO, GradeState.WRONG, feedback_ids)
        return cls(fraction, GradeState.PARTIAL, feedback_ids)


WRONG = GradeResult(ZERO, GradeState.WRONG)

# Longer "short answers" are not answers, and bounding them bounds wildcard matching time.
MAX_SHORT_ANSWER_LENGTH = 500


def grade(question: QuestionData, response: Any) -> GradeResult:
    """Grade one response. The expected response shape depends on the question type:

    - single choice, true/false: the chosen choice id (`str`);
    - multiple response: a collection of chosen choice ids;
    - short answer, essay: the text typed;
    - numerical: the text typed ("3,5" and "3.5" both work) or a number;
    - matching: a mapping of left-hand pair id to the option id of the answer picked
      (see `matching_options`).

    A missing or malformed response is wrong, never an error.
    """
    if question.qtype == QuestionType.ESSAY:
        return GradeResult(ZERO, GradeState.NEEDS_GRADING)
    if response is None:
        return WRONG
    return _GRADERS[question.qtype](question, response)


def _grade_single(question: QuestionData, response: Any) -> GradeResult:
    choice = question.choice(response) if isinstance(response, str) else None
    if choice is None:
        return WRONG
    return GradeResult.from_fraction(choice.fraction, (choice.id,))


def _grade_multiple(question: QuestionData, response: Any) -> GradeResult:
    if isinstance(response, str) or not isinstance(response, Collection):
        return WRONG
    picked = {r for r in response if isinstance(r, str)}
    chosen = tuple(c for c in question.choices if c.id in picked)
    total = sum((c.fraction for c in chosen), ZERO)
    return GradeResult.from_fraction(total, tuple(c.id for c in chosen))


def _grade_short_answer(question: QuestionData, response: Any) -> GradeResult:
    if not isinstance(response, str):
        return WRONG
    typed = normalize_text(response)
    if not typed or len(typed) > MAX_SHORT_ANSWER_LENGTH:
        return WRONG
    matches = [
        a
        for a in question.short_answers
        if wildcard_pattern(a.text, case_sensitive=question.case_sensitive).fullmatch(typed)
    ]
    if not matches:
        return WRONG
    best = max(matches, key=lambda a: a.fraction)
    return GradeResult.from_fraction(best.fraction, (best.id,))


def _grade_numerical(question: QuestionData, response: Any) -> GradeResult:
    number = parse_number(response)
    if number is None:
        return WRONG
    matches = [a for a in question.numerical_answers if a.accepts(number)]
    if not matches:
        return WRONG
    best = max(matches, key=lambda a: a.fraction)
    return GradeResult.from_fraction(best.fraction, (best.id,))


def _grade_matching(question: QuestionData, response: Any) -> GradeResult:
    if not isinstance(response, Mapping):
        return WRONG
    items = [p for p in question.pairs if p.question.strip()]
    right = sum(1 for p in items if response.get(p.id) == matching_option_id(p.answer))
    return GradeResult.from_fraction(Decimal(right) / Decimal(len(items)) if items else ZERO)


_GRADERS = {
    QuestionType.SINGLE_CHOICE: _grade_single,
    QuestionType.TRUE_FALSE: _grade_single,
    QuestionType.MULTIPLE_RESPONSE: _grade_multiple,
    QuestionType.SHORT_ANSWER: _grade_short_answer,
    QuestionType.NUMERICAL: _grade_numerical,
    QuestionType.MATCHING: _grade_matching,
}


def matching_option_id(answer: str) -> str:
    """The id of a right-hand answer of a matching question. It is derived from the answer
    text alone, so it says nothing about which item the answer belongs to (a pair id
    would), and items sharing one answer text share its option."""
    return "m" + hashlib.sha256(answer.encode()).hexdigest()[:16]


def matching_options(question: QuestionData) -> tuple[tuple[str, str], ...]:
    """The right-hand options of a matching question as (option id, text), one per distinct
    answer, in bank order; `presentation.present` shuffles them per attempt."""
    texts = dict.fromkeys(pair.answer for pair in question.pairs)
    return tuple((matching_option_id(text), text) for text in texts)


def normalize_text(text: str) -> str:
    """Trim, collapse inner whitespace and use one Unicode form, so that what a phone
    keyboard produces matches what the author typed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@lru_cache(maxsize=1024)
def wildcard_pattern(answer: str, *, case_sensitive: bool) -> re.Pattern[str]:
    """`*` matches any text; `\\*` is a literal asterisk (Moodle's short-answer rule)."""
    # Runs of wildcards are one wildcard: ".*.*" would only make the regex slower.
    pattern = re.sub(r"(?<!\\)\*+", "*", normalize_text(answer))
    pieces = re.split(r"(?<!\\)\*", pattern)
    regex = ".*".join(re.escape(piece.replace("\\*", "*")) for piece in pieces)
    flags = re.DOTALL if case_sensitive else re.DOTALL | re.IGNORECASE
    return re.compile(regex, flags)


MAX_NUMBER_LENGTH = 100
MAX_EXPONENT = 1000
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}([.,])\d{3}(\1\d{3})*([.,]\d+)?")


def parse_number(value: Any) -> Decimal | None:
    """Read a number as a pegawai types it: "3,5" and "3.5" are both three and a half,
    "1.000.000" and "1.000.000,5" use dots to group thousands. None when not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int):
        return _sane(Decimal(value))
    if not isinstance(value, str) or len(value) > MAX_NUMBER_LENGTH:
        return None
    text = value.strip().replace("\u2212", "-")  # a typographic minus sign
    grouped = _GROUPED.fullmatch(text)
    if grouped and (grouped.group(2) or grouped.group(3)):
        separator, decimals = grouped.group(1), grouped.group(3)
        if decimals and decimals[0] == separator:
            return None  # "1.000.5": grouping and decimals with the same mark
        text = text.replace(separator, "")
    elif not _NUMBER.fullmatch(text):
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return _sane(number)


def _sane(number: Decimal) -> Decimal | None:
    """Finite and of a size arithmetic cannot overflow on ("1e9999999" is not an answer)."""
    if not number.is_finite() or (number and abs(number.adjusted()) > MAX_EXPONENT):
        return None
    return number


# --- quiz level -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuizScore:
    points: Decimal
    max_points: Decimal
    percent: Decimal  # 0..100, rounded to 2 places: what is shown is what is compared
    pending: int  # questions still waiting for a manual grade

    @property
    def is_final(self) -> bool:
        return self.pending == 0


def quiz_score(grades: Sequence[GradeResult], marks: Sequence[Decimal]) -> QuizScore:
    """The score of one attempt: each question's fraction times its mark."""
    if len(grades) != len(marks):
        raise ValueError("grades and marks must have the same length")
    points = sum((g.fraction * m for g, m in zip(grades, marks, strict=True)), ZERO)
    max_points = sum(marks, ZERO)
    percent = points * HUNDRED / max_points if max_points else ZERO
    pending = sum(1 for g in grades if g.state == GradeState.NEEDS_GRADING)
    return QuizScore(points, max_points, round_percent(percent), pending)


def round_percent(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class GradingMethod(StrEnum):
    HIGHEST = "highest"
    AVERAGE = "average"
    FIRST = "first"
    LAST = "last"


def aggregate_attempts(method: GradingMethod, scores: Sequence[Decimal]) -> Decimal | None:
    """The quiz grade over finished attempts given in the order they were taken;
    None when there are none."""
    if not scores:
        return None
    if method == GradingMethod.HIGHEST:
        return max(scores)
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.LAST:
        return scores[-1]
    return round_percent(sum(scores, ZERO) / len(scores))


def is_passed(percent: Decimal | None, pass_mark: Decimal | None) -> bool:
    """Whether a grade reaches the pass mark (both in percent); no pass mark means any
    graded attempt passes."""
    if percent is None:
        return False
    return pass_mark is None or percent >= pass_mark
