"""Back to the SKP: a real course completion becomes bukti dukung and competency progress."""

import datetime
import time
from decimal import Decimal

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.roles import Role
from competencies.models import Competency
from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.pembinaan.evidence import (
    competency_progress_refresh,
    evidence_attach_pending,
    evidence_from_learning_record,
)
from kinerja_link.pembinaan.models import (
    AssignmentStatus,
    CompetencyProgress,
    EvidenceKind,
    SkpEvidence,
)
from kinerja_link.pembinaan.tasks import skp_evidence_attach_pending_task
from learning import events, services
from learning.models import Certificate, CourseCompetency, LearningRecord
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.learning.factories import make_course

from .factories import AssignmentFactory, PembinaanSessionFactory

pytestmark = pytest.mark.django_db


def this_year() -> int:
    return timezone.localdate().year


def make_skp(pegawai, year: int | None = None) -> SKP:
    periode, _ = Periode.objects.get_or_create(
        tahun=year or this_year(), jenis=JenisPeriode.TAHUNAN, nomor=0
    )
    return SKP.objects.create(pegawai=pegawai, periode=periode)


def finish(user, course) -> None:
    services.enrolment_create(user=user, course=course)
    for lesson in course.lessons():
        services.lesson_complete(user=user, lesson=lesson)


def codes(competencies) -> set[str]:
    return {c.code for c in competencies}


@pytest.fixture
def pegawai():
    return PegawaiFactory()


@pytest.fixture
def course():
    course = make_course(title="Pelayanan Prima", competencies=("BP-1", "MJ-PP"), jp=3)
    CourseCompetency.objects.filter(course=course, competency__code="MJ-PP").update(
        outcome=CourseCompetency.Outcome.COMPLETE, target_level=2
    )
    return course


def complete(pegawai, course, capture) -> None:
    with capture(execute=True):
        finish(pegawai.user, course)


def test_completion_adds_evidence_with_values_certificate_and_progress(
    pegawai, course, django_capture_on_commit_callbacks
):
    skp = make_skp(pegawai)
    complete(pegawai, course, django_capture_on_commit_callbacks)

    evidence = SkpEvidence.objects.get()
    record = LearningRecord.objects.get(user=pegawai.user)
    assert evidence.skp == skp
    assert evidence.kind == EvidenceKind.COURSE
    assert (evidence.title, evidence.jp, evidence.date) == (
        "Pelayanan Prima",
        Decimal("3"),
        timezone.localdate(),
    )
    assert evidence.learning_record == record
    assert evidence.certificate == Certificate.objects.get(user=pegawai.user)
    assert codes(evidence.values.all()) == {"BP"}  # from the guide BP-1

    progress = {p.competency.code: p for p in CompetencyProgress.objects.filter(pegawai=pegawai)}
    assert set(progress) == {"BP", "BP-1", "MJ-PP"}
    assert progress["MJ-PP"].level_reached == 2  # outcome "Kompetensi tercapai"
    assert progress["BP-1"].level_reached is None  # guides have no level
    assert all(p.evidence_count == 1 for p in progress.values())
    assert all(p.last_date == timezone.localdate() for p in progress.values())


def test_a_second_delivery_adds_nothing(pegawai, course, django_capture_on_commit_callbacks):
    make_skp(pegawai)
    complete(pegawai, course, django_capture_on_commit_callbacks)
    record = LearningRecord.objects.get(user=pegawai.user)
    first = SkpEvidence.objects.get()
    # The same event again, as a redelivered message would bring it.
    with django_capture_on_commit_callbacks(execute=True):
        events.announce_course_completed(
            enrolment_id=record.enrolment_id,
            user_id=pegawai.user_id,
            course_id=course.pk,
            learning_record_id=record.pk,
            certificate_id=first.certificate_id,
        )
    assert evidence_from_learning_record(learning_record_id=record.pk) == first
    assert SkpEvidence.objects.count() == 1
    assert (
        CompetencyProgress.objects.get(pegawai=pegawai, competency__code="BP").evidence_count == 1
    )


