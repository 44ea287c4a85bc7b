"""Reads for quiz pages. The attempt view model is built field by field from the frozen
revision: nothing that reveals an answer (fractions, feedback, accepted answers) is put in
it unless the review rules allow, so a template cannot leak what it never receives."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from wagtail.models import Page, Revision

from learning.models import Enrolment
from learning.quiz.grading import GradingMethod, aggregate_attempts, is_passed, matching_options
from learning.quiz.models import AttemptState, QuizAnswer, QuizAttempt, QuizPage
from learning.quiz.safe_text import render_inline, render_text
from learning.quiz.types import NumericalAnswer, QuestionData, QuestionType, TextFormat

if TYPE_CHECKING:
    from accounts.models import User


@dataclass(frozen=True)
class Slot:
    """One question of an attempt, as frozen when the attempt started."""

    number: int
    question_id: int
    revision_id: int
    mark: Decimal
    order: tuple[str, ...]  # choice ids, or matching option ids, in the order shown
    data: QuestionData


def attempt_slots(attempt: QuizAttempt) -> list[Slot]:
    """The attempt's questions from their revisions, in one query."""
    revision_ids = [entry["revision"] for entry in attempt.layout]
    contents = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
    return [
        Slot(
            number=entry["slot"],
            question_id=entry["question"],
            revision_id=entry["revision"],
            mark=Decimal(entry["mark"]),
            order=tuple(entry.get("order", ())),
            data=QuestionData.from_json(contents[entry["revision"]]["data"]),
        )
        for entry in attempt.layout
    ]


def deadline_with_grace(attempt: QuizAttempt) -> datetime.datetime | None:
    if attempt.deadline is None:
        return None
    return attempt.deadline + datetime.timedelta(seconds=attempt.quiz.grace_seconds)


# --- the attempt form (before review: no answers, ever) ---------------------------------


@dataclass(frozen=True)
class Option:
    """A choice as the form shows it. The browser posts `value`, its position in this
    attempt's shuffled order: bank ids follow file order (the right answer is often
    written first) and a matching option's id is its item's id, so ids never go out."""

    id: str  # server side only, to mark what was chosen; never rendered
    value: str
    html: SafeString


@dataclass(frozen=True)
class MatchItem:
    id: str
    html: SafeString
    chosen: str


@dataclass
class SlotView:
    number: int
    qtype: str
    html: SafeString
    mark: Decimal
    options: list[Option] = field(default_factory=list)
    items: list[MatchItem] = field(default_factory=list)
    response: Any = None
    # Review only; left empty on the attempt form.
    review: dict[str, Any] = field(default_factory=dict)

    @property
    def chosen(self) -> set[str]:
        if isinstance(self.response, list):
            return set(self.response)
        return {self.response} if isinstance(self.response, str) else set()

    @property
    def text_response(self) -> str:
        return self.response if isinstance(self.response, str) else ""


def _options(slot: Slot) -> list[Option]:
    data = slot.data
    fmt = data.text_format
    if data.qtype == QuestionType.MATCHING:
        texts = {oid: render_text(text, TextFormat.PLAIN) for oid, text in matching_options(data)}
    else:
        texts = {c.id: render_text(c.text, fmt) for c in data.choices}
    return [Option(i, str(n), texts[i]) for n, i in enumerate(slot.order) if i in texts]


def _slot_view(slot: Slot, response: Any) -> SlotView:
    data = slot.data
    view = SlotView(
        number=slot.number,
        qtype=data.qtype.value,
        html=render_text(data.text, data.text_format),
        mark=slot.mark,
        options=_options(slot),
        response=response,
    )
    if data.qtype == QuestionType.MATCHING:
        chosen = response if isinstance(response, dict) else {}
        view.items = [
            MatchItem(p.id, render_inline(p.question, data.text_format), chosen.get(p.id, ""))
            for p in data.pairs
            if p.question.strip()
        ]
    return view


def attempt_form(attempt: QuizAttempt) -> dict[str, Any]:
    responses = dict(attempt.answers.values_list("slot", "response"))
    slots = [_slot_view(slot, responses.get(slot.number)) for slot in attempt_slots(attempt)]
    return {"attempt": attempt, "slots": slots, "deadline": attempt.deadline}


# --- review -----------------------------------------------------------------------------


def review_flags(quiz: QuizPage, now: datetime.datetime | None = None) -> dict[str, bool]:
    return {
        item: quiz.review_allows(item, now)
        for item in ("answers", "correctness", "marks", "feedback", "right_answers")
    }


