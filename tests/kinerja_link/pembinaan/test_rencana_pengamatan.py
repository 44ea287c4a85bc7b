"""Around the rencana aksi (issue 15 §3): reminders for agreed actions and session
follow-ups, Tim Saya's pengamatan, learning evidence offered for the RHK it was
recommended for, and the demo."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.pembinaan import rencana_aksi as svc
from kinerja_link.pembinaan.evidence import rhk_recommended_for
from kinerja_link.pembinaan.models import (
    AssignmentStatus,
    EvidenceKind,
    Notification,
    SessionParticipant,
    SkpEvidence,
)
from kinerja_link.pembinaan.reminders import (
    reminders_create,
    rencana_aksi_reminders_create,
    session_follow_up_reminders_create,
)
from kinerja_link.pembinaan.rencana_page import pengamatan_for
from kinerja_link.pembinaan.sessions import session_record
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import rhk_create
from tests.learning.factories import make_course

from .factories import AssignmentFactory, PembinaanSessionFactory, RecommendationFactory
from .teams import make_team

pytestmark = pytest.mark.django_db
YEAR = 2026
T = datetime.date(YEAR, 12, 1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def team():
    return make_team(members=2)


def skp_of(pegawai, pimpinan, rhk: int = 2) -> SKP:
    periode = Periode.objects.get_or_create(tahun=YEAR, jenis=JenisPeriode.TAHUNAN, nomor=0)[0]
    skp = SKP.objects.create(pegawai=pegawai, periode=periode, pejabat_penilai=pimpinan)
    for n in range(rhk):
        rhk_create(skp=skp, rhk=f"RHK {n + 1}", sort_order=n)
    return skp


def plan(pegawai, pimpinan, rhk, *, target, approve=True, submit=True):
    rencana = svc.rencana_aksi_create(
        user=pegawai.user, rhk=rhk, text=f"Rencana {target}", target_date=target
    )
    if submit:
        svc.rencana_aksi_submit(user=pegawai.user, rencana=rencana)
    if approve:
        svc.rencana_aksi_approve(user=pimpinan.user, rencana=rencana)
    return rencana


def reminder_keys(prefix: str) -> list[str]:
    return sorted(Notification.objects.filter(key__startswith=prefix).values_list("key", flat=True))


# --- Reminders -----------------------------------------------------------------------------


def test_agreed_rencana_aksi_remind_pegawai_and_pimpinan_once(team):
    member = team.team[0]
    skp = skp_of(member, team.pimpinan)
    rhk = skp.rhk.first()
    due = plan(member, team.pimpinan, rhk, target=T + 3 * DAY)
    plan(member, team.pimpinan, rhk, target=T + 2 * DAY, approve=False)  # still awaiting
    plan(member, team.pimpinan, rhk, target=T + 10 * DAY)  # not yet
    plan(member, team.pimpinan, rhk, target=T - DAY)  # reminded on its day, then never again

    made = [rencana_aksi_reminders_create(today=T + n * DAY) for n in range(-1, 5)]
    assert made == [2, 2, 0, 0, 0, 0]  # one per person and item, however many runs
    notes = Notification.objects.filter(key__startswith=f"rencana-aksi:{due.pk}:target:")
    assert {n.user_id for n in notes} == {member.user_id, team.pimpinan.user_id}
    assert all("4 Desember 2026" in n.title for n in notes)
    assert all(n.url == reverse("pembinaan:rencana_aksi", args=[due.pk]) for n in notes)
    # A target moved later (after a new agreement) earns a new reminder.
    type(due).objects.filter(pk=due.pk).update(target_date=T + 12 * DAY)
    assert rencana_aksi_reminders_create(today=T + 10 * DAY) == 4  # due and the 10-day one


def test_session_follow_up_reminds_holder_and_participants(team):
    session = session_record(
        user=team.pimpinan.user,
        kind="coaching",
        date=T - 5 * DAY,
        participant_ids=[m.pk for m in team.team],
        topics="RHK terukur",
        agreed_actions="Kirim draf revisi",
        follow_up_date=T + 2 * DAY,
        duration_minutes=60,
    )
    assert session_follow_up_reminders_create(today=T - 2 * DAY) == 0
    assert session_follow_up_reminders_create(today=T) == 3
    assert session_follow_up_reminders_create(today=T + DAY) == 0
    users = set(
        Notification.objects.filter(key__startswith=f"sesi:{session.pk}:").values_list(
            "user_id", flat=True
        )
    )
    assert users == {team.pimpinan.user_id, *(m.user_id for m in team.team)}
    assert "3 Desember 2026" in Notification.objects.filter(key__startswith="sesi:").first().title


def test_the_reminder_job_includes_both_and_its_queries_do_not_grow(team):
    def grow(n: int):
        pimpinan = PegawaiFactory(unit=team.unit)
        for _ in range(n):
            member = PegawaiFactory(unit=team.unit, pejabat_penilai=pimpinan)
            plan(member, pimpinan, skp_of(member, pimpinan, rhk=1).rhk.first(), target=T + DAY)
            session = PembinaanSessionFactory(held_by=pimpinan, date=T, follow_up_date=T + DAY)
            SessionParticipant.objects.create(session=session, pegawai=member)

    def queries(today) -> int:
        with CaptureQueriesContext(connection) as captured:
            counts = reminders_create(today=today)
        assert counts["rencana-aksi"] > 0 and counts["tindak-lanjut-sesi"] > 0
        return len(captured)

    grow(2)
    small = queries(T)
    grow(10)
    assert queries(T + DAY) == small


# --- Tim Saya's pengamatan ----------------------------------------------------------------


def test_tim_saya_shows_rencana_aksi_and_realisasi_per_member(client, team):
    member, other = team.team
    skp = skp_of(member, team.pimpinan, rhk=3)
    first, second, _third = list(skp.rhk.all())
    done = plan(member, team.pimpinan, first, target=datetime.date(YEAR, 6, 1))
    svc.bukti_link_add(user=member.user, rencana=done, url="https://example.go.id/laporan")
    plan(member, team.pimpinan, first, target=datetime.date(YEAR, 7, 1))
    plan(member, team.pimpinan, second, target=datetime.date(YEAR, 8, 1), approve=False)
    SkpEvidence.objects.create(
        skp=skp, kind=EvidenceKind.COURSE, title="Kursus", date=T, rhk=second
    )
    assert pengamatan_for([member.pk, other.pk], year=YEAR)[member.pk].rhk_with_bukti == 2

    client.force_login(team.pimpinan.user)
    html = client.get(reverse("tim_saya:index")).content.decode()
    row = re.search(
        rf'data-pengamatan="{member.pk}">(.*?)</span>\s*<span class="tim-member-links"', html, re.S
    )
    text = " ".join(re.sub(r"<[^>]+>", " ", row.group(1)).split())
    assert "Rencana aksi 2/3 disetujui" in text
    assert "1 menunggu persetujuan" in text
    assert "Realisasi: 2/3 RHK dengan bukti dukung" in text
    other_row = re.search(rf'data-pengamatan="{other.pk}">(.*?)</span>', html, re.S).group(1)
    assert "SKP tahun ini belum ada" in other_row


def test_tim_saya_with_50_members_in_bounded_queries(client, team, django_assert_max_num_queries):
    pimpinan = PegawaiFactory(unit=team.unit)
    for n in range(50):
        member = PegawaiFactory(unit=team.unit, pejabat_penilai=pimpinan)
        skp = skp_of(member, pimpinan, rhk=2)
        if n % 2:
            rencana = plan(member, pimpinan, skp.rhk.first(), target=datetime.date(YEAR, 6, 1))
            svc.bukti_link_add(user=member.user, rencana=rencana, url="https://example.go.id/x")
            plan(member, pimpinan, skp.rhk.last(), target=datetime.date(YEAR, 7, 1), approve=False)
    client.force_login(pimpinan.user)
    url = reverse("tim_saya:index")
    client.get(url)  # warm
    with django_assert_max_num_queries(14):
        html = client.get(url).content.decode()
    assert html.count("Rencana aksi 1/2 disetujui") == 25
    assert html.count("Belum ada rencana aksi") == 25
    assert html.count("Realisasi: 1/2 RHK dengan bukti dukung") == 25


# --- Evidence offered for the RHK it was recommended for -----------------------------------


def test_course_evidence_goes_under_the_rhk_its_recommendation_was_coached_on(team):
    member = team.team[0]
    skp = skp_of(member, team.pimpinan)
    rhk = list(skp.rhk.all())
    course = make_course(lessons=0, title="Pelayanan prima")
    recommendation = RecommendationFactory(evaluasi__pegawai=member, course=course, session_kind="")
    assignment = AssignmentFactory(
        pegawai=member,
        course=course,
        recommendation=recommendation,
        status=AssignmentStatus.ASSIGNED,
    )
    assert rhk_recommended_for(assignment=assignment, skp=skp) is None  # nothing says which
    session = PembinaanSessionFactory(
        held_by=team.pimpinan, date=T, recommendation=recommendation, rhk=rhk[1]
    )
    SessionParticipant.objects.create(session=session, pegawai=member)
    assert rhk_recommended_for(assignment=assignment, skp=skp) == rhk[1].pk
    other = team.team[1]  # a session about someone else's RHK does not count
    assert rhk_recommended_for(assignment=assignment, skp=skp_of(other, team.pimpinan)) is None
    assert rhk_recommended_for(assignment=None, skp=skp) is None


def test_a_completed_course_lands_on_the_recommended_rhk(team, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from learning import services as learning_services

    member = team.team[0]
    periode = Periode.objects.get_or_create(
        tahun=timezone.localdate().year, jenis=JenisPeriode.TAHUNAN, nomor=0
    )[0]
    skp = SKP.objects.create(pegawai=member, periode=periode, pejabat_penilai=team.pimpinan)
    rhk = [rhk_create(skp=skp, rhk=f"RHK {n}", sort_order=n) for n in range(2)]
    course = make_course(lessons=1, title="Pelayanan prima", jp=2)
    recommendation = RecommendationFactory(evaluasi__pegawai=member, course=course, session_kind="")
    AssignmentFactory(pegawai=member, course=course, recommendation=recommendation)
    session = PembinaanSessionFactory(
        held_by=team.pimpinan, recommendation=recommendation, rhk=rhk[1]
    )
    SessionParticipant.objects.create(session=session, pegawai=member)
    with django_capture_on_commit_callbacks(execute=True):
        learning_services.enrolment_create(user=member.user, course=course)
        for lesson in course.lessons():
            learning_services.lesson_complete(user=member.user, lesson=lesson)
    evidence = SkpEvidence.objects.get(skp=skp, kind=EvidenceKind.COURSE)
    assert evidence.rhk_id == rhk[1].pk


# --- Demo -----------------------------------------------------------------------------------


def test_demo_rencana_aksi_seed_is_complete_and_idempotent(team):
    from kinerja_link.pembinaan import demo_rencana

    member = team.team[0]
    skp_of(member, team.pimpinan)
    demo_rencana.DEMO_PEGAWAI_NIP = member.user.nip
    try:
        assert demo_rencana.seed_rencana_aksi(today=T) == 4
        assert demo_rencana.seed_rencana_aksi(today=T) == 0
    finally:
        demo_rencana.DEMO_PEGAWAI_NIP = "196812231995031001"
    p = pengamatan_for([member.pk], year=YEAR)[member.pk]
    assert (p.total, p.disetujui, p.menunggu, p.perbaikan, p.rhk_with_bukti) == (4, 2, 1, 1, 1)
    assert (
        Notification.objects.filter(
            key__startswith="rencana-aksi:", key__contains=":target:"
        ).count()
        == 2
    )
