"""Coaches and mentors beyond the pimpinan (issue 16 §2): appointment rules and reach,
sessions a mentor records, B.1.8 feedback, B.1.9 ratings and the level they feed,
follow-ups overdue on Tim Saya and Mentee Saya."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from competencies.models import Competency
from kinerja_link.kuadran import Rating
from kinerja_link.pembinaan.follow_ups import overdue_follow_ups
from kinerja_link.pembinaan.mentoring import (
    appointment_create,
    appointment_end,
    competency_rate,
    session_evaluate,
)
from kinerja_link.pembinaan.models import (
    AppointmentKind,
    CoachAppointment,
    CompetencyRating,
    Notification,
    SessionEvaluation,
    SessionKind,
)
from kinerja_link.pembinaan.reminders import session_follow_up_reminders_create
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.pembinaan.team import OutsideTeamError
from kinerja_link.pengembangan.models import LevelSource
from kinerja_link.pengembangan.rules import current_levels
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory

from .teams import make_team

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


@pytest.fixture
def org():
    """make_team with a mentor (team[0]) appointed for a mentee (team[1])."""
    org = make_team(members=3)
    org.mentor, org.mentee, org.bystander = org.team
    org.appointment = appointment_create(
        user=org.pimpinan.user,
        mentor=org.mentor,
        mentee=org.mentee,
        kind=AppointmentKind.MENTOR,
        start_date=today() - days(30),
    )
    return org


@pytest.fixture
def competency():
    return Competency.objects.get(code="MJ-INT")


def record(org, user=None, ids=None, **overrides):
    args = {
        "user": user or org.mentor.user,
        "kind": SessionKind.MENTORING,
        "date": today() - days(1),
        "participant_ids": ids or [org.mentee.pk],
        "topics": "Menyusun laporan kinerja",
        "agreed_actions": "Kirim draf laporan",
        "follow_up_date": None,
        "duration_minutes": 60,
    }
    return session_record(**{**args, **overrides})


# Appointment rules


def test_the_pimpinan_appoints_and_it_is_audited_and_notified(org):
    assert org.appointment.appointed_by == org.pimpinan.user
    entry = ModelLogEntry.objects.get(action="pembinaan.appointment.create")
    assert entry.object_id == str(org.appointment.pk)
    assert Notification.objects.filter(user=org.mentor.user, key__startswith="penunjukan:").exists()


def test_a_pengelola_appoints_within_scope_only(org):
    appointment = appointment_create(
        user=org.pengelola.user,
        mentor=org.bystander,
        mentee=org.foreign,
        kind=AppointmentKind.COACH,
        start_date=today(),
    )
    assert appointment.mentee == org.foreign
    elsewhere = PegawaiFactory(unit=UnitKerjaFactory())
    with pytest.raises(PermissionDenied):
        appointment_create(
            user=org.pengelola.user,
            mentor=org.bystander,
            mentee=elsewhere,
            kind=AppointmentKind.COACH,
            start_date=today(),
        )


def test_a_plain_pegawai_or_another_pimpinan_cannot_appoint(org):
    for user in (org.bystander.user, org.pimpinan_lain.user):
        with pytest.raises(PermissionDenied):
            appointment_create(
                user=user,
                mentor=org.bystander,
                mentee=org.mentee,
                kind=AppointmentKind.MENTOR,
                start_date=today(),
            )


def test_no_self_mentoring_and_no_duplicate(org):
    with pytest.raises(ValidationError):
        appointment_create(
            user=org.pimpinan.user,
            mentor=org.mentee,
            mentee=org.mentee,
            kind=AppointmentKind.MENTOR,
            start_date=today(),
        )
    with pytest.raises(ValidationError):
        appointment_create(
            user=org.pimpinan.user,
            mentor=org.mentor,
            mentee=org.mentee,
            kind=AppointmentKind.COACH,
            start_date=today(),
        )


# Sessions a mentor records


def test_a_mentor_records_a_session_for_their_mentee(org):
    session = record(org)
    assert session.held_by == org.mentor
    assert list(session.participants.all()) == [org.mentee]


def test_a_mentor_cannot_record_for_anyone_else(org):
    for ids in ([org.bystander.pk], [org.mentee.pk, org.foreign.pk]):
        with pytest.raises(OutsideTeamError):
            record(org, ids=ids)


def test_a_mentor_cannot_link_an_evaluation(org):
    evaluasi = EvaluasiFactory(pegawai=org.mentee, periode=PeriodeFactory(tahun=today().year))
    with pytest.raises(ValidationError):
        record(org, evaluasi=evaluasi)


def test_a_non_appointed_pegawai_cannot_record(org):
    with pytest.raises(PermissionDenied):
        record(org, user=org.bystander.user)


def test_an_ended_appointment_loses_access(org, client, competency):
    session = record(org)
    appointment_end(user=org.pimpinan.user, appointment=org.appointment)
    assert ModelLogEntry.objects.filter(action="pembinaan.appointment.end").exists()
    with pytest.raises(PermissionDenied):
        record(org)
    with pytest.raises(PermissionDenied):
        competency_rate(
            user=org.mentor.user,
            session=session,
            pegawai=org.mentee,
            competency=competency,
            level=3,
        )
    client.force_login(org.mentor.user)
    assert client.get(reverse("pembinaan:mentee_saya")).status_code == 403
    assert client.get(reverse("pembinaan:session_create")).status_code == 403


def test_an_appointment_not_yet_started_or_past_its_end_gives_no_access(org):
    org.appointment.start_date = today() + days(1)
    org.appointment.save()
    with pytest.raises(PermissionDenied):
        record(org)
    org.appointment.start_date, org.appointment.end_date = today() - days(10), today() - days(1)
    org.appointment.save()
    with pytest.raises(PermissionDenied):
        record(org)


# Pages and who sees what


def test_mentee_saya_lists_the_mentee_and_refuses_others(org, client):
    client.force_login(org.mentor.user)
    response = client.get(reverse("pembinaan:mentee_saya"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-mentee="{org.mentee.pk}"' in html
    assert org.bystander.nama not in html
    client.force_login(org.bystander.user)
    assert client.get(reverse("pembinaan:mentee_saya")).status_code == 403


def test_the_session_form_offers_only_mentees_to_a_mentor(org, client):
    client.force_login(org.mentor.user)
    url = reverse("pembinaan:session_create")
    response = client.get(url, {"pegawai": org.mentee.pk})
    assert response.status_code == 200
    participants = response.context["form"].fields["participants"].queryset
    assert list(participants) == [org.mentee]
    assert "evaluasi" not in response.context["form"].fields
    assert client.get(url, {"pegawai": org.bystander.pk}).status_code == 404
    response = client.post(
        url,
        {
            "kind": SessionKind.MENTORING,
            "date": (today() - days(1)).isoformat(),
            "participants": [org.mentee.pk],
            "duration_minutes": 60,
            "topics": "Belajar menyusun SKP",
        },
    )
    assert response.status_code == 302
    assert org.mentee.pembinaan_sessions.get().held_by == org.mentor


def test_a_mentor_sees_only_sessions_they_held(org, client):
    own = record(org)
    pimpinan_session = record(org, user=org.pimpinan.user, kind=SessionKind.COACHING)
    client.force_login(org.mentor.user)
    assert client.get(reverse("pembinaan:session_detail", args=[own.pk])).status_code == 200
    detail = reverse("pembinaan:session_detail", args=[pimpinan_session.pk])
    assert client.get(detail).status_code == 404


# B.1.8 and B.1.9


def test_the_participant_gives_b18_feedback_shown_to_the_holder(org, client):
    session = record(org)
    client.force_login(org.mentee.user)
    url = reverse("pembinaan:session_evaluate", args=[session.pk])
    assert client.get(url).status_code == 200
    data = {"manfaat": 5, "kejelasan": 4, "rating": 5, "saran": "Lebih sering", "tindak_lanjut": ""}
    assert client.post(url, data).status_code == 302
    evaluation = SessionEvaluation.objects.get()
    assert (evaluation.pegawai, evaluation.rating, evaluation.saran) == (
        org.mentee,
        5,
        "Lebih sering",
    )
    client.force_login(org.mentor.user)
    html = client.get(reverse("pembinaan:session_detail", args=[session.pk])).content.decode()
    assert f'data-evaluasi="{org.mentee.pk}"' in html
    assert "Lebih sering" in html
    assert client.get(url).status_code == 403  # the holder does not rate their own session
    client.force_login(org.bystander.user)
    assert client.get(url).status_code == 404


def test_feedback_is_once_per_participant_and_amendable(org):
    session = record(org)
    for rating in (2, 4):
        session_evaluate(
            user=org.mentee.user, session=session, manfaat=3, kejelasan=3, rating=rating
        )
    assert SessionEvaluation.objects.get().rating == 4
    with pytest.raises(PermissionDenied):
        session_evaluate(user=org.bystander.user, session=session, manfaat=3, kejelasan=3, rating=3)


def test_the_holder_rates_a_competency_and_the_mentee_sees_it(org, client, competency):
    session = record(org)
    client.force_login(org.mentee.user)
    url = reverse("pembinaan:competency_rate", args=[session.pk])
    data = {"pegawai": org.mentee.pk, "competency": competency.pk, "level": 4}
    assert client.post(url, data).status_code == 403
    client.force_login(org.mentor.user)
    assert client.post(url, data).status_code == 302
    rating = CompetencyRating.objects.get()
    assert (rating.pegawai, rating.level, rating.rated_by) == (org.mentee, 4, org.mentor)
    client.force_login(org.mentee.user)
    html = client.get(reverse("pembinaan:umpan_balik")).content.decode()
    assert f'data-penilaian="{competency.pk}"' in html


def test_a_coach_rating_sets_the_current_level_with_its_source(org, competency):
    session = record(org)
    competency_rate(
        user=org.mentor.user, session=session, pegawai=org.mentee, competency=competency, level=3
    )
    level = current_levels(pegawai_id=org.mentee.pk, competency_ids=[competency.pk])[competency.pk]
    assert (level.level, level.source) == (3, LevelSource.COACHING)
    assert org.mentor.nama in level.source_label
    assert f"{session.date:%d-%m-%Y}" in level.source_label
    # A later, lower rating stands: the latest word of the coach counts.
    later = record(org, date=today())
    competency_rate(
        user=org.mentor.user, session=later, pegawai=org.mentee, competency=competency, level=2
    )
    level = current_levels(pegawai_id=org.mentee.pk, competency_ids=[competency.pk])[competency.pk]
    assert level.level == 2


def test_a_rating_needs_a_levelled_competency_and_a_level_1_to_5(org, competency):
    session = record(org)
    value = Competency.objects.values_berakhlak().first()
    with pytest.raises(ValidationError):
        competency_rate(
            user=org.mentor.user, session=session, pegawai=org.mentee, competency=value, level=3
        )
    with pytest.raises(ValidationError):
        competency_rate(
            user=org.mentor.user,
            session=session,
            pegawai=org.mentee,
            competency=competency,
            level=6,
        )


# Follow-ups


def test_a_follow_up_is_overdue_until_a_later_session(org):
    session = record(org, date=today() - days(10), follow_up_date=today() - days(2))
    overdue = overdue_follow_ups([org.mentee.pk], today=today())
    assert [f.session_id for f in overdue[org.mentee.pk]] == [session.pk]
    assert overdue_follow_ups([org.mentee.pk], today=today() - days(2)) == {}
    record(org, date=today() - days(1))
    assert overdue_follow_ups([org.mentee.pk], today=today()) == {}


def test_follow_up_reminders_reach_the_mentor_and_the_mentee(org):
    record(org, date=today() - days(1), follow_up_date=today() + days(1))
    assert session_follow_up_reminders_create(today=today()) == 2
    users = set(
        Notification.objects.filter(key__contains="tindak-lanjut").values_list("user", flat=True)
    )
    assert users == {org.mentor.user_id, org.mentee.user_id}


def test_overdue_follow_ups_show_on_tim_saya_and_mentee_saya(org, client):
    record(org, date=today() - days(10), follow_up_date=today() - days(2))
    client.force_login(org.pimpinan.user)
    html = client.get(reverse("tim_saya:index")).content.decode()
    assert f'data-tindak-lanjut="{org.mentee.pk}"' in html
    assert f'data-tindak-lanjut="{org.bystander.pk}"' not in html
    client.force_login(org.mentor.user)
    html = client.get(reverse("pembinaan:mentee_saya")).content.decode()
    assert f'data-tindak-lanjut="{org.mentee.pk}"' in html


# Sangat Baik → mentoring


def test_a_sangat_baik_member_is_offered_as_mentor_and_appointed_in_one_post(org, client):
    periode = PeriodeFactory(tahun=today().year)
    EvaluasiFactory(
        pegawai=org.bystander,
        periode=periode,
        rating_hasil=Rating.DI_ATAS,
        rating_perilaku=Rating.DI_ATAS,
    )
    EvaluasiFactory(pegawai=org.mentee, periode=periode)
    client.force_login(org.pimpinan.user)
    html = client.get(reverse("tim_saya:index")).content.decode()
    assert f'data-kandidat-mentor="{org.bystander.pk}"' in html
    assert f'data-kandidat-mentor="{org.mentee.pk}"' not in html
    response = client.post(
        reverse("pembinaan:appointment_list"),
        {
            "mentor": org.bystander.pk,
            "mentee": org.mentee.pk,
            "kind": AppointmentKind.MENTOR,
            "start_date": today().isoformat(),
        },
    )
    assert response.status_code == 302
    assert CoachAppointment.objects.filter(mentor=org.bystander, mentee=org.mentee).exists()


def test_the_appointment_page_refuses_a_plain_pegawai(org, client):
    client.force_login(org.bystander.user)
    assert client.get(reverse("pembinaan:appointment_list")).status_code == 403
    url = reverse("pembinaan:appointment_end", args=[org.appointment.pk])
    assert client.post(url).status_code == 403
    org.appointment.refresh_from_db()
    assert org.appointment.is_active


def test_the_idp_gap_names_the_coach_rating_as_source(org, competency):
    from kinerja_link.pengembangan.models import StandarKompetensi
    from kinerja_link.pengembangan.services import gap_items

    StandarKompetensi.objects.create(
        jabatan=org.mentee.jabatan, unit=org.unit, competency=competency, required_level=4
    )
    session = record(org)
    competency_rate(
        user=org.mentor.user, session=session, pegawai=org.mentee, competency=competency, level=3
    )
    (item,) = gap_items(org.mentee)
    assert (item.current_level, item.current_source) == (3, LevelSource.COACHING)
    assert "Penilaian coach/mentor setelah coaching" in item.reason
    assert org.mentor.nama in item.reason


def test_the_rating_form_preselects_the_only_participant(org, client):
    session = record(org)
    client.force_login(org.mentor.user)
    response = client.get(reverse("pembinaan:session_detail", args=[session.pk]))
    assert response.context["rating_form"].initial == {"pegawai": org.mentee.pk}
