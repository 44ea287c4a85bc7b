"""State changes of quizzes: start, save, submit (grade), auto-close and hand grading.

Every write to an attempt locks its row first (`select_for_update`), so a save racing a
submit, two submits from two tabs, or a submit racing the auto-close task all see one
consistent state: whoever comes second finds the attempt finished and changes nothing.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from accounts.roles import Role, has_any_role
from learning import services as learning_services
from learning.models import Enrolment
from learning.quiz.grading import GradeResult, GradeState, grade, is_passed, quiz_score
from learning.quiz.models import (
    AttemptState,
    Question,
    QuizAnswer,
    QuizAttempt,
    QuizPage,
)
from learning.quiz.selectors import Slot, attempt_slots, deadline_with_grace
from learning.quiz.types import QuestionData, QuestionType
from learning.scopes import manages_user

if TYPE_CHECKING:
    from accounts.models import User

MAX_TEXT_RESPONSE = 255
MAX_ESSAY_RESPONSE = 20_000


class AttemptClosed(Exception):
    """The attempt is no longer in progress: a second submit, a stale tab, a late save."""

    def __init__(self, attempt: QuizAttempt) -> None:
        super().__init__(attempt.pk)
        self.attempt = attempt


# --- start ------------------------------------------------------------------------------


def _course_id(quiz: QuizPage) -> int:
    course_id: int = quiz.get_parent().pk
    return course_id


def _start_problems(*, user: User, quiz: QuizPage, now: datetime.datetime) -> str | None:
    if not quiz.live:
        return _("Kuis ini tidak tersedia.")
    if not Enrolment.objects.filter(user=user, course_id=_course_id(quiz)).exists():
        return _("Daftar ke kursus ini terlebih dahulu.")
    if quiz.open_at and now < quiz.open_at:
        return _("Kuis ini belum dibuka.")
    if quiz.is_closed(now):
        return _("Kuis ini sudah ditutup.")
    used = QuizAttempt.objects.filter(user=user, quiz=quiz).count()
    if quiz.max_attempts and used >= quiz.max_attempts:
        return _("Batas percobaan kuis ini sudah habis.")
    return None


def attempt_start(*, user: User, quiz: QuizPage, rng: random.Random | None = None) -> QuizAttempt:
    """Start an attempt, or return the one in progress (a second tab resumes it)."""
    if not user.is_authenticated:
        raise PermissionDenied
    now = timezone.now()
    current = QuizAttempt.objects.filter(
        user=user, quiz=quiz, state=AttemptState.IN_PROGRESS
    ).first()
    if current and not _is_overdue(current, now):
        return current
    if current:
        attempt_autoclose(attempt_id=current.pk)
    problem = _start_problems(user=user, quiz=quiz, now=now)
    if problem:
        raise ValidationError(problem)
    layout = build_layout(quiz, rng or random.SystemRandom())
    if not layout:
        raise ValidationError(_("Kuis ini belum memiliki soal."))
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    limit = quiz.time_limit_minutes
    attempt = QuizAttempt(
        user=user,
        quiz=quiz,
        number=number,
        started_at=now,
        deadline=now + datetime.timedelta(minutes=limit) if limit else None,
        layout=layout,
    )
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:  # a double click raced us: resume the attempt it created
        return QuizAttempt.objects.get(user=user, quiz=quiz, state=AttemptState.IN_PROGRESS)
    log(instance=quiz, action="learning.quiz.attempt_start", user=user, data={"attempt": number})
    return attempt


def _drawn_questions(quiz: QuizPage, rng: random.Random) -> list[tuple[Question, Decimal]]:
    fixed = [
        (slot.question, slot.mark)
        for slot in quiz.fixed_questions.select_related("question__latest_revision")
    ]
    if not quiz.random_count or not (quiz.random_category_id or quiz.random_tag):
        return fixed
    pool = Question.objects.exclude(pk__in=[q.pk for q, _mark in fixed])
    if quiz.random_category is not None:
        pool = pool.filter(category_id__in=quiz.random_category.descendant_ids())
    if quiz.random_tag:
        pool = pool.filter(tags__name=quiz.random_tag)
    ids = sorted(set(pool.values_list("pk", flat=True)))
    picked = rng.sample(ids, min(quiz.random_count, len(ids)))
    drawn = Question.objects.filter(pk__in=picked).select_related("latest_revision")
    return fixed + [(q, quiz.random_mark) for q in drawn]


def _shown_order(data: QuestionData, shuffle: bool, rng: random.Random) -> list[str]:
    if data.qtype == QuestionType.MATCHING:
        from learning.quiz.grading import matching_options

        ids = [pair_id for pair_id, _text in matching_options(data)]
    else:
        ids = [c.id for c in data.choices]
    if shuffle and data.shuffle_answers and data.qtype != QuestionType.TRUE_FALSE:
        rng.shuffle(ids)
    return ids


def build_layout(quiz: QuizPage, rng: random.Random) -> list[dict[str, Any]]:
    """Freeze what this attempt shows: questions (revision ids), marks and orders."""
    drawn = _drawn_questions(quiz, rng)
    if quiz.shuffle_questions:
        rng.shuffle(drawn)
    layout = []
    for number, (question, mark) in enumerate(drawn, start=1):
        revision = question.latest_revision or question.save_revision(log_action=False)
        # The order comes from the revision shown, the same data grading will use.
        data = QuestionData.from_json(revision.content["data"])
        layout.append(
            {
                "slot": number,
                "question": question.pk,
                "revision": revision.pk,
                "mark": str(mark),
                "order": _shown_order(data, quiz.shuffle_choices, rng),
            }
        )
    return layout


# --- responses --------------------------------------------------------------------------


def _response_for(slot: Slot, data: QueryDict) -> Any:
    """The response to one slot read from submitted form data. Choices arrive as their
    position in the attempt's order (see `selectors.Option`) and leave as ids; anything
    else is dropped, texts are cut to a sane length."""
    key = f"q{slot.number}"
    qtype = slot.data.qtype
    by_position = {str(n): choice_id for n, choice_id in enumerate(slot.order)}
    if qtype in (QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE):
        return by_position.get(data.get(key, ""))
    if qtype == QuestionType.MULTIPLE_RESPONSE:
        return sorted({by_position[v] for v in data.getlist(key) if v in by_position})
    if qtype == QuestionType.MATCHING:
        items = [p.id for p in slot.data.pairs if p.question.strip()]
        chosen = {i: by_position.get(data.get(f"{key}-{i}", "")) for i in items}
        return {i: v for i, v in chosen.items() if v} or None
    limit = MAX_ESSAY_RESPONSE if qtype == QuestionType.ESSAY else MAX_TEXT_RESPONSE
    value = data.get(key, "")
    return value[:limit] if isinstance(value, str) and value.strip() else None


def _store_responses(attempt: QuizAttempt, slots: list[Slot], data: QueryDict) -> None:
    now = timezone.now()
    existing = {a.slot: a for a in attempt.answers.all()}
    changed, created = [], []
    for slot in slots:
        response = _response_for(slot, data)
        answer = existing.get(slot.number)
        if answer is None:
            created.append(
                QuizAnswer(attempt=attempt, slot=slot.number, response=response, saved_at=now)
            )
        elif answer.response != response:
            answer.response, answer.saved_at = response, now
            changed.append(answer)
    QuizAnswer.objects.bulk_create(created)
    QuizAnswer.objects.bulk_update(changed, ["response", "saved_at"])


def _is_overdue(attempt: QuizAttempt, now: datetime.datetime) -> bool:
    limit = deadline_with_grace(attempt)
    return limit is not None and now > limit


def _locked(attempt_id: int, user: User | None = None) -> QuizAttempt:
    # of=self: lock the attempt only, not the quiz page row joined in (other users' submits
    # must not queue behind this one).
    rows = QuizAttempt.objects.select_for_update(of=("self",)).select_related("quiz")
    if user is not None:
        rows = rows.filter(user=user)
    return rows.get(pk=attempt_id)


def attempt_save(*, user: User, attempt_id: int, data: QueryDict) -> QuizAttempt:
    """Autosave: store the responses of an attempt in progress and within its time. An
    overdue attempt is closed and graded (committed) before `AttemptClosed` is raised."""
    with transaction.atomic():
        attempt = _locked(attempt_id, user)
        open_ = attempt.is_in_progress and not _is_overdue(attempt, timezone.now())
        if open_:
            _store_responses(attempt, attempt_slots(attempt), data)
        elif attempt.is_in_progress:
            _grade_and_close(attempt, auto=True)
    if not open_:
        raise AttemptClosed(attempt)
    return attempt


@transaction.atomic
def attempt_submit(*, user: User, attempt_id: int, data: QueryDict | None = None) -> QuizAttempt:
    """Submit and grade. Exactly once: a second submit raises `AttemptClosed`.

    Responses sent after the deadline and its grace are ignored; what was saved in time
    is graded.
    """
    attempt = _locked(attempt_id, user)
    if not attempt.is_in_progress:
        raise AttemptClosed(attempt)
    overdue = _is_overdue(attempt, timezone.now())
    if data is not None and not overdue:
        _store_responses(attempt, attempt_slots(attempt), data)
    _grade_and_close(attempt, auto=overdue)
    log(
        instance=attempt.quiz,
        action="learning.quiz.attempt_submit",
        user=user,
        data={"attempt": attempt.number, "score": str(attempt.score)},
    )
    return attempt


# --- grading ----------------------------------------------------------------------------


def _grade_and_close(attempt: QuizAttempt, *, auto: bool) -> None:
    slots = attempt_slots(attempt)
    answers = {a.slot: a for a in attempt.answers.all()}
    # Unanswered slots get a row too, so the review and reports see every question.
    missing = [QuizAnswer(attempt=attempt, slot=s.number) for s in slots if s.number not in answers]
    answers.update({a.slot: a for a in QuizAnswer.objects.bulk_create(missing)})
    results = []
    for slot in slots:
        answer = answers[slot.number]
        result = grade(slot.data, answer.response)
        answer.fraction = None if result.state == GradeState.NEEDS_GRADING else result.fraction
        answer.grade_state = result.state.value
        answer.feedback_ids = list(result.feedback_ids)
        results.append(result)
    QuizAnswer.objects.bulk_update(
        list(answers.values()), ["fraction", "grade_state", "feedback_ids"]
    )
    attempt.state = AttemptState.FINISHED
    attempt.submitted_at = timezone.now()
    attempt.auto_closed = auto
    _apply_score(attempt, slots, results)


def _apply_score(attempt: QuizAttempt, slots: list[Slot], results: list[GradeResult]) -> None:
    score = quiz_score(results, [slot.mark for slot in slots])
    attempt.points, attempt.max_points = score.points, score.max_points
    attempt.score, attempt.pending = score.percent, score.pending
    attempt.passed = is_passed(score.percent, attempt.quiz.pass_mark) if score.is_final else None
    attempt.save()
    if score.is_final:
        _recompute_enrolment(attempt)


def _recompute_enrolment(attempt: QuizAttempt) -> None:
    """A final grade may complete the course (learning's rule decides, once)."""
    enrolment = Enrolment.objects.filter(
        user_id=attempt.user_id, course_id=_course_id(attempt.quiz)
    ).first()
    if enrolment is not None:
        learning_services.enrolment_recompute(enrolment_id=enrolment.pk)


def overdue_attempt_ids(now: datetime.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    candidates = QuizAttempt.objects.filter(
        state=AttemptState.IN_PROGRESS, deadline__lt=now
    ).select_related("quiz")
    return [a.pk for a in candidates if _is_overdue(a, now)]


@transaction.atomic
def attempt_autoclose(*, attempt_id: int) -> bool:
    """Close and grade an attempt past its deadline and grace. Idempotent."""
    attempt = _locked(attempt_id)
    if not attempt.is_in_progress or not _is_overdue(attempt, timezone.now()):
        return False
    _grade_and_close(attempt, auto=True)
    log(
        instance=attempt.quiz,
        action="learning.quiz.attempt_autoclose",
        user=None,
        data={"attempt": attempt.pk},
    )
    return True


# Pengelola (and superusers). Pimpinan join once their team can be scoped here without
# learning importing kinerja_link. The marking views declare these roles too.
GRADER_ROLES = (Role.PENGELOLA,)


def may_grade_essays(user: User) -> bool:
    return has_any_role(user, GRADER_ROLES)


@transaction.atomic
def answer_grade_manual(
    *, by: User, answer_id: int, fraction: Decimal, comment: str
) -> QuizAttempt:
    """A pimpinan or pengelola grades an essay; the attempt's score follows."""
    if not may_grade_essays(by):
        raise PermissionDenied
    answer = QuizAnswer.objects.select_related("attempt").get(pk=answer_id)
    if answer.attempt.user_id == by.pk:
        raise PermissionDenied  # nobody grades their own essay
    if not (by.is_superuser or manages_user(by, answer.attempt.user_id)):
        raise PermissionDenied  # a pengelola grades the pegawai of their own units only
    if not (Decimal(0) <= fraction <= Decimal(1)):
        raise ValidationError({"fraction": _("Nilai harus antara 0 dan 100%.")})
    attempt = _locked(answer.attempt_id)
    if attempt.state != AttemptState.FINISHED:
        raise ValidationError(_("Percobaan ini belum dikirim."))
    answer.fraction, answer.grader_comment, answer.graded_by = fraction, comment.strip(), by
    answer.grade_state = GradeResult.from_fraction(fraction).state.value
    answer.save(update_fields=["fraction", "grader_comment", "graded_by", "grade_state"])
    slots = attempt_slots(attempt)
    graded = {a.slot: a for a in attempt.answers.all()}
    results = [_stored_result(graded.get(slot.number)) for slot in slots]
    _apply_score(attempt, slots, results)
    log(
        instance=attempt.quiz,
        action="learning.quiz.essay_grade",
        user=by,
        data={"attempt": attempt.pk, "slot": answer.slot},
    )
    return attempt


def _stored_result(answer: QuizAnswer | None) -> GradeResult:
    if answer is None or answer.grade_state == GradeState.NEEDS_GRADING:
        return GradeResult(Decimal(0), GradeState.NEEDS_GRADING if answer else GradeState.WRONG)
    return GradeResult(answer.fraction or Decimal(0), GradeState(answer.grade_state))
