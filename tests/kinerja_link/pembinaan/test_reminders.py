"""Reminders: exactly once across re-runs and restarts, with time travel."""

import datetime
import zoneinfo

import pytest
import time_machine

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja_link.pembinaan import mail as pembinaan_mail
from kinerja_link.pembinaan.mail import in_doubt, notifications_send_pending
from kinerja_link.pembinaan.models import AssignmentStatus, Notification
from kinerja_link.pembinaan.reminders import digests_create, reminders_create
from kinerja_link.pembinaan.tasks import pembinaan_reminders
from tests.factories import PegawaiFactory
from tests.learning.factories import make_course

from .factories import AssignmentFactory
from .teams import make_team

pytestmark = pytest.mark.django_db

T = datetime.date(2026, 12, 1)  # a Tuesday
DAY = datetime.timedelta(days=1)
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


@pytest.fixture
def course():
    return make_course(lessons=0, title="Etika Pelayanan Publik")


@pytest.fixture
def org():
    return make_team(members=2)


def assign(course, pegawai, *, due, created=T - 30 * DAY, **fields):
    assignment = AssignmentFactory(course=course, pegawai=pegawai, due_date=due, **fields)
    created_at = datetime.datetime.combine(created, datetime.time(9), tzinfo=JAKARTA)
    type(assignment).objects.filter(pk=assignment.pk).update(created_at=created_at)
    return assignment


def keys_of(user) -> list[str]:
    return sorted(
        Notification.objects.filter(user=user).values_list("key", flat=True), key=lambda k: k
    )


def test_h7_h1_and_overdue_each_once_over_the_days(course, org):
    pegawai = org.team[0]
    a = assign(course, pegawai, due=T + 7 * DAY)
    made = []
    for day in range(-2, 12):
        today = T + day * DAY
        reminders_create(today=today)
        # A second run the same day finds nothing left to make (the SELECT skips them).
        assert set(reminders_create(today=today).values()) == {0}
        made.append((day, len(keys_of(pegawai.user))))
    due = (T + 7 * DAY).isoformat()
    assert keys_of(pegawai.user) == [
        f"assignment:{a.pk}:h-1:{due}",
        f"assignment:{a.pk}:h-7:{due}",
        f"assignment:{a.pk}:lewat-tenggat:{due}",
    ]
    # h-7 on day 0 (7 days before), h-1 on day 6, overdue on day 8.
    assert made == [
        (-2, 0),
        (-1, 0),
        (0, 1),
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 1),
        (5, 1),
        (6, 2),
        (7, 2),
        (8, 3),
        (9, 3),
        (10, 3),
        (11, 3),
    ]
    overdue = Notification.objects.get(key__contains="lewat-tenggat")
    assert overdue.mandatory
    assert "Etika Pelayanan Publik" in overdue.title
    assert Notification.objects.get(key__contains=":h-7:").mandatory is False


def test_an_assignment_made_with_less_than_7_days_left_gets_only_h1(course, org):
    pegawai = org.team[0]
    a = assign(course, pegawai, due=T + 5 * DAY, created=T)
    for day in range(0, 6):
        reminders_create(today=T + day * DAY)
    assert keys_of(pegawai.user) == [f"assignment:{a.pk}:h-1:{(T + 5 * DAY).isoformat()}"]


def test_a_missed_day_is_caught_up(course, org):
    """The job did not run on h-7 or h-1: the next run inside each window still sends."""
    pegawai = org.team[0]
    assign(course, pegawai, due=T + 7 * DAY)
    reminders_create(today=T + 3 * DAY)  # 4 days before: still the h-7 window
    reminders_create(today=T + 7 * DAY)  # the due date itself: h-1 window
    assert [k.split(":")[2] for k in keys_of(pegawai.user)] == ["h-1", "h-7"]


def test_closed_assignments_and_inactive_pegawai_get_nothing(course, org):
    assign(course, org.team[0], due=T - DAY, status=AssignmentStatus.CANCELLED)
    assign(
        course,
        org.team[1],
        due=T - DAY,
        status=AssignmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )
    gone = PegawaiFactory(unit=org.unit, pejabat_penilai=org.pimpinan, is_active=False)
    assign(course, gone, due=T + DAY)
    assert reminders_create(today=T) == {
        "h-7": 0,
        "h-1": 0,
        "lewat-tenggat": 0,
        "rencana-aksi": 0,
        "tindak-lanjut-sesi": 0,
        "digest": 0,
    }


def test_a_later_due_date_earns_new_reminders(course, org):
    pegawai = org.team[0]
    a = assign(course, pegawai, due=T + DAY)
    reminders_create(today=T)
    a.due_date = T + 20 * DAY
    a.save()
    reminders_create(today=T + 13 * DAY)
    assert [k.split(":")[2] for k in keys_of(pegawai.user)] == ["h-1", "h-7"]
    assert len({k.split(":")[3] for k in keys_of(pegawai.user)}) == 2