def _right_answers(data: QuestionData) -> list[SafeString]:
    """The right answers as safe HTML: choice and item text goes through the sanitiser like
    the question text (HTML banks would otherwise show escaped markup)."""
    fmt = data.text_format
    if data.qtype in (QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE):
        return [render_inline(c.text, fmt) for c in data.choices if c.fraction >= 1]
    if data.qtype == QuestionType.MULTIPLE_RESPONSE:
        return [render_inline(c.text, fmt) for c in data.choices if c.fraction > 0]
    plain = TextFormat.PLAIN
    if data.qtype == QuestionType.SHORT_ANSWER:
        return [render_inline(a.text, plain) for a in data.short_answers if a.fraction >= 1]
    if data.qtype == QuestionType.NUMERICAL:
        return [
            render_inline(_numerical_text(a), plain)
            for a in data.numerical_answers
            if a.fraction >= 1
        ]
    if data.qtype == QuestionType.MATCHING:
        return [
            format_html("{} → {}", render_inline(p.question, fmt), p.answer)
            for p in data.pairs
            if p.question.strip()
        ]
    return []


def _numerical_text(answer: NumericalAnswer) -> str:
    if answer.is_range:
        return f"{answer.minimum} – {answer.maximum}"
    if answer.value is None:
        return "*"
    return f"{answer.value} ± {answer.tolerance}" if answer.tolerance else str(answer.value)


def _feedback(data: QuestionData, answer: QuizAnswer | None) -> list[SafeString]:
    ids = set(answer.feedback_ids if answer else [])
    texts = [c.feedback for c in data.choices if c.id in ids]
    texts += [a.feedback for a in data.short_answers if a.id in ids]
    texts += [a.feedback for a in data.numerical_answers if a.id in ids]
    texts.append(data.general_feedback)
    if answer and answer.grader_comment:
        texts.append(answer.grader_comment)
    return [render_text(t, data.text_format) for t in texts if t.strip()]


def attempt_review(attempt: QuizAttempt, now: datetime.datetime | None = None) -> dict[str, Any]:
    flags = review_flags(attempt.quiz, now)
    answers = {a.slot: a for a in attempt.answers.all()}
    slots = []
    for slot in attempt_slots(attempt):
        answer = answers.get(slot.number)
        view = _slot_view(slot, answer.response if answer and flags["answers"] else None)
        if flags["correctness"] and answer:
            view.review["state"] = answer.grade_state or "wrong"
        if flags["marks"]:
            fraction = answer.fraction if answer and answer.fraction is not None else None
            view.review["points"] = None if fraction is None else round(fraction * slot.mark, 2)
        if flags["feedback"]:
            view.review["feedback"] = _feedback(slot.data, answer)
        if flags["right_answers"]:
            view.review["right"] = _right_answers(slot.data)
        slots.append(view)
    return {"attempt": attempt, "slots": slots, "flags": flags}


# --- the quiz grade and landing page ---------------------------------------------------


@dataclass(frozen=True)
class QuizGrade:
    percent: Decimal | None
    passed: bool


def quiz_grade(*, quiz: QuizPage, user: User) -> QuizGrade:
    scores = [
        score
        for score in QuizAttempt.objects.filter(
            quiz=quiz, user=user, state=AttemptState.FINISHED, pending=0, score__isnull=False
        )
        .order_by("number")
        .values_list("score", flat=True)
        if score is not None
    ]
    percent = aggregate_attempts(GradingMethod(quiz.grading_method), scores)
    return QuizGrade(percent, bool(scores) and is_passed(percent, quiz.pass_mark))


def quiz_landing(*, quiz: QuizPage, user: User) -> dict[str, Any]:
    course = quiz.get_parent()
    if not user.is_authenticated:
        return {"attempts": [], "enrolled": False, "course": course}
    attempts = list(QuizAttempt.objects.filter(quiz=quiz, user=user).order_by("number"))
    in_progress = next((a for a in attempts if a.is_in_progress), None)
    used = sum(1 for a in attempts if not a.is_in_progress)
    left = None if quiz.max_attempts == 0 else max(0, quiz.max_attempts - used)
    now = timezone.now()
    return {
        "attempts": attempts,
        "in_progress": in_progress,
        "attempts_left": left,
        "grade": quiz_grade(quiz=quiz, user=user),
        "course": course,
        "enrolled": Enrolment.objects.filter(user=user, course_id=course.pk).exists(),
        "not_open_yet": bool(quiz.open_at and now < quiz.open_at),
        "closed": quiz.is_closed(now),
        "can_review": review_flags(quiz, now),
    }


def course_quizzes(course: Page) -> list[QuizPage]:
    """The live quizzes of a course, for the course page: the pre-test first."""
    return list(QuizPage.objects.child_of(course).live().order_by("-is_pretest", "path"))
