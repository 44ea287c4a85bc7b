"""Issue #9 item 5: every change of each kind, through each channel, is in the audit trail
with actor, time, target, before/after and the request id the response returned.

Kinds × channels covered here:
- evaluations: admin import (upload + confirm, run by the task), API import (create and
  update), per-value notes form;
- assignments: Tim Saya bulk assign, cancel, the nightly overdue task, completion by the
  learning event;
- pembinaan rules: admin create and edit;
- roles: group change and superuser flag in the Wagtail user admin, the Pimpinan sync;
- certificates: issue on completion, PDF by the task, revoke;
- sign-ins: login and failed login.
"""

from __future__ import annotations

import datetime
import time
from contextlib import contextmanager

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from accounts.models import AuthEvent
from accounts.role_audit import ROLE_CHANGE
from accounts.roles import Role
from foundation.models import OutboxMessage
from foundation.request_id import bound
from kinerja_link.models import ApiToken, Evaluasi
from kinerja_link.pembinaan.models import Assignment, AssignmentStatus, PembinaanRule
from kinerja_link.pembinaan.tasks import assignments_mark_overdue_task
from kinerja_link.services import pimpinan_group_sync
from learning.models import Certificate
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link import conftest as kinerja_fixtures
from tests.kinerja_link.factories import SIASN_HEADERS, EvaluasiFactory, csv_file
from tests.learning.factories import action_url, make_course

pytestmark = pytest.mark.django_db
org = kinerja_fixtures.org  # the e-Kinerja tests' small organisation
PASSWORD = "sandi-rahasia-123"
TODAY = timezone.localdate()


def rid(response) -> str:
    request_id = response["X-Request-ID"]
    assert request_id
    return request_id


def entries(action: str, request_id: str, model=None) -> list[ModelLogEntry]:
    queryset = ModelLogEntry.objects.filter(action=action, data__request_id=request_id)
    if model is not None:
        queryset = queryset.filter(content_type=ContentType.objects.get_for_model(model))
    return list(queryset.select_related("user"))


@contextmanager
def commit_inside(request_id: str, capture):
    """Run the test's held on_commit callbacks under ``request_id``. In production they run
    when the view's transaction commits, inside the request; the test's transaction holds
    them until the block ends. Send ``request_id`` as the request's X-Request-ID."""
    with bound(request_id), capture(execute=True):
        yield {"X-Request-ID": request_id}


def the_entry(action: str, request_id: str, object_id, model=None) -> ModelLogEntry:
    found = [e for e in entries(action, request_id, model) if e.object_id == str(object_id)]
    assert len(found) == 1, (action, request_id, object_id, found)
    return found[0]


# --- Evaluations ------------------------------------------------------------------------


def test_evaluation_import_in_the_admin_is_audited_with_the_confirming_request(
    client, org, django_capture_on_commit_callbacks
):
    client.force_login(org.pengelola.user)
    rows = [[p.nip, p.nama, 2026, 2, "III", 1, 1, "", ""] for p in org.staff]
    with django_capture_on_commit_callbacks(execute=True):
        upload = client.post(
            reverse("kinerja_import:add"),
            {
                "file": csv_file(SIASN_HEADERS, rows),
                "periode": "",
                "dry_run": "on",
            },
        )
    job_pk = int(upload.url.rstrip("/").rsplit("/", 1)[-1])
    with django_capture_on_commit_callbacks(execute=True):
        confirm = client.post(reverse("kinerja_import:confirm", args=[job_pk]))
    created = entries("wagtail.create", rid(confirm), Evaluasi)
    evaluasi = Evaluasi.objects.filter(pegawai__in=org.staff)
    assert {e.object_id for e in created} == {str(e.pk) for e in evaluasi} and len(created) == 3
    for entry in created:
        assert entry.user == org.pengelola.user
        assert entry.timestamp and entry.content_type.model_class() is Evaluasi
        assert entry.data["before"] is None and entry.data["after"]["predikat"]