def test_weekly_digest_to_the_pimpinan_of_overdue_items(course, org):
    late = [assign(course, m, due=T - 3 * DAY) for m in org.team]
    assign(make_course(lessons=0), org.team[0], due=T + 3 * DAY)  # not overdue yet
    assign(course, org.foreign, due=T - 3 * DAY)  # another pimpinan's team
    assert digests_create(today=T) == 2  # one per pimpinan with overdue items
    digest = Notification.objects.get(user=org.pimpinan.user, key__startswith="digest:")
    assert digest.key == f"digest:{org.pimpinan.user_id}:2026-W49"
    assert "2 penugasan" in digest.title
    for assignment in late:
        assert assignment.pegawai.nama in digest.body
    assert org.foreign.nama not in digest.body
    # The rest of the week adds nothing; the next week brings a new digest.
    for day in range(1, 6):
        assert digests_create(today=T + day * DAY) == 0
    assert digests_create(today=T + 6 * DAY) == 2  # Monday of week 50
    assert Notification.objects.filter(user=org.pimpinan.user).count() == 2


def test_email_sent_once_and_marked(course, org):
    pegawai = org.team[0]
    assign(course, pegawai, due=T - DAY)
    reminders_create(today=T)
    report = notifications_send_pending()
    assert report.sent == 2  # the overdue notice, and the digest to the pimpinan
    assert [m.to for m in mail.outbox if pegawai.user.email in m.to] == [[pegawai.user.email]]
    message = next(m for m in mail.outbox if m.to == [pegawai.user.email])
    assert "melewati tenggat" in message.subject
    assert "Yth." in message.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert notifications_send_pending().sent == 0
    reminders_create(today=T)
    assert notifications_send_pending().sent == 0
    assert len(mail.outbox) == 2


def test_opt_out_skips_reminders_but_not_mandatory_notices(course, org):
    pegawai = org.team[0]
    pegawai.user.reminder_email_opt_out = True
    pegawai.user.save()
    assign(course, pegawai, due=T + 7 * DAY)
    reminders_create(today=T)  # h-7: not mandatory
    assert notifications_send_pending().skipped == 1
    assert Notification.objects.get(user=pegawai.user).email_skipped
    reminders_create(today=T + 8 * DAY)  # overdue: mandatory
    notifications_send_pending()
    received = [m.subject for m in mail.outbox if m.to == [pegawai.user.email]]
    assert len(received) == 1 and "melewati tenggat" in received[0]
    assert Notification.objects.filter(user=pegawai.user, email_skipped=True).count() == 1


def test_users_without_email_are_skipped(course, org):
    pegawai = org.team[0]
    pegawai.user.email = ""
    pegawai.user.save()
    assign(course, pegawai, due=T + DAY)
    reminders_create(today=T)
    report = notifications_send_pending()
    assert (report.sent, report.skipped) == (0, 1)
    assert mail.outbox == []


class RefusingBackend(EmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("server menolak")


def test_a_refused_message_is_tried_again_later(course, org, settings):
    assign(course, org.team[0], due=T + DAY)
    reminders_create(today=T)
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    report = notifications_send_pending()
    assert (report.sent, report.failed) == (0, 1)
    row = Notification.objects.get()
    assert row.emailed_at is None and row.email_claimed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notifications_send_pending().sent == 1
    assert len(mail.outbox) == 1


def test_a_crash_after_claiming_never_sends_twice(course, org):
    """A worker dies after committing its claim: the rows are in doubt, never resent."""
    assign(course, org.team[0], due=T + DAY)
    reminders_create(today=T)
    claimed = pembinaan_mail._claim(now=timezone.now() - datetime.timedelta(hours=2), batch=10)
    assert len(claimed.rows) == 1
    # ... the worker is killed here, before sending. The task is redelivered:
    assert notifications_send_pending().sent == 0
    assert mail.outbox == []
    assert list(in_doubt()) == claimed.rows


def test_the_task_with_time_travel(course, org):
    pegawai = org.team[0]
    assign(course, pegawai, due=T + 7 * DAY)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 6, 7, tzinfo=JAKARTA), tick=False):
        first = pembinaan_reminders.delay().get()
        second = pembinaan_reminders.delay().get()
    assert first["created"]["h-7"] == 1 and first["sent"] == 1
    assert second["created"]["h-7"] == 0 and second["sent"] == 0
    assert len(mail.outbox) == 1


def _job_queries(today) -> int:
    with CaptureQueriesContext(connection) as queries:
        reminders_create(today=today)
        notifications_send_pending()
    return len(queries)


def test_query_count_does_not_grow_with_assignments(course, org):
    def build(n: int, offset: int):
        pimpinan = PegawaiFactory(unit=org.unit)
        for i in range(n):
            member = PegawaiFactory(unit=org.unit, pejabat_penilai=pimpinan)
            due = T + [7, 1, -3][i % 3] * DAY + offset * DAY
            assign(course, member, due=due)

    build(5, offset=0)
    small = _job_queries(T)
    Notification.objects.all().delete()
    build(50, offset=100)
    large = _job_queries(T + 100 * DAY)
    assert Notification.objects.count() > 50  # every one of the 50 got its reminder
    assert small == large, (small, large)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_sends_each_reminder_once(celery_worker):
    org = make_team(members=2)
    course = make_course(lessons=0)
    today = timezone.localdate()
    for member in org.team:
        assign(course, member, due=today - DAY, created=today - 30 * DAY)
    first = pembinaan_reminders.delay().get(timeout=60)
    second = pembinaan_reminders.delay().get(timeout=60)
    # Two overdue notices and one digest, through Redis to the worker process and back.
    assert first["created"]["lewat-tenggat"] == 2 and first["created"]["digest"] == 1
    assert first["sent"] == 3
    assert second["sent"] == 0 and set(second["created"].values()) == {0}
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 3