def test_without_an_skp_the_evidence_waits_and_is_attached_when_the_skp_appears(
    pegawai, course, django_capture_on_commit_callbacks
):
    make_skp(pegawai, year=this_year() - 1)  # last year's SKP is not the right one
    complete(pegawai, course, django_capture_on_commit_callbacks)
    assert not SkpEvidence.objects.exists()
    assert not SKP.objects.filter(periode__tahun=this_year()).exists()  # nothing invented
    assert not CompetencyProgress.objects.exists()

    skp = make_skp(pegawai)
    assert skp_evidence_attach_pending_task.delay().get() == 1
    evidence = SkpEvidence.objects.get()
    assert evidence.skp == skp and codes(evidence.values.all()) == {"BP"}
    assert CompetencyProgress.objects.filter(pegawai=pegawai).count() == 3
    assert evidence_attach_pending() == 0  # idempotent


def test_an_skp_saved_in_the_admin_takes_the_waiting_evidence_at_once(
    pegawai, course, admin_client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    complete(pegawai, course, django_capture_on_commit_callbacks)
    assert not SkpEvidence.objects.exists()
    periode = Periode.objects.create(tahun=this_year(), jenis=JenisPeriode.TAHUNAN, nomor=0)
    form = {
        "pegawai": pegawai.pk,
        "periode": periode.pk,
        "pendekatan": "kuantitatif",
        "status": "konsep",
        **{
            f"{name}-{key}": value
            for name in ("rhk", "perilaku")
            for key, value in (
                ("TOTAL_FORMS", 0),
                ("INITIAL_FORMS", 0),
                ("MIN_NUM_FORMS", 0),
                ("MAX_NUM_FORMS", 1000),
            )
        },
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("skp:add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SkpEvidence.objects.get().skp == SKP.objects.get(pegawai=pegawai, periode=periode)


def test_values_come_from_values_and_from_guides(pegawai, django_capture_on_commit_callbacks):
    make_skp(pegawai)
    both = make_course(competencies=("AK-2", "AK-3", "KL", "MJ-KS"))
    complete(pegawai, both, django_capture_on_commit_callbacks)
    assert codes(SkpEvidence.objects.get().values.all()) == {"AK", "KL"}


def test_a_course_teaching_no_value_still_counts_for_its_competencies(
    pegawai, django_capture_on_commit_callbacks
):
    make_skp(pegawai)
    teknis = make_course(competencies=("MJ-KOM",))
    complete(pegawai, teknis, django_capture_on_commit_callbacks)
    evidence = SkpEvidence.objects.get()
    assert not evidence.values.exists()
    progress = CompetencyProgress.objects.get(pegawai=pegawai)
    assert (progress.competency.code, progress.evidence_count, progress.level_reached) == (
        "MJ-KOM",
        1,
        None,
    )


def test_evidence_is_linked_to_the_open_assignment(
    pegawai, course, django_capture_on_commit_callbacks
):
    make_skp(pegawai)
    old = AssignmentFactory(
        pegawai=pegawai,
        course=course,
        status=AssignmentStatus.COMPLETED,
        completed_at=timezone.now() - datetime.timedelta(days=400),
    )
    assignment = AssignmentFactory(pegawai=pegawai, course=course)
    other_course = AssignmentFactory(pegawai=pegawai, course=make_course())
    complete(pegawai, course, django_capture_on_commit_callbacks)
    evidence = SkpEvidence.objects.get()
    assert evidence.assignment == assignment
    assert old != assignment != other_course


def test_evidence_is_linked_to_an_assignment_closed_just_before(
    pegawai, course, django_capture_on_commit_callbacks
):
    """The assignment branch's receiver may close the assignment before our task runs."""
    make_skp(pegawai)
    assignment = AssignmentFactory(pegawai=pegawai, course=course)
    services.enrolment_create(user=pegawai.user, course=course)
    assignment.status, assignment.completed_at = AssignmentStatus.COMPLETED, timezone.now()
    assignment.save()
    complete(pegawai, course, django_capture_on_commit_callbacks)
    assert SkpEvidence.objects.get().assignment == assignment


def test_a_revoked_certificate_withdraws_the_evidence_at_once(
    pegawai, course, django_capture_on_commit_callbacks
):
    pengelola = PegawaiFactory(unit=pegawai.unit).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    make_skp(pegawai)
    complete(pegawai, course, django_capture_on_commit_callbacks)
    assert SkpEvidence.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(
            certificate=Certificate.objects.get(user=pegawai.user), by=pengelola, reason="Plagiat"
        )
    assert not SkpEvidence.objects.exists()  # no sweep ran
    assert not CompetencyProgress.objects.filter(pegawai=pegawai).exists()
    assert evidence_attach_pending() == 0


def test_no_evidence_for_a_user_without_pegawai(course, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    with django_capture_on_commit_callbacks(execute=True):
        finish(UserFactory(), course)
    assert LearningRecord.objects.count() == 1
    assert not SkpEvidence.objects.exists()


def test_a_verified_external_training_is_attached_at_once(
    pegawai, django_capture_on_commit_callbacks
):
    pengelola = PegawaiFactory(unit=pegawai.unit).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    make_skp(pegawai)
    today = timezone.localdate()
    record = services.learning_record_create_external(
        user=pegawai.user,
        title="Diklat Teknis Arsip",
        institution="ANRI",
        jenis_diklat_id=3,
        minutes=270,
        start_date=today,
        end_date=today,
        certificate_number="ANRI/01",
        proof=SimpleUploadedFile("s.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    )
    assert evidence_attach_pending() == 0  # pending verification: not yet
    with django_capture_on_commit_callbacks(execute=True):
        services.learning_record_verify(record=record, by=pengelola, approve=True)
    evidence = SkpEvidence.objects.get()
    assert (evidence.kind, evidence.jp, evidence.certificate) == (
        EvidenceKind.EXTERNAL,
        Decimal("6.00"),
        None,
    )


def test_progress_counts_session_evidence_through_its_values_and_drops_stale_rows(pegawai):
    skp = make_skp(pegawai)
    session = PembinaanSessionFactory(held_by=PegawaiFactory(unit=pegawai.unit))
    evidence = SkpEvidence.objects.create(
        skp=skp,
        kind=EvidenceKind.SESSION,
        title="Coaching RHK",
        session=session,
        date=datetime.date(this_year(), 2, 3),
        jp=Decimal("1.33"),
    )
    evidence.values.set(Competency.objects.filter(code__in=["HA", "AD"]))
    assert competency_progress_refresh(pegawai_ids=[pegawai.pk]) == 2
    rows = CompetencyProgress.objects.filter(pegawai=pegawai)
    assert {(r.competency.code, r.evidence_count, r.level_reached) for r in rows} == {
        ("HA", 1, None),
        ("AD", 1, None),
    }
    evidence.values.set(Competency.objects.filter(code="HA"))
    competency_progress_refresh(pegawai_ids=[pegawai.pk])
    assert list(rows.values_list("competency__code", flat=True)) == ["HA"]


def test_progress_refresh_is_set_based(pegawai, django_assert_max_num_queries):
    """The query count does not grow with the number of pegawai or evidence rows."""
    unit = UnitKerjaFactory()
    people = [PegawaiFactory(unit=unit) for _ in range(12)]
    values = list(Competency.objects.values_berakhlak())
    for person in people:
        skp = make_skp(person)
        for n in range(3):
            e = SkpEvidence.objects.create(
                skp=skp,
                kind=EvidenceKind.EXTERNAL,
                title=f"Bukti {n}",
                date=datetime.date(this_year(), 1, n + 1),
            )
            e.values.set(values[n : n + 2])
    with django_assert_max_num_queries(8):
        written = competency_progress_refresh(pegawai_ids=[p.pk for p in people])
    assert written == 12 * 4
    first = CompetencyProgress.objects.get(pegawai=people[0], competency=values[1])
    assert (first.evidence_count, first.last_date) == (2, datetime.date(this_year(), 1, 2))


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_adds_the_evidence(celery_worker):
    """The completion event goes through the broker to a worker process."""
    pegawai = PegawaiFactory()
    course = make_course(competencies=("LO-1",))
    make_skp(pegawai)
    finish(pegawai.user, course)  # no surrounding transaction: commits, then the event
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not SkpEvidence.objects.exists():
        time.sleep(0.2)
    evidence = SkpEvidence.objects.get()
    assert codes(evidence.values.all()) == {"LO"}
    assert CompetencyProgress.objects.filter(pegawai=pegawai, competency__code="LO").exists()