def test_evaluation_api_create_and_update_are_audited_with_before_after(client, org):
    raw = ApiToken.issue(name="SIASN", user=org.pengelola.user)[1]
    member = org.staff[0]

    def post(hasil):
        return client.post(
            "/api/v1/kinerja/evaluasi/",
            {
                "rows": [
                    {
                        "nip": member.nip,
                        "tahun": 2026,
                        "periodikId": 2,
                        "periodikNama": "III",
                        "hasilKinerjaNilai": hasil,
                        "perilakuKerjaNilai": 2,
                    }
                ]
            },
            content_type="application/json",
            headers={"Authorization": f"Bearer {raw}"},
        )

    first, second = post(2), post(3)
    assert first.status_code == second.status_code == 200
    evaluasi = Evaluasi.objects.get(pegawai=member)
    created = the_entry("wagtail.create", rid(first), evaluasi.pk, Evaluasi)
    updated = the_entry("wagtail.edit", rid(second), evaluasi.pk, Evaluasi)
    assert created.user == updated.user == org.pengelola.user
    assert updated.data["before"]["rating_hasil"] == 2
    assert updated.data["after"]["rating_hasil"] == 3


def test_per_value_notes_form_is_audited(client, org):
    evaluasi = EvaluasiFactory(pegawai=org.staff[0])
    client.force_login(org.kepala.user)
    response = client.post(
        reverse("kinerja:perilaku_notes", args=[evaluasi.pk]),
        {"flag_AK": "on", "note_AK": "Terlambat melapor."},
    )
    assert response.status_code == 302
    entry = the_entry("wagtail.edit", rid(response), evaluasi.pk, Evaluasi)
    assert entry.user == org.kepala.user
    assert entry.data["before"] == {"perilaku_catatan": {}}
    assert entry.data["after"]["perilaku_catatan"]["AK"]["perlu_pembinaan"] is True


# --- Assignments ------------------------------------------------------------------------


@pytest.fixture
def course(org):
    return make_course(title="Menyusun SKP dan RHK", lessons=1)


def test_bulk_assignment_and_cancel_in_tim_saya_are_audited(client, org, course):
    client.force_login(org.kepala.user)
    due = TODAY + datetime.timedelta(days=14)
    response = client.post(
        reverse("tim_saya:assign"),
        {
            "pegawai": [org.staff[0].pk, org.staff[1].pk],
            "course": course.pk,
            "due_date": due.isoformat(),
            "note": "",
        },
    )
    assert response.status_code == 302
    made = Assignment.objects.filter(course=course)
    created = entries("kinerja_link.assignment.create", rid(response))
    assert {e.object_id for e in created} == {str(a.pk) for a in made} and len(created) == 2
    for entry in created:
        assert entry.user == org.kepala.user
        assert entry.data["before"] is None
        assert entry.data["after"]["due_date"] == due.isoformat()
        assert entry.data["after"]["course"] == course.pk

    assignment = made.first()
    cancel = client.post(reverse("tim_saya:assignment_cancel", args=[assignment.pk]))
    entry = the_entry("kinerja_link.assignment.cancel", rid(cancel), assignment.pk)
    assert entry.data["before"]["status"] == AssignmentStatus.ASSIGNED
    assert entry.data["after"]["status"] == AssignmentStatus.CANCELLED


def test_status_changes_by_the_nightly_task_are_audited_as_the_system(org, course):
    from kinerja_link.pembinaan.assignments import assignment_create

    assignment = assignment_create(
        user=org.kepala.user,
        pegawai=org.staff[0],
        course=course,
        due_date=TODAY + datetime.timedelta(days=3),
    )
    Assignment.objects.filter(pk=assignment.pk).update(due_date=TODAY - datetime.timedelta(1))
    result = assignments_mark_overdue_task.apply()
    entry = ModelLogEntry.objects.get(action="kinerja_link.assignment.overdue")
    assert entry.object_id == str(assignment.pk) and entry.user_id is None
    assert entry.data["request_id"] == f"task:{result.id}"
    assert entry.data["before"] == {"status": AssignmentStatus.ASSIGNED}
    assert entry.data["after"] == {"status": AssignmentStatus.OVERDUE}
    assignments_mark_overdue_task.apply()  # nothing left to change: nothing logged again
    assert ModelLogEntry.objects.filter(action="kinerja_link.assignment.overdue").count() == 1


# --- Rules --------------------------------------------------------------------------------


