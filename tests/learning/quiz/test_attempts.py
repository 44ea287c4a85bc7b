import datetime
import random
from decimal import Decimal

import pytest
import time_machine

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from learning import events
from learning import services as learning_services
from learning.models import Enrolment, LearningRecord
from learning.quiz import services
from learning.quiz.bank import question_save
from learning.quiz.models import AttemptState, QuizAnswer, QuizAttempt
from learning.quiz.selectors import attempt_slots, quiz_grade
from learning.quiz.tasks import close_overdue_attempts

from .conftest import answers
from .factories import essay, make_question, make_quiz, matching, numerical, single_choice

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def finish_lessons(user, course):
    for lesson in course.lessons():
        learning_services.lesson_complete(user=user, lesson=lesson)


def test_starting_needs_an_enrolment(quiz, pegawai):
    with pytest.raises(ValidationError, match="Daftar"):
        services.attempt_start(user=pegawai, quiz=quiz)


def test_start_freezes_questions_revisions_and_choice_order(quiz, enrolled):
    attempt = services.attempt_start(user=enrolled, quiz=quiz, rng=random.Random(4))
    first = attempt_slots(attempt)[0]
    assert set(first.order) == {"a1", "a2", "a3"}
    question = quiz.fixed_questions.first().question
    question_save(question=question, data=single_choice(name="Diubah", text="Teks baru"))
    again = attempt_slots(QuizAttempt.objects.get(pk=attempt.pk))[0]
    assert again.data.text == "Nilai dasar ASN adalah?"  # the revision shown, not the latest
    assert again.revision_id != question.latest_revision_id


def test_a_second_start_resumes_the_attempt_in_progress(quiz, enrolled):
    first = services.attempt_start(user=enrolled, quiz=quiz)
    assert services.attempt_start(user=enrolled, quiz=quiz) == first
    assert QuizAttempt.objects.count() == 1


def test_database_allows_one_attempt_in_progress_per_user_and_quiz(quiz, enrolled):
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(user=enrolled, quiz=quiz, number=2, layout=attempt.layout)


def test_submit_grades_once_and_a_second_submit_is_refused(quiz, enrolled):
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    done = services.attempt_submit(
        user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1", q2="false")
    )
    assert (done.state, done.score, done.passed) == (AttemptState.FINISHED, Decimal("50.00"), True)
    with pytest.raises(services.AttemptClosed):
        services.attempt_submit(
            user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q2="true")
        )
    assert QuizAttempt.objects.get(pk=attempt.pk).score == Decimal("50.00")


def test_autosave_keeps_responses_and_ignores_foreign_ids(quiz, enrolled):
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    services.attempt_save(
        user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a2", q2="nope")
    )
    services.attempt_save(
        user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1", q2="nope")
    )
    saved = dict(QuizAnswer.objects.filter(attempt=attempt).values_list("slot", "response"))
    assert saved == {1: "a1", 2: None}
    done = services.attempt_submit(user=enrolled, attempt_id=attempt.pk)
    assert done.score == Decimal("50.00")


def test_someone_elses_attempt_cannot_be_saved_or_submitted(quiz, enrolled, other_pegawai):
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    with pytest.raises(QuizAttempt.DoesNotExist):
        services.attempt_submit(
            user=other_pegawai, attempt_id=attempt.pk, data=answers(attempt, q1="a1")
        )


def test_max_attempts_is_enforced(quiz, enrolled):
    for _ in range(2):
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=answers(attempt))
    with pytest.raises(ValidationError, match="Batas percobaan"):
        services.attempt_start(user=enrolled, quiz=quiz)


def test_open_and_close_dates(course, enrolled):
    now = timezone.now()
    early = make_quiz(course, [make_question()], open_at=now + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="belum dibuka"):
        services.attempt_start(user=enrolled, quiz=early)
    early.open_at, early.close_at = None, now - datetime.timedelta(minutes=1)
    early.save()
    with pytest.raises(ValidationError, match="ditutup"):
        services.attempt_start(user=enrolled, quiz=early)


