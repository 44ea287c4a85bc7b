"""What a pegawai may see of a question while answering it.

`present()` keeps only texts and opaque keys: no fractions, feedback, accepted answers or
pairings, so a view or API that serialises a `PresentedQuestion` cannot leak an answer before
the review rules allow it. Even choice ids are hidden: importers number choices in file order
and authors tend to put the right one first, so the page shows per-attempt keys instead and
`decode_response()` turns the keys posted back into choice ids for grading.

`seed` is a per-attempt server secret (e.g. `secrets.token_hex()` stored on the attempt, plus
the question's slot); it fixes the shuffled order, so a refresh shows the same order, and the
keys. It must never be sent to the browser.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from .grading import matching_options
from .types import QuestionData, QuestionType, TextFormat

_CHOICE_TYPES = (
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_RESPONSE,
    QuestionType.TRUE_FALSE,
)


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class PresentedQuestion:
    qtype: QuestionType
    text: str
    text_format: TextFormat
    options: tuple[Option, ...] = ()  # choices, or the right-hand side of a matching question
    items: tuple[Option, ...] = ()  # the left-hand side of a matching question


def option_key(seed: str, choice_id: str) -> str:
    return "k" + hashlib.sha256(f"{seed}\x00{choice_id}".encode()).hexdigest()[:16]


def _shuffled(options: list[Option], seed: str) -> tuple[Option, ...]:
    # Order is presentation, not a secret: a seeded PRNG keeps it reproducible per attempt.
    random.Random(seed).shuffle(options)  # noqa: S311
    return tuple(options)


def present(question: QuestionData, *, seed: str) -> PresentedQuestion:
    """The question as shown in an attempt (see the module docstring for `seed`)."""
    base = PresentedQuestion(question.qtype, question.text, question.text_format)
    if question.qtype in _CHOICE_TYPES:
        options = [Option(option_key(seed, c.id), c.text) for c in question.choices]
    elif question.qtype == QuestionType.MATCHING:
        options = [Option(option_id, text) for option_id, text in matching_options(question)]
        items = tuple(Option(p.id, p.question) for p in question.pairs if p.question.strip())
        base = replace(base, items=items)
    else:
        return base
    # True/false always reads "Benar" then "Salah".
    if question.shuffle_answers and question.qtype != QuestionType.TRUE_FALSE:
        return replace(base, options=_shuffled(options, seed))
    return replace(base, options=tuple(options))


def decode_response(question: QuestionData, *, seed: str, response: Any) -> Any:
    """Turn the option keys a form posted back into the choice ids `grade()` expects;
    unknown keys are dropped, other question types pass through unchanged."""
    if question.qtype not in _CHOICE_TYPES:
        return response
    ids = {option_key(seed, c.id): c.id for c in question.choices}
    if question.qtype == QuestionType.MULTIPLE_RESPONSE:
        if isinstance(response, str) or not isinstance(response, Collection):
            return []
        return [ids[key] for key in response if isinstance(key, str) and key in ids]
    return ids.get(response) if isinstance(response, str) else None
