"""One rule for who leads a team and one for refusing pegawai outside it."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from foundation.audit.trail import action_choices
from kinerja_link.pembinaan.assignments import assignments_bulk_create
from kinerja_link.pembinaan.feedback import feedback_give
from kinerja_link.pembinaan.models import FeedbackKind, SessionKind
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.pembinaan.team import (
    LEGACY_REJECTED_ACTION,
    REJECTED_ACTION,
    OutsideTeamError,
    pimpinan_for,
)
from kinerja_link.perilaku_notes import editable_by
from kinerja_link.selectors import pimpinan_of, team_of
from tests.kinerja_link.factories import EvaluasiFactory
from tests.learning.factories import make_course, make_index

from .teams import make_team

pytestmark = pytest.mark.django_db
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def org():
    return make_team(members=2)


def test_an_inactive_penilai_leads_no_team_anywhere(org):
    org.pimpinan.is_active = False
    org.pimpinan.save(update_fields=["is_active"])
    user = org.pimpinan.user
    assert pimpinan_of(user) is None
    assert not team_of(user).exists()
    with pytest.raises(PermissionDenied):
        pimpinan_for(user)
    make_index()
    with pytest.raises(OutsideTeamError):
        assignments_bulk_create(
            user=user,
            pegawai_ids=[org.team[0].pk],
            course=make_course(),
            due_date=YESTERDAY + datetime.timedelta(days=30),
        )
    assert not editable_by(user, EvaluasiFactory(pegawai=org.team[0]))


def _attempts(org):
    user, ids = org.pimpinan.user, [org.team[0].pk, org.foreign.pk]
    make_index()
    yield lambda: assignments_bulk_create(
        user=user,
        pegawai_ids=ids,
        course=make_course(),
        due_date=YESTERDAY + datetime.timedelta(days=30),
    )
    yield lambda: session_record(
        user=user,
        kind=SessionKind.COACHING,
        date=YESTERDAY,
        participant_ids=ids,
        topics="RHK",
        agreed_actions="",
        follow_up_date=None,
        duration_minutes=60,
    )
    yield lambda: feedback_give(
        user=user, pegawai=org.foreign, kind=FeedbackKind.INSIDENTAL, date=YESTERDAY, text="x"
    )


def test_every_write_refuses_outsiders_with_one_audited_action(org):
    for attempt in _attempts(org):
        with pytest.raises(OutsideTeamError):
            attempt()
    actions = ModelLogEntry.objects.filter(action__contains="reject").values_list(
        "action", flat=True
    )
    assert set(actions) == {REJECTED_ACTION}
    rows = ModelLogEntry.objects.filter(action=REJECTED_ACTION).order_by("pk")
    assert [e.data["action"] for e in rows] == ["assignment", "session_record", "feedback"]
    assert all(e.data["foreign_ids"] == [org.foreign.pk] for e in rows)


def test_rows_written_under_the_old_action_name_still_read(org):
    assert LEGACY_REJECTED_ACTION in dict(action_choices())
    entry = ModelLogEntry.objects.log_action(
        org.pimpinan, LEGACY_REJECTED_ACTION, user=org.pimpinan.user
    )
    assert log_registry.get_action_label(entry.action)
