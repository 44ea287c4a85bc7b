"""Recording pembinaan sessions: JP ledger, SKP evidence, scoping and the pages."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from competencies.models import Competency
from kinerja_link.pembinaan.assignments import recommendation_accept
from kinerja_link.pembinaan.models import (
    CompetencyProgress,
    EvidenceKind,
    Notification,
    PembinaanSession,
    PembinaanSettings,
    RecommendationStatus,
    SessionKind,
    SessionParticipant,
    SkpEvidence,
)
from kinerja_link.pembinaan.sessions import session_learning_records, session_record
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from tests.kinerja_link.factories import EvaluasiFactory

from .factories import PembinaanSessionFactory, RecommendationFactory
from .teams import make_skp, make_team

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def org():
    return make_team(members=3)


def record(org, **overrides):
    args = {
        "user": org.pimpinan.user,
        "kind": SessionKind.COACHING,
        "date": YESTERDAY,
        "participant_ids": [m.pk for m in org.team[:2]],
        "topics": "Menyusun RHK terukur",
        "agreed_actions": "Revisi RHK minggu depan",
        "follow_up_date": None,
        "duration_minutes": 90,
    }
    return session_record(**{**args, **overrides})


def set_jp(on: bool) -> None:
    settings = PembinaanSettings.load()
    settings.sessions_count_as_jp = on
    settings.save()


@pytest.mark.parametrize(
    ("kind", "jenis"), [(SessionKind.COACHING, 14), (SessionKind.MENTORING, 15)]
)
def test_session_counts_as_jp_with_its_jenis_diklat(org, kind, jenis):
    set_jp(True)
    session = record(org, kind=kind)
    records = LearningRecord.objects.filter(user__in=[m.user for m in org.team[:2]])
    assert records.count() == 2
    for row in records:
        assert row.jenis_diklat_id == jenis
        assert row.source == LearningRecordSource.COACHING
        assert row.verification_status == VerificationStatus.VERIFIED
        assert row.jp == Decimal("2.00")  # 90 minutes at 45 minutes a JP
        assert row.start_date == row.end_date == YESTERDAY
        assert org.pimpinan.nama in row.title
    linked = SessionParticipant.objects.filter(session=session).values_list(
        "learning_record_id", flat=True
    )
    assert set(linked) == set(records.values_list("pk", flat=True))
    assert not LearningRecord.objects.filter(user=org.team[2].user).exists()


def test_no_jp_when_the_agency_does_not_count_sessions(org):
    set_jp(False)
    session = record(org)
    assert session.participants.count() == 2
    assert not LearningRecord.objects.exists()


def test_konseling_never_becomes_a_jp_record(org):
    set_jp(True)
    record(org, kind=SessionKind.KONSELING)
    assert not LearningRecord.objects.exists()


def test_learning_records_are_made_once(org):
    set_jp(True)
    session = record(org)
    first = session_learning_records(session=session)
    again = session_learning_records(session=session)
    assert first == again
    assert LearningRecord.objects.count() == 2


def test_a_foreign_participant_rejects_the_whole_session_and_is_audited(org):
    ids = [org.team[0].pk, org.foreign.pk]
    with pytest.raises(PermissionDenied):
        record(org, participant_ids=ids)
    assert not PembinaanSession.objects.exists()
    assert not SessionParticipant.objects.exists()
    assert not LearningRecord.objects.exists()
    entry = ModelLogEntry.objects.get(action="kinerja_link.team.rejected")
    assert entry.user_id == org.pimpinan.user_id
    assert entry.data["foreign_ids"] == [org.foreign.pk]


def test_only_a_pimpinan_records_sessions(org):
    with pytest.raises(PermissionDenied):
        record(org, user=org.team[0].user, participant_ids=[org.team[1].pk])


def test_evidence_on_the_skp_of_the_session_year(org):
    set_jp(True)
    nilai = Competency.objects.get(code="KO")
    skp = make_skp(org.team[0], tahun=YESTERDAY.year, rhk=2)
    make_skp(org.team[1], tahun=YESTERDAY.year - 1)  # another year: no evidence there
    rhk = skp.rhk.first()
    session = record(org, nilai=nilai, rhk=rhk)
    evidence = SkpEvidence.objects.get()
    assert evidence.skp == skp
    assert evidence.kind == EvidenceKind.SESSION
    assert evidence.session == session
    assert evidence.rhk == rhk
    assert list(evidence.values.all()) == [nilai]
    assert evidence.jp == Decimal("2.00")
    assert evidence.learning_record.user == org.team[0].user
    progress = CompetencyProgress.objects.get(pegawai=org.team[0])
    assert (progress.competency, progress.evidence_count) == (nilai, 1)
    assert progress.last_date == session.date


def test_links_must_belong_to_a_participant(org):
    other_skp = make_skp(org.team[2], tahun=YESTERDAY.year)
    with pytest.raises(ValidationError) as error:
        record(org, rhk=other_skp.rhk.first())
    assert "rhk" in error.value.message_dict
    with pytest.raises(ValidationError):
        record(org, evaluasi=EvaluasiFactory(pegawai=org.team[2]))
    assert not PembinaanSession.objects.exists()


def test_a_session_answers_its_recommendation(org):
    rec = RecommendationFactory(pegawai=org.team[0], evaluasi__pegawai=org.team[0])
    session = record(org, participant_ids=[org.team[0].pk], recommendation=rec)
    rec.refresh_from_db()
    assert rec.status == RecommendationStatus.ACCEPTED
    assert rec.decided_by == org.pimpinan.user
    assert session.evaluasi == rec.evaluasi
    assert ModelLogEntry.objects.filter(
        action="kinerja_link.recommendation.accept", object_id=str(rec.pk)
    ).exists()
    # A decided recommendation cannot be answered again, and nothing is written.
    with pytest.raises(ValidationError):
        record(org, participant_ids=[org.team[0].pk], recommendation=rec)
    assert PembinaanSession.objects.count() == 1


def test_answering_a_recommendation_is_the_same_acceptance_as_on_tim_saya(org):
    """Both ways of accepting leave the same row and the same audit entry."""
    answered = RecommendationFactory(pegawai=org.team[0], evaluasi__pegawai=org.team[0])
    accepted = RecommendationFactory(pegawai=org.team[1], evaluasi__pegawai=org.team[1])
    record(org, participant_ids=[org.team[0].pk], recommendation=answered)
    recommendation_accept(user=org.pimpinan.user, recommendation=accepted)

    def outcome(rec):
        rec.refresh_from_db()
        entry = ModelLogEntry.objects.get(
            object_id=str(rec.pk), action__startswith="kinerja_link.rec"
        )
        return rec.status, rec.decided_by_id, rec.decided_at is not None, entry.action

    assert outcome(answered) == outcome(accepted)


def test_session_is_audited_and_participants_notified(org):
    session = record(org)
    assert ModelLogEntry.objects.filter(
        action="kinerja_link.session.create", object_id=str(session.pk)
    ).exists()
    assert set(Notification.objects.values_list("user_id", flat=True)) == {
        m.user_id for m in org.team[:2]
    }


def test_future_date_is_refused(org):
    with pytest.raises(ValidationError):
        record(org, date=timezone.localdate() + datetime.timedelta(days=1))


# --- Pages ------------------------------------------------------------------------------


def test_form_preselects_a_team_member(client, org):
    client.force_login(org.pimpinan.user)
    url = reverse("pembinaan:session_create")
    response = client.get(url, {"pegawai": org.team[1].pk})
    assert response.status_code == 200
    assert response.context["form"].initial["participants"] == [org.team[1].pk]
    assert org.foreign.nama not in response.content.decode()
    assert client.get(url, {"pegawai": org.foreign.pk}).status_code == 404


def test_form_preselects_from_a_recommendation(client, org):
    rec = RecommendationFactory(
        pegawai=org.team[0], evaluasi__pegawai=org.team[0], session_kind=SessionKind.MENTORING
    )
    client.force_login(org.pimpinan.user)
    response = client.get(reverse("pembinaan:session_create"), {"rekomendasi": rec.pk})
    initial = response.context["form"].initial
    assert initial["kind"] == SessionKind.MENTORING
    assert initial["participants"] == [org.team[0].pk]
    foreign = RecommendationFactory(pegawai=org.foreign, evaluasi__pegawai=org.foreign)
    response = client.get(reverse("pembinaan:session_create"), {"rekomendasi": foreign.pk})
    assert response.status_code == 404


def test_posting_the_form_records_a_session(client, org):
    client.force_login(org.pimpinan.user)
    response = client.post(
        reverse("pembinaan:session_create"),
        {
            "kind": SessionKind.COACHING,
            "date": YESTERDAY.isoformat(),
            "participants": [org.team[0].pk, org.team[1].pk],
            "duration_minutes": 45,
            "topics": "Target triwulan",
            "agreed_actions": "",
            "follow_up_date": "",
        },
    )
    assert response.status_code == 302
    session = PembinaanSession.objects.get()
    assert set(session.participants.all()) == set(org.team[:2])


def test_posting_a_foreign_participant_changes_nothing(client, org):
    client.force_login(org.pimpinan.user)
    response = client.post(
        reverse("pembinaan:session_create"),
        {
            "kind": SessionKind.COACHING,
            "date": YESTERDAY.isoformat(),
            "participants": [org.team[0].pk, org.foreign.pk],
            "duration_minutes": 45,
            "topics": "Target triwulan",
        },
    )
    assert response.status_code == 200
    assert "Pilih hanya anggota tim Anda." in response.content.decode()
    assert not PembinaanSession.objects.exists()


def test_pegawai_without_team_gets_403_and_anonymous_the_login(client, org):
    for name in ("session_create", "session_list"):
        assert client.get(reverse(f"pembinaan:{name}")).status_code == 302
    client.force_login(org.team[0].user)
    for name in ("session_create", "session_list"):
        assert client.get(reverse(f"pembinaan:{name}")).status_code == 403


@pytest.mark.parametrize("count", [2, 20])
def test_session_list_shows_own_sessions_in_flat_queries(
    client, org, count, django_assert_max_num_queries
):
    for _n in range(count):
        session = PembinaanSessionFactory(held_by=org.pimpinan)
        session.participants.add(*org.team)
    PembinaanSessionFactory(held_by=org.pimpinan_lain, topics="Rahasia tim lain")
    client.force_login(org.pimpinan.user)
    client.get(reverse("pembinaan:session_list"))  # warm caches (site, settings)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("pembinaan:session_list"))
    assert len(response.context["page"].object_list) == count
    assert "Rahasia tim lain" not in response.content.decode()


def test_session_detail_for_holder_and_participants_only(client, org):
    session = PembinaanSessionFactory(held_by=org.pimpinan)
    session.participants.add(org.team[0])
    url = reverse("pembinaan:session_detail", args=[session.pk])
    for user, status in (
        (org.pimpinan.user, 200),
        (org.team[0].user, 200),
        (org.team[1].user, 404),
        (org.pimpinan_lain.user, 404),
        (org.pengelola.user, 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