def rule_form(**overrides):
    data = {
        "code": "audit-baik",
        "name": "Baik",
        "description": "",
        "predikat": ["2"],
        "rating_hasil": "",
        "rating_perilaku": "",
        "flagged_value": "",
        "competency": "",
        "session_kind": "coaching",
        "due_days": "30",
        "priority": "2",
        "valid_from": "2020-01-01",
        "valid_until": "",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_rule_create_and_edit_in_the_admin_are_audited_with_before_after(client, org):
    client.force_login(org.pengelola.user)
    create = client.post(reverse("pembinaan_rule:add"), rule_form())
    assert create.status_code == 302
    rule = PembinaanRule.objects.get(code="audit-baik")
    created = the_entry("wagtail.create", rid(create), rule.pk, PembinaanRule)
    assert created.user == org.pengelola.user and created.data["after"]["name"] == "Baik"

    edit = client.post(
        reverse("pembinaan_rule:edit", args=[rule.pk]),
        rule_form(name="Baik, diubah", due_days="45"),
    )
    assert edit.status_code == 302
    edited = the_entry("wagtail.edit", rid(edit), rule.pk, PembinaanRule)
    assert edited.data["before"] == {"due_days": 30, "name": "Baik"}
    assert edited.data["after"] == {"due_days": 45, "name": "Baik, diubah"}


# --- Roles --------------------------------------------------------------------------------


def test_role_changes_in_the_wagtail_user_admin_are_audited(client, org):
    admin = UserFactory(is_superuser=True, is_staff=True)
    target = org.staff[0].user
    editor = Group.objects.get(name=Role.EDITOR)
    client.force_login(admin)
    form = {
        "username": target.username,
        "email": target.email,
        "first_name": "",
        "last_name": "",
        "nip": target.nip,
        "display_name": target.display_name,
        "is_active": "on",
        "is_superuser": "on",
        "groups": [editor.pk],
        "password1": "",
        "password2": "",
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[target.pk]), form)
    assert response.status_code == 302, response.context["form"].errors
    changes = entries(ROLE_CHANGE, rid(response))
    assert all(e.object_id == str(target.pk) and e.user == admin for e in changes)
    groups = [e.data for e in changes if "groups" in e.data["after"]]
    flags = [e.data for e in changes if "is_superuser" in e.data["after"]]
    assert any(
        Role.EDITOR in d["after"]["groups"] and Role.EDITOR not in d["before"]["groups"]
        for d in groups
    ), groups
    assert len(flags) == 1, [e.data for e in changes]
    assert flags[0]["before"] == {"is_superuser": False}
    assert flags[0]["after"] == {"is_superuser": True}


def test_the_pimpinan_sync_is_audited_as_the_system(org):
    newcomer = PegawaiFactory(unit=org.unit_a)
    org.staff[0].pejabat_penilai = newcomer
    org.staff[0].save()
    pimpinan_group_sync()
    entry = ModelLogEntry.objects.filter(action=ROLE_CHANGE, object_id=str(newcomer.user_id))
    assert entry.count() == 1
    entry = entry.get()
    assert entry.user_id is None
    assert Role.PIMPINAN in entry.data["after"]["groups"]
    assert Role.PIMPINAN not in entry.data["before"]["groups"]


# --- Certificates -------------------------------------------------------------------------


