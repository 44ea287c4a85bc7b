import pytest

from django.core.exceptions import ValidationError

from wagtail import hooks

from learning import completion, services
from learning.models import Enrolment, EnrolmentSource, LearningRecord, LessonCompletion

from .factories import action_url, make_course

pytestmark = pytest.mark.django_db


def test_self_enrolment_is_idempotent(course, pegawai):
    first = services.enrolment_create(user=pegawai, course=course)
    second = services.enrolment_create(user=pegawai, course=course)
    assert first.pk == second.pk
    assert first.source == EnrolmentSource.SELF
    assert Enrolment.objects.filter(user=pegawai).count() == 1


def test_closed_course_refuses_self_enrolment_but_accepts_assignment(index, pegawai):
    closed = make_course(open_enrolment=False)
    with pytest.raises(ValidationError):
        services.enrolment_create(user=pegawai, course=closed)
    enrolment = services.enrolment_create(
        user=pegawai, course=closed, source=EnrolmentSource.ASSIGNED
    )
    assert enrolment.source == EnrolmentSource.ASSIGNED


def test_prerequisite_must_be_completed_first(index, pegawai):
    basic = make_course(lessons=1)
    advanced = make_course()
    advanced.prerequisites.add(basic)
    advanced.save_revision().publish()
    with pytest.raises(ValidationError, match=basic.title):
        services.enrolment_create(user=pegawai, course=advanced)
    services.enrolment_create(user=pegawai, course=basic)
    services.lesson_complete(user=pegawai, lesson=basic.lessons().first())
    assert services.enrolment_create(user=pegawai, course=advanced).pk


def test_enrol_view_posts_and_lands_on_first_lesson(client, course, pegawai):
    client.force_login(pegawai)
    assert client.get(action_url(course, "enrol")).status_code == 405
    response = client.post(action_url(course, "enrol"))
    assert response["Location"] == course.lessons().first().url
    assert client.get(response["Location"]).status_code == 200


def test_marking_lessons_moves_progress_and_repeating_changes_nothing(course, pegawai):
    enrolment = services.enrolment_create(user=pegawai, course=course)
    first, second, third = course.lessons()
    assert services.lesson_complete(user=pegawai, lesson=first).percent == 33
    assert services.lesson_complete(user=pegawai, lesson=first).percent == 33
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 1
    services.lesson_complete(user=pegawai, lesson=second)
    enrolment.refresh_from_db()
    assert (enrolment.percent, enrolment.is_completed) == (66, False)
    services.lesson_complete(user=pegawai, lesson=third)
    enrolment.refresh_from_db()
    assert (enrolment.percent, enrolment.is_completed) == (100, True)


def test_recompute_is_idempotent(course, pegawai):
    enrolment = services.enrolment_create(user=pegawai, course=course)
    services.lesson_complete(user=pegawai, lesson=course.lessons().first())
    before = Enrolment.objects.get(pk=enrolment.pk)
    again = services.enrolment_recompute(enrolment_id=enrolment.pk)
    assert (again.percent, again.status) == (before.percent, before.status)


def test_mark_done_requires_enrolment(client, course, pegawai):
    client.force_login(pegawai)
    lesson = course.lessons().first()
    client.post(action_url(lesson, "done"))
    assert not LessonCompletion.objects.exists()


def test_mark_done_view_goes_to_the_next_lesson(client, course, pegawai):
    services.enrolment_create(user=pegawai, course=course)
    client.force_login(pegawai)
    first, second, _ = course.lessons()
    response = client.post(action_url(first, "done"))
    assert response["Location"] == second.url
    page = client.get(first.url).content.decode()
    assert "Pelajaran ini sudah selesai" in page


def test_sequential_course_unlocks_in_order(client, index, pegawai):
    course = make_course(sequential=True)
    services.enrolment_create(user=pegawai, course=course)
    first, second, third = course.lessons()
    with pytest.raises(ValidationError):
        services.lesson_complete(user=pegawai, lesson=third)
    client.force_login(pegawai)
    assert client.get(second.url)["Location"] == course.url
    services.lesson_complete(user=pegawai, lesson=first)
    assert client.get(second.url).status_code == 200


def test_course_without_lessons_never_completes(index, pegawai):
    empty = make_course(lessons=0)
    enrolment = services.enrolment_create(user=pegawai, course=empty)
    assert services.enrolment_recompute(enrolment_id=enrolment.pk).is_completed is False


def test_registered_requirement_joins_the_rule(course, pegawai):
    """The hook another app (the quiz) uses: an extra requirement blocks completion and counts."""
    passed = {"value": False}

    def quiz_passed(enrolment):
        return completion.Requirement(done=int(passed["value"]), total=1)

    with hooks.register_temporarily(completion.COMPLETION_REQUIREMENT_HOOK, quiz_passed):
        enrolment = services.enrolment_create(user=pegawai, course=course)
        for lesson in course.lessons():
            enrolment = services.lesson_complete(user=pegawai, lesson=lesson)
        assert (enrolment.percent, enrolment.is_completed) == (75, False)
        assert not LearningRecord.objects.exists()
        passed["value"] = True
        assert services.enrolment_recompute(enrolment_id=enrolment.pk).is_completed