def test_time_limit_with_grace_then_auto_close(course, enrolled):
    quiz = make_quiz(course, [make_question()], time_limit_minutes=10, grace_seconds=60)
    with time_machine.travel(START, tick=False) as traveller:
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        assert attempt.deadline == START + datetime.timedelta(minutes=10)
        traveller.shift(datetime.timedelta(minutes=10, seconds=30))  # in the grace period
        services.attempt_save(user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1"))
        assert close_overdue_attempts() == 0
        traveller.shift(datetime.timedelta(seconds=31))  # past deadline + grace
        with pytest.raises(services.AttemptClosed):
            services.attempt_save(
                user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a2")
            )
    closed = QuizAttempt.objects.get(pk=attempt.pk)
    assert (closed.state, closed.auto_closed, closed.score) == ("finished", True, Decimal(100))


def test_periodic_task_closes_overdue_attempts_once(course, enrolled):
    quiz = make_quiz(course, [make_question()], time_limit_minutes=5, grace_seconds=0)
    with time_machine.travel(START, tick=False) as traveller:
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        traveller.shift(datetime.timedelta(minutes=6))
        assert close_overdue_attempts() == 1
        assert close_overdue_attempts() == 0
    closed = QuizAttempt.objects.get(pk=attempt.pk)
    assert closed.auto_closed and closed.score == 0 and closed.passed is False


def test_late_submit_grades_only_what_was_saved_in_time(course, enrolled):
    quiz = make_quiz(course, [make_question()], time_limit_minutes=5, grace_seconds=10)
    with time_machine.travel(START, tick=False) as traveller:
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        services.attempt_save(user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a2"))
        traveller.shift(datetime.timedelta(minutes=7))
        done = services.attempt_submit(
            user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1")
        )
    assert done.auto_closed and done.score == 0


def test_every_type_is_read_from_the_form_and_graded(course, enrolled):
    from .factories import short_answer

    questions = [make_question(f()) for f in (numerical, short_answer, matching, single_choice)]
    quiz = make_quiz(course, questions, pass_mark=100)
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    from learning.quiz.grading import matching_option_id

    matches = {
        "q3-p1": matching_option_id("Berorientasi Pelayanan"),
        "q3-p2": matching_option_id("Akuntabel"),
    }
    data = answers(attempt, q1="20,0", q2="  jawaban-isian-rahasia ", q4="a1", **matches)
    done = services.attempt_submit(user=enrolled, attempt_id=attempt.pk, data=data)
    assert done.score == Decimal(100) and done.passed


def test_passing_completes_the_course_exactly_once(
    course, enrolled, quiz, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    events.course_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            finish_lessons(enrolled, course)
            assert not Enrolment.objects.get(user=enrolled).is_completed  # the quiz is required
            attempt = services.attempt_start(user=enrolled, quiz=quiz)
            services.attempt_submit(
                user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a2")
            )
            assert not Enrolment.objects.get(user=enrolled).is_completed  # 0% does not pass
            attempt = services.attempt_start(user=enrolled, quiz=quiz)
            services.attempt_submit(
                user=enrolled, attempt_id=attempt.pk, data=answers(attempt, q1="a1")
            )
            learning_services.enrolment_recompute(
                enrolment_id=Enrolment.objects.get(user=enrolled).pk
            )
    finally:
        events.course_completed.disconnect(receiver)
    assert Enrolment.objects.get(user=enrolled).is_completed
    assert LearningRecord.objects.filter(user=enrolled).count() == 1
    assert len(received) == 1


@pytest.mark.parametrize(
    ("method", "expected"),
    [("highest", "100.00"), ("first", "0.00"), ("last", "50.00"), ("average", "50.00")],
)
def test_grading_methods(course, enrolled, method, expected):
    from .factories import true_false

    quiz = make_quiz(
        course,
        [make_question(), make_question(true_false())],
        grading_method=method,
        max_attempts=0,
    )
    for response in ({}, {"q1": "a1", "q2": "true"}, {"q1": "a1"}):
        attempt = services.attempt_start(user=enrolled, quiz=quiz)
        services.attempt_submit(
            user=enrolled, attempt_id=attempt.pk, data=answers(attempt, **response)
        )
    assert quiz_grade(quiz=quiz, user=enrolled).percent == Decimal(expected)


def test_essay_waits_for_a_hand_grade(course, enrolled, pengelola, other_pegawai):
    quiz = make_quiz(course, [make_question(essay()), make_question()], pass_mark=75)
    attempt = services.attempt_start(user=enrolled, quiz=quiz)
    done = services.attempt_submit(
        user=enrolled,
        attempt_id=attempt.pk,
        data=answers(attempt, q1="Saya membantu rekan.", q2="a1"),
    )
    assert (done.pending, done.passed) == (1, None)
    assert quiz_grade(quiz=quiz, user=enrolled).percent is None
    essay_answer = QuizAnswer.objects.get(attempt=attempt, slot=1)
    with pytest.raises(PermissionDenied):
        services.answer_grade_manual(
            by=other_pegawai, answer_id=essay_answer.pk, fraction=Decimal(1), comment=""
        )
    graded = services.answer_grade_manual(
        by=pengelola, answer_id=essay_answer.pk, fraction=Decimal("0.5"), comment="Cukup baik."
    )
    assert (graded.pending, graded.score, graded.passed) == (0, Decimal("75.00"), True)


def test_random_questions_come_from_the_category_and_tag_without_repeating_fixed(course, enrolled):
    fixed = make_question(category="Bank/BP")
    pool = [make_question(category="Bank/BP/Sub") for _ in range(3)]
    other = make_question(category="Lain")
    for question in [*pool[:2], other]:
        question.tags.add("bp")
        question.save()
    quiz = make_quiz(
        course,
        [fixed],
        random_count=5,
        random_category=fixed.category,
        random_tag="bp",
        random_mark=2,
        max_attempts=0,
    )
    attempt = services.attempt_start(user=enrolled, quiz=quiz, rng=random.Random(1))
    drawn = [entry["question"] for entry in attempt.layout]
    assert drawn[0] == fixed.pk and set(drawn[1:]) == {pool[0].pk, pool[1].pk}
    assert [entry["mark"] for entry in attempt.layout] == ["1.00", "2.00", "2.00"]


def test_shuffling_is_per_attempt_and_frozen_in_the_layout(course, enrolled):
    questions = [make_question() for _ in range(6)]
    quiz = make_quiz(course, questions, shuffle_questions=True, max_attempts=0)
    orders = set()
    for seed in range(4):
        attempt = services.attempt_start(user=enrolled, quiz=quiz, rng=random.Random(seed))
        orders.add(tuple(entry["question"] for entry in attempt.layout))
        orders_of_choices = {tuple(entry["order"]) for entry in attempt.layout}
        assert all(sorted(o) == ["a1", "a2", "a3"] for o in orders_of_choices)
        again = services.attempt_start(user=enrolled, quiz=quiz, rng=random.Random(seed + 10))
        assert again.layout == attempt.layout  # resuming never reshuffles
        services.attempt_submit(user=enrolled, attempt_id=attempt.pk)
    assert len(orders) > 1