def test_certificate_issue_render_and_revoke_are_audited(
    client, org, django_capture_on_commit_callbacks
):
    course = make_course(title="Berorientasi Pelayanan", lessons=1, jp=2)
    learner = org.staff[0].user
    client.force_login(learner)
    client.post(action_url(course, "enrol"))
    lesson = course.lessons().first()
    with commit_inside("selesai-1", django_capture_on_commit_callbacks) as headers:
        done = client.post(action_url(lesson, "done"), headers=headers)
    assert rid(done) == "selesai-1"
    certificate = Certificate.objects.get(user=learner)
    issued = the_entry("learning.certificate.issue", rid(done), certificate.pk)
    assert issued.user == learner and issued.data["after"]["number"] == certificate.number
    assert learner.nip not in str(issued.data)
    # The PDF is made by the task the completing request enqueued: actor "sistem", same id.
    rendered = the_entry("learning.certificate.render", rid(done), certificate.pk)
    assert rendered.user_id is None and rendered.data["after"]["pdf"]

    client.force_login(org.pengelola.user)
    revoke = client.post(
        reverse("learning:certificate_verify", args=[certificate.uuid]), {"reason": "Data keliru"}
    )
    assert revoke.status_code == 302
    revoked = the_entry("learning.certificate.revoke", rid(revoke), certificate.pk)
    assert revoked.user == org.pengelola.user
    assert revoked.data["before"]["revoked_at"] is None and revoked.data["after"]["revoked_at"]
    assert revoked.data["after"]["revoked_reason"] == "Data keliru"


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_audits_under_the_enqueuing_requests_id(celery_worker, client, org):
    """PostgreSQL + Redis: the id goes through the outbox row and the broker to the worker."""
    course = make_course(title="Berorientasi Pelayanan", lessons=1, jp=2)
    learner = org.staff[0].user
    client.force_login(learner)
    client.post(action_url(course, "enrol"))
    done = client.post(action_url(course.lessons().first(), "done"))
    certificate = Certificate.objects.get(user=learner)
    rendered = ModelLogEntry.objects.filter(
        action="learning.certificate.render", object_id=str(certificate.pk)
    )
    deadline = time.monotonic() + 60
    while not rendered.exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    entry = rendered.get()
    try:
        assert entry.data["request_id"] == rid(done) and entry.user_id is None
        assert OutboxMessage.objects.get(task_name__endswith="render_certificate").request_id == (
            rid(done)
        )
    finally:
        certificate.refresh_from_db()
        certificate.pdf.delete(save=False)


def test_assignment_completed_by_the_learning_event_is_audited(
    client, org, course, django_capture_on_commit_callbacks
):
    from kinerja_link.pembinaan.assignments import assignment_create

    learner = org.staff[0]
    assignment = assignment_create(
        user=org.kepala.user,
        pegawai=learner,
        course=course,
        due_date=TODAY + datetime.timedelta(days=3),
    )
    client.force_login(learner.user)
    lesson = course.lessons().first()
    with commit_inside("selesai-2", django_capture_on_commit_callbacks) as headers:
        done = client.post(action_url(lesson, "done"), headers=headers)
    entry = the_entry("kinerja_link.assignment.complete", rid(done), assignment.pk)
    assert entry.data["before"] == {"status": AssignmentStatus.ASSIGNED}
    assert entry.data["after"] == {"status": AssignmentStatus.COMPLETED}


# --- Sign-ins -----------------------------------------------------------------------------


def test_login_and_failed_login_carry_the_request_id(client):
    user = PegawaiFactory().user
    failed = client.post(reverse("accounts:login"), {"username": user.nip, "password": "salah"})
    ok = client.post(reverse("accounts:login"), {"username": user.nip, "password": PASSWORD})
    assert ok.status_code == 302
    failure = AuthEvent.objects.get(kind=AuthEvent.Kind.LOGIN_FAILED)
    login = AuthEvent.objects.get(kind=AuthEvent.Kind.LOGIN)
    assert failure.request_id == rid(failed) and failure.created_at
    assert login.request_id == rid(ok) and login.user == user
    assert user.nip not in failure.identifier


def test_no_audit_row_is_left_without_a_request_id(client, org):
    """Everything the tests above write goes through a request or a task: a log entry
    without an id means a write path that bypassed the stamping."""
    course = make_course(lessons=1)
    last = ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    client.force_login(org.kepala.user)
    evaluasi = EvaluasiFactory(pegawai=org.staff[1])
    client.post(reverse("kinerja:perilaku_notes", args=[evaluasi.pk]), {"flag_KL": "on"})
    client.post(
        reverse("tim_saya:assign"),
        {
            "pegawai": [org.staff[1].pk],
            "course": course.pk,
            "due_date": (TODAY + datetime.timedelta(days=9)).isoformat(),
        },
    )
    assignments_mark_overdue_task.apply()
    written = ModelLogEntry.objects.filter(pk__gt=last)
    assert written.count() >= 2
    assert not written.exclude(data__has_key="request_id").exists()
