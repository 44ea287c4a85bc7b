import threading

import pytest

from django.db import close_old_connections, connection

from learning import events, services
from learning.models import Certificate, Enrolment, LearningRecord, LessonCompletion

from .factories import make_course


@pytest.fixture
def received():
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    events.course_completed.connect(receiver)
    yield calls
    events.course_completed.disconnect(receiver)


def finish(user, course):
    services.enrolment_create(user=user, course=course)
    for lesson in course.lessons():
        services.lesson_complete(user=user, lesson=lesson)
    return Enrolment.objects.get(user=user, course=course)


@pytest.mark.django_db
def test_completion_writes_one_record_one_certificate_and_one_event(
    course, pegawai, received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = finish(pegawai, course)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_recompute(enrolment_id=enrolment.pk)
        services.lesson_complete(user=pegawai, lesson=course.lessons().last())
    record = LearningRecord.objects.get(user=pegawai)
    certificate = Certificate.objects.get(user=pegawai)
    assert (record.title, record.jp, record.jenis_diklat_id) == (course.title, 3, 16)
    assert record.certificate_number == certificate.number
    assert record.verification_status == "verified"
    assert len(received) == 1
    assert received[0]["enrolment_id"] == enrolment.pk
    assert received[0]["learning_record_id"] == record.pk
    assert received[0]["certificate_id"] == certificate.pk


@pytest.mark.django_db
def test_event_is_not_sent_when_the_transaction_rolls_back(course, pegawai, received):
    from django.db import transaction

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        finish(pegawai, course)
        raise Boom
    assert received == []
    assert not LearningRecord.objects.exists()


@pytest.mark.django_db
def test_course_without_certificate_still_counts_jp(index, pegawai):
    course = make_course(certificate_enabled=False, jp=5)
    finish(pegawai, course)
    assert not Certificate.objects.exists()
    assert LearningRecord.objects.get(user=pegawai).certificate_number == ""


@pytest.mark.django_db
def test_completed_enrolment_stays_completed_when_a_lesson_is_added(course, pegawai):
    enrolment = finish(pegawai, course)
    from learning.models import LessonPage

    course.add_child(instance=LessonPage(title="Tambahan", slug="tambahan"))
    assert services.enrolment_recompute(enrolment_id=enrolment.pk).is_completed
    assert LearningRecord.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_completion_writes_once(index, pegawai, received):
    if connection.vendor != "postgresql":
        pytest.skip("Butuh PostgreSQL: SQLite tidak menguji penguncian baris")
    course = make_course(lessons=2)
    enrolment = services.enrolment_create(user=pegawai, course=course)
    for lesson in course.lessons():
        LessonCompletion.objects.create(enrolment=enrolment, lesson=lesson)
    barrier = threading.Barrier(4)
    errors = []

    def complete():
        try:
            barrier.wait(timeout=10)
            services.enrolment_recompute(enrolment_id=enrolment.pk)
        except Exception as exc:
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert LearningRecord.objects.filter(enrolment=enrolment).count() == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert len(received) == 1
