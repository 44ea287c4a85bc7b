"""A question version as plain, immutable data.

A `QuestionData` is what a question revision stores (as JSON, see `to_json`) and what an
attempt is graded against, so grading never depends on the question's current state in the
database. Answers carry stable string ids: responses refer to ids, never to positions, so
shuffling choices per attempt cannot change a grade.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

JSON_VERSION = 1

# Moodle treats fractions within a millionth of 0 or 1 as exactly 0 or 1 (three answers
# weighted 33.33333% add up to 99.99999%); we use the same tolerance everywhere.
FRACTION_EPSILON = Decimal("0.000001")

TRUE_ID = "true"
FALSE_ID = "false"


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    MATCHING = "matching"
    ESSAY = "essay"


# What the admin shows for each type (the codes are identifiers, never UI text).
QUESTION_TYPE_LABELS = {
    QuestionType.SINGLE_CHOICE: gettext_lazy("Pilihan ganda"),
    QuestionType.MULTIPLE_RESPONSE: gettext_lazy("Pilihan ganda kompleks"),
    QuestionType.TRUE_FALSE: gettext_lazy("Benar/salah"),
    QuestionType.SHORT_ANSWER: gettext_lazy("Isian singkat"),
    QuestionType.NUMERICAL: gettext_lazy("Angka"),
    QuestionType.MATCHING: gettext_lazy("Menjodohkan"),
    QuestionType.ESSAY: gettext_lazy("Uraian"),
}


def question_type_label(qtype: str) -> str:
    """The Indonesian name of a type code (the code itself if it is unknown)."""
    try:
        return str(QUESTION_TYPE_LABELS[QuestionType(qtype)])
    except ValueError:
        return qtype


class TextFormat(StrEnum):
    """How question text is written; the renderer must sanitise every format."""

    HTML = "html"
    MOODLE = "moodle"  # Moodle's "auto-format": plain text with line breaks, some HTML
    PLAIN = "plain"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class Choice:
    """An option of a single choice, multiple response or true/false question."""

    id: str
    text: str
    fraction: Decimal  # share of the question's mark, -1..1
    feedback: str = ""


@dataclass(frozen=True)
class ShortAnswer:
    """An accepted short answer; `*` matches any text, `\\*` a literal asterisk."""

    id: str
    text: str
    fraction: Decimal  # 0..1
    feedback: str = ""


@dataclass(frozen=True)
class NumericalAnswer:
    """An accepted number: `value` ± `tolerance`, or `minimum`..`maximum`, or any number.

    An answer with neither a value nor a range accepts every number; Moodle writes it `*`
    and uses it (with fraction 0) to give feedback on all other answers.
    """

    id: str
    fraction: Decimal  # 0..1
    feedback: str = ""
    value: Decimal | None = None
    tolerance: Decimal = Decimal(0)
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    @property
    def is_range(self) -> bool:
        return self.minimum is not None or self.maximum is not None

    @property
    def accepts_any(self) -> bool:
        return self.value is None and not self.is_range

    def accepts(self, number: Decimal) -> bool:
        if self.value is not None:
            return abs(number - self.value) <= self.tolerance
        if self.minimum is not None and self.maximum is not None:
            return self.minimum <= number <= self.maximum
        return self.accepts_any


@dataclass(frozen=True)
class MatchPair:
    """A left-hand item and its right-hand answer; an empty `question` is a distractor."""

    id: str
    question: str
    answer: str


@dataclass(frozen=True)
class QuestionData:
    qtype: QuestionType
    name: str
    text: str
    text_format: TextFormat = TextFormat.HTML
    general_feedback: str = ""
    choices: tuple[Choice, ...] = ()
    short_answers: tuple[ShortAnswer, ...] = ()
    case_sensitive: bool = False  # short answer only (Moodle's "usecase")
    numerical_answers: tuple[NumericalAnswer, ...] = ()
    pairs: tuple[MatchPair, ...] = ()
    shuffle_answers: bool = True  # choices and matching right-hand sides

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def to_json(self) -> dict[str, Any]:
        """A JSON-compatible dict (Decimals as strings) that `from_json` reads back."""
        return {
            "v": JSON_VERSION,
            "qtype": self.qtype.value,
            "name": self.name,
            "text": self.text,
            "text_format": self.text_format.value,
            "general_feedback": self.general_feedback,
            "choices": [
                {"id": c.id, "text": c.text, "fraction": str(c.fraction), "feedback": c.feedback}
                for c in self.choices
            ],
            "short_answers": [
                {"id": a.id, "text": a.text, "fraction": str(a.fraction), "feedback": a.feedback}
                for a in self.short_answers
            ],
            "case_sensitive": self.case_sensitive,
            "numerical_answers": [_numerical_to_json(a) for a in self.numerical_answers],
            "pairs": [{"id": p.id, "question": p.question, "answer": p.answer} for p in self.pairs],
            "shuffle_answers": self.shuffle_answers,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuestionData:
        if data.get("v") != JSON_VERSION:
            raise ValueError(f"unsupported question JSON version: {data.get('v')!r}")
        return cls(
            qtype=QuestionType(data["qtype"]),
            name=data["name"],
            text=data["text"],
            text_format=TextFormat(data["text_format"]),
            general_feedback=data["general_feedback"],
            choices=tuple(
                Choice(c["id"], c["text"], Decimal(c["fraction"]), c["feedback"])
                for c in data["choices"]
            ),
            short_answers=tuple(
                ShortAnswer(a["id"], a["text"], Decimal(a["fraction"]), a["feedback"])
                for a in data["short_answers"]
            ),
            case_sensitive=bool(data["case_sensitive"]),
            numerical_answers=tuple(_numerical_from_json(a) for a in data["numerical_answers"]),
            pairs=tuple(MatchPair(p["id"], p["question"], p["answer"]) for p in data["pairs"]),
            shuffle_answers=bool(data["shuffle_answers"]),
        )


def _decimal_or_none(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _numerical_to_json(answer: NumericalAnswer) -> dict[str, Any]:
    return {
        "id": answer.id,
        "fraction": str(answer.fraction),
        "feedback": answer.feedback,
        "value": _decimal_or_none(answer.value),
        "tolerance": str(answer.tolerance),
        "minimum": _decimal_or_none(answer.minimum),
        "maximum": _decimal_or_none(answer.maximum),
    }


def _numerical_from_json(data: Mapping[str, Any]) -> NumericalAnswer:
    def dec(key: str) -> Decimal | None:
        return None if data[key] is None else Decimal(data[key])

    return NumericalAnswer(
        id=data["id"],
        fraction=Decimal(data["fraction"]),
        feedback=data["feedback"],
        value=dec("value"),
        tolerance=Decimal(data["tolerance"]),
        minimum=dec("minimum"),
        maximum=dec("maximum"),
    )


def true_false_choices(
    *, correct: bool, true_feedback: str = "", false_feedback: str = ""
) -> tuple[Choice, Choice]:
    """The two choices of a true/false question, with the ids responses use."""
    one, zero = Decimal(1), Decimal(0)
    return (
        Choice(TRUE_ID, _("Benar"), one if correct else zero, true_feedback),
        Choice(FALSE_ID, _("Salah"), zero if correct else one, false_feedback),
    )


def positional_id(prefix: str, index: int) -> str:
    """Ids importers give answers: formats without ids number them in file order."""
    return f"{prefix}{index + 1}"


# --- validation -----------------------------------------------------------------------

_PARTS_BY_TYPE: dict[QuestionType, frozenset[str]] = {
    QuestionType.SINGLE_CHOICE: frozenset({"choices"}),
    QuestionType.MULTIPLE_RESPONSE: frozenset({"choices"}),
    QuestionType.TRUE_FALSE: frozenset({"choices"}),
    QuestionType.SHORT_ANSWER: frozenset({"short_answers"}),
    QuestionType.NUMERICAL: frozenset({"numerical_answers"}),
    QuestionType.MATCHING: frozenset({"pairs"}),
    QuestionType.ESSAY: frozenset(),
}
_ALL_PARTS = ("choices", "short_answers", "numerical_answers", "pairs")


def question_problems(question: QuestionData) -> list[str]:
    """Why this question cannot be used, in Indonesian; empty when it is valid.

    The rules follow Moodle's own (one answer must be worth 100%, the positive weights of a
    multiple response question must add up to 100%...) so that every question can be
    answered for full marks and banks move between the two systems unchanged.
    """
    problems: list[str] = []
    if not question.name.strip():
        problems.append(_("Nama soal kosong."))
    if not question.text.strip():
        problems.append(_("Teks soal kosong."))
    allowed = _PARTS_BY_TYPE[question.qtype]
    for part in _ALL_PARTS:
        if part not in allowed and getattr(question, part):
            problems.append(
                _("Soal jenis ini tidak boleh memiliki bagian %(part)s.") % {"part": part}
            )
    problems += _TYPE_CHECKS[question.qtype](question)
    return problems


def _ids_problems(items: tuple[Any, ...]) -> list[str]:
    ids = [item.id for item in items]
    if any(not i for i in ids):
        return [_("Setiap jawaban harus memiliki id.")]
    if len(set(ids)) != len(ids):
        return [_("Id jawaban harus unik.")]
    return []


def _fraction_range_problems(fractions: list[Decimal], low: Decimal) -> list[str]:
    if any(not (f.is_finite() and low <= f <= 1) for f in fractions):
        return [
            _("Bobot jawaban harus antara %(low)s%% dan 100%%.") % {"low": format(low * 100, "f")}
        ]
    return []


def _max_is_full(fractions: list[Decimal]) -> list[str]:
    finite = [f for f in fractions if f.is_finite()]
    if finite and abs(max(finite) - 1) > FRACTION_EPSILON:
        return [_("Salah satu jawaban harus bernilai 100%.")]
    return []


def _choice_problems(question: QuestionData) -> list[str]:
    choices = question.choices
    problems = _ids_problems(choices)
    if len(choices) < 2:
        problems.append(_("Soal pilihan membutuhkan sedikitnya dua pilihan."))
    if any(not c.text.strip() for c in choices):
        problems.append(_("Teks pilihan tidak boleh kosong."))
    fractions = [c.fraction for c in choices]
    problems += _fraction_range_problems(fractions, Decimal(-1))
    if question.qtype == QuestionType.MULTIPLE_RESPONSE:
        positive = sum((f for f in fractions if f.is_finite() and f > 0), Decimal(0))
        if abs(positive - 1) > FRACTION_EPSILON:
            problems.append(
                _("Jumlah bobot positif pilihan harus 100%% (sekarang %(sum)s%%).")
                % {"sum": format((positive * 100).normalize(), "f")}
            )
    else:
        problems += _max_is_full(fractions)
    return problems


def _true_false_problems(question: QuestionData) -> list[str]:
    by_id = {c.id: c.fraction for c in question.choices}
    if set(by_id) != {TRUE_ID, FALSE_ID} or len(question.choices) != 2:
        return [_("Soal benar/salah harus memiliki tepat pilihan 'true' dan 'false'.")]
    if not all(f.is_finite() for f in by_id.values()) or sorted(by_id.values()) != [0, 1]:
        return [_("Tepat satu dari pilihan benar/salah harus bernilai 100%.")]
    return []


def _short_answer_problems(question: QuestionData) -> list[str]:
    answers = question.short_answers
    problems = _ids_problems(answers)
    if not answers:
        problems.append(_("Soal isian singkat membutuhkan sedikitnya satu jawaban."))
    if any(not a.text.strip() for a in answers):
        problems.append(_("Jawaban isian singkat tidak boleh kosong."))
    fractions = [a.fraction for a in answers]
    return problems + _fraction_range_problems(fractions, Decimal(0)) + _max_is_full(fractions)


def _numerical_answer_problems(answer: NumericalAnswer) -> list[str]:
    numbers = (answer.value, answer.minimum, answer.maximum, answer.tolerance)
    if any(d is not None and not d.is_finite() for d in numbers):
        return [_("Jawaban angka harus berupa bilangan terhingga.")]
    if answer.is_range:
        if answer.minimum is None or answer.maximum is None or answer.value is not None:
            return [_("Rentang jawaban angka harus memiliki batas bawah dan batas atas.")]
        if answer.minimum > answer.maximum:
            return [_("Batas bawah rentang tidak boleh melebihi batas atas.")]
    if answer.tolerance < 0:
        return [_("Toleransi jawaban angka tidak boleh negatif.")]
    return []


def _numerical_problems(question: QuestionData) -> list[str]:
    answers = question.numerical_answers
    problems = _ids_problems(answers)
    if not answers:
        problems.append(_("Soal angka membutuhkan sedikitnya satu jawaban."))
    for answer in answers:
        problems += _numerical_answer_problems(answer)
    fractions = [a.fraction for a in answers]
    return problems + _fraction_range_problems(fractions, Decimal(0)) + _max_is_full(fractions)


def _matching_problems(question: QuestionData) -> list[str]:
    pairs = question.pairs
    problems = _ids_problems(pairs)
    if sum(1 for p in pairs if p.question.strip()) < 2:
        problems.append(_("Soal menjodohkan membutuhkan sedikitnya dua pasangan."))
    if any(not p.answer.strip() for p in pairs):
        problems.append(_("Setiap pasangan harus memiliki jawaban di sisi kanan."))
    return problems


_TYPE_CHECKS = {
    QuestionType.SINGLE_CHOICE: _choice_problems,
    QuestionType.MULTIPLE_RESPONSE: _choice_problems,
    QuestionType.TRUE_FALSE: _true_false_problems,
    QuestionType.SHORT_ANSWER: _short_answer_problems,
    QuestionType.NUMERICAL: _numerical_problems,
    QuestionType.MATCHING: _matching_problems,
    QuestionType.ESSAY: lambda question: [],
}
