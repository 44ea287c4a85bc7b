"""The "Tim Saya" page: exactly the pimpinan's team, its actions, and flat query counts."""

import datetime
import re
from decimal import Decimal
from html import escape

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from kinerja_link.kuadran import Rating
from kinerja_link.models import Evaluasi
from kinerja_link.pembinaan import assignments as svc
from kinerja_link.pembinaan.models import (
    Assignment,
    AssignmentStatus,
    Recommendation,
    RecommendationStatus,
)
from kinerja_link.pembinaan.selectors import LIST_LIMIT, MEMBERS_PER_PAGE
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.learning.factories import make_course

from .factories import AssignmentFactory, PembinaanRuleFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
URL = "/tim-saya/"


def today() -> datetime.date:
    # Read at each use, not at import: a run that crosses midnight (WIB) stays right.
    return timezone.localdate()


def due() -> datetime.date:
    return today() + datetime.timedelta(days=14)


@pytest.fixture
def periode(org):
    periode = PeriodeFactory()
    ratings = [
        (Rating.DI_ATAS, Rating.DI_ATAS),
        (Rating.SESUAI, Rating.DI_BAWAH),
        (Rating.DI_BAWAH, Rating.SESUAI),
    ]
    for member, (hasil, perilaku) in zip(org.staff, ratings, strict=True):
        EvaluasiFactory(
            pegawai=member, periode=periode, rating_hasil=hasil, rating_perilaku=perilaku
        )
    EvaluasiFactory(pegawai=org.other, periode=periode)
    return periode


@pytest.fixture
def course(org):
    return make_course(title="Menyusun SKP dan RHK", lessons=2)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_url_and_old_address_redirects(client, org):
    assert reverse("tim_saya:index") == URL
    client.force_login(org.kepala.user)
    response = client.get("/kinerja/tim/?periode=3")
    assert response.status_code == 301
    assert response["Location"] == URL + "?periode=3"


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_pegawai_without_a_team_gets_403(client, org, periode):
    client.force_login(org.staff[0].user)
    assert client.get(URL).status_code == 403


def test_pimpinan_sees_exactly_the_team_in_the_kuadran_and_the_list(client, org, periode):
    client.force_login(org.kepala.user)
    response = client.get(URL)
    html = response.content.decode()
    for member in [*org.staff, org.pengelola]:
        assert escape(member.nama) in html
    assert escape(org.other.nama) not in html
    assert escape(org.kepala.nama) not in html.split('id="konten"')[-1]
    grid = {
        (cell.hasil, cell.perilaku): [m.pk for m in cell.members]
        for _hasil, cells in response.context["grid"]
        for cell in cells
    }
    assert grid[(Rating.DI_ATAS, Rating.DI_ATAS)] == [org.staff[0].pk]
    assert grid[(Rating.SESUAI, Rating.DI_BAWAH)] == [org.staff[1].pk]
    assert grid[(Rating.DI_BAWAH, Rating.SESUAI)] == [org.staff[2].pk]
    assert response.context["unrated"] == 1  # the pengelola has no evaluation
    # docs/domain.md §2: first row Di Atas; its first cell (perilaku Di Bawah) is Kurang/Misconduct.
    first_row = response.context["grid"][0][1]
    assert first_row[0].predikat.label == "Kurang/Misconduct"
    assert "Sangat Baik" in html and "Butuh Perbaikan" in html
    assert "<script>" not in html and "style=" not in html.split('id="konten"')[-1]


def test_filters_by_unit_and_predikat(client, org, periode):
    moved = PegawaiFactory(unit=org.unit_b, pejabat_penilai=org.kepala)
    client.force_login(org.kepala.user)
    by_unit = client.get(URL, {"unit": org.unit_b.pk}).context["members"]
    assert [m.pk for m in by_unit] == [moved.pk]
    sangat_baik = client.get(URL, {"predikat": "1"}).context["members"]
    assert [m.pk for m in sangat_baik] == [org.staff[0].pk]
    unrated = client.get(URL, {"predikat": "0"}).context["members"]
    assert {m.pk for m in unrated} == {org.pengelola.pk, moved.pk}


def test_jp_this_year_against_the_target(client, org, periode):
    LearningRecord.objects.create(
        user=org.staff[0].user,
        source=LearningRecordSource.EXTERNAL,
        title="Diklat",
        jp=Decimal(21),
        start_date=today(),
        end_date=today(),
        verification_status=VerificationStatus.VERIFIED,
    )
    LearningRecord.objects.create(
        user=org.staff[1].user,
        source=LearningRecordSource.EXTERNAL,
        title="Belum diverifikasi",
        jp=Decimal(30),
        start_date=today(),
        end_date=today(),
    )
    client.force_login(org.kepala.user)
    response = client.get(URL)
    members = {m.pk: m for m in response.context["members"]}
    assert members[org.staff[0].pk].jp == 21 and members[org.staff[0].pk].jp_reached
    assert members[org.staff[1].pk].jp == 0
    assert response.context["jp_reached"] == 1
    assert "21 / 20 JP" in response.content.decode()


def test_bulk_assign_form_post_redirect_get(client, org, periode, course):
    client.force_login(org.kepala.user)
    response = client.post(
        reverse("tim_saya:assign"),
        {
            "pegawai": [org.staff[0].pk, org.staff[1].pk],
            "course": course.pk,
            "due_date": due().isoformat(),
            "note": "Selesaikan sebelum evaluasi",
            "periode": periode.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?periode={periode.pk}"
    assert any("ditugaskan kepada 2 pegawai" in m for m in messages_of(response))
    assert Assignment.objects.filter(course=course).count() == 2
    page = client.get(URL).content.decode()
    assert page.count("0% selesai") >= 2 and "<progress" in page


def test_bulk_assign_with_bad_input_shows_indonesian_errors(client, org, periode, course):
    client.force_login(org.kepala.user)
    response = client.post(
        reverse("tim_saya:assign"),
        {"pegawai": [org.staff[0].pk], "course": course.pk, "due_date": today().isoformat()},
    )
    assert response.status_code == 302
    assert any("Tenggat harus setelah hari ini" in m for m in messages_of(response))
    response = client.post(reverse("tim_saya:assign"), {"course": course.pk})
    assert any("Pilih minimal satu pegawai" in m for m in messages_of(response))
    assert not Assignment.objects.exists()


def test_bulk_assign_with_a_member_of_another_team_is_404_and_audited(client, org, course):
    client.force_login(org.kepala.user)
    ids = [org.staff[0].pk, org.other.pk]
    response = client.post(
        reverse("tim_saya:assign"),
        {"pegawai": ids, "course": course.pk, "due_date": due().isoformat()},
    )
    missing = client.post(
        reverse("tim_saya:assign"),
        {"pegawai": [org.staff[0].pk, 999_999], "course": course.pk, "due_date": due().isoformat()},
    )
    assert response.status_code == missing.status_code == 404
    assert not Assignment.objects.exists()
    entries = ModelLogEntry.objects.filter(action="kinerja_link.team.rejected")
    assert entries.count() == 2
    assert sorted(ids) in [e.data["requested_ids"] for e in entries]


def test_pegawai_without_team_cannot_post_actions(client, org, course):
    client.force_login(org.staff[0].user)
    response = client.post(
        reverse("tim_saya:assign"),
        {"pegawai": [org.staff[1].pk], "course": course.pk, "due_date": due().isoformat()},
    )
    assert response.status_code == 403
    assert not Assignment.objects.exists()


def test_actions_on_another_pimpinans_member_are_404(client, org, course):
    rec = RecommendationFactory(evaluasi=EvaluasiFactory(pegawai=org.other))
    assignment = AssignmentFactory(pegawai=org.other, course=course)
    client.force_login(org.kepala.user)
    urls = [
        reverse("tim_saya:recommendation_accept", args=[rec.pk]),
        reverse("tim_saya:recommendation_dismiss", args=[rec.pk]),
        reverse("tim_saya:assignment_cancel", args=[assignment.pk]),
        reverse("tim_saya:recommendation_accept", args=[999_999]),
        reverse("tim_saya:assignment_cancel", args=[999_999]),
    ]
    for url in urls:
        assert client.post(url, {"reason": "x"}).status_code == 404, url
    rec.refresh_from_db(), assignment.refresh_from_db()
    assert rec.status == RecommendationStatus.OPEN
    assert assignment.status == AssignmentStatus.ASSIGNED


def test_accept_and_dismiss_from_the_page(client, org, periode, course):
    rule = PembinaanRuleFactory(due_days=10, session_kind="")
    evaluasi = Evaluasi.objects.get(pegawai=org.staff[2], periode=periode)
    course_rec = RecommendationFactory(
        evaluasi=evaluasi,
        rule=rule,
        course=course,
        session_kind="",
        reason="Perilaku di bawah ekspektasi",
    )
    session_rec = RecommendationFactory(evaluasi=evaluasi)
    client.force_login(org.kepala.user)
    page = client.get(URL).content.decode()
    assert "Perilaku di bawah ekspektasi" in page
    assert reverse("tim_saya:recommendation_dismiss", args=[session_rec.pk]) in page
    response = client.post(reverse("tim_saya:recommendation_accept", args=[course_rec.pk]))
    assert response.status_code == 302
    assignment = Assignment.objects.get(recommendation=course_rec)
    assert assignment.due_date == today() + datetime.timedelta(days=10)
    empty = client.post(
        reverse("tim_saya:recommendation_dismiss", args=[session_rec.pk]), {"reason": ""}
    )
    assert any("alasan" in m.lower() for m in messages_of(empty))
    session_rec.refresh_from_db()
    assert session_rec.status == RecommendationStatus.OPEN
    client.post(
        reverse("tim_saya:recommendation_dismiss", args=[session_rec.pk]),
        {"reason": "Sudah dibina bulan lalu"},
    )
    session_rec.refresh_from_db()
    assert session_rec.status == RecommendationStatus.DISMISSED
    # Decided recommendations are no longer actionable: the same 404 as a missing one.
    again = client.post(reverse("tim_saya:recommendation_accept", args=[course_rec.pk]))
    assert again.status_code == 404


def test_cancel_from_the_page_and_overdue_flag(client, org, periode, course):
    assignment = svc.assignment_create(
        user=org.kepala.user, pegawai=org.staff[0], course=course, due_date=due()
    )
    Assignment.objects.filter(pk=assignment.pk).update(
        due_date=today() - datetime.timedelta(days=1)
    )
    client.force_login(org.kepala.user)
    body = client.get(URL).content.decode()
    # Once, as the flag: the state label beside the due date said it again (issue #18).
    assert body.count("Lewat tenggat") == 1
    response = client.post(reverse("tim_saya:assignment_cancel", args=[assignment.pk]))
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.CANCELLED


def _grow_team(org, size: int, periode, course) -> None:
    """Add members up to ``size``, each with an evaluation, a recommendation, an
    assignment (with enrolment) and a JP record, mostly in bulk."""
    have = svc.team_of(org.kepala.user).count()
    new = [PegawaiFactory(unit=org.unit_a, pejabat_penilai=org.kepala) for _ in range(size - have)]
    Evaluasi.objects.bulk_create(
        [
            Evaluasi(
                pegawai=m,
                periode=periode,
                rating_hasil=Rating.SESUAI,
                rating_perilaku=Rating.DI_BAWAH,
                predikat=4,
            )
            for m in new
        ]
    )
    rule = PembinaanRuleFactory()
    evaluations = Evaluasi.objects.filter(pegawai__in=new, periode=periode)
    Recommendation.objects.bulk_create(
        [
            Recommendation(
                pegawai_id=e.pegawai_id,
                evaluasi=e,
                rule=rule,
                session_kind="coaching",
                reason="Kurang/Misconduct",
            )
            for e in evaluations
        ]
    )
    svc.assignments_bulk_create(
        user=org.kepala.user,
        pegawai_ids=[m.pk for m in new],
        course=course,
        due_date=due(),
        note="",
    )
    LearningRecord.objects.bulk_create(
        [
            LearningRecord(
                user_id=m.user_id,
                source=LearningRecordSource.EXTERNAL,
                title="Diklat",
                jp=Decimal(4),
                start_date=today(),
                end_date=today(),
                verification_status=VerificationStatus.VERIFIED,
            )
            for m in new
        ]
    )


def _count_queries(client, django_assert_max_num_queries, budget: int) -> tuple[int, str]:
    client.get(URL)  # warm: site root paths, content types
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_query_count_is_the_same_at_10_and_200_members(
    client, org, periode, course, django_assert_max_num_queries
):
    client.force_login(org.kepala.user)
    _grow_team(org, 10, periode, course)
    small, html_small = _count_queries(client, django_assert_max_num_queries, 14)
    _grow_team(org, 200, periode, course)
    large, html_large = _count_queries(client, django_assert_max_num_queries, 14)
    assert small == large
    assert len(re.findall(r'name="pegawai" value=', html_small)) == 10
    # Members are paged and the two action lists capped: the page stays small. (14: the
    # pengamatan of rencana aksi and realisasi adds two queries for the page shown.)
    assert len(re.findall(r'name="pegawai" value=', html_large)) == MEMBERS_PER_PAGE
    assert html_large.count("<progress") == LIST_LIMIT
    print(f"Tim Saya queries: {small} at 10 members, {large} at 200")


def test_a_large_team_is_paged_keeping_the_filters(client, org, periode, course):
    client.force_login(org.kepala.user)
    _grow_team(org, 120, periode, course)
    predikat = "4"  # every grown member's predikat; the fixture's members have others
    grown = Evaluasi.objects.filter(periode=periode, predikat=4).count()

    first = client.get(URL, {"predikat": predikat}).content.decode()
    last = client.get(URL, {"predikat": predikat, "halaman": "99"}).content.decode()

    pages = -(-grown // MEMBERS_PER_PAGE)
    assert f"Halaman 1 dari {pages}" in first
    assert f'href="?predikat={predikat}&amp;halaman=2"' in first
    on_last = grown - (pages - 1) * MEMBERS_PER_PAGE
    assert len(re.findall(r'name="pegawai" value=', last)) == on_last  # out of range: last page
    assert f"Menampilkan {grown} dari" in first
    # The kuadran counts the whole filtered team, not the page.
    assert f'<span class="kuadran-count">{grown}<' in first
    filtered = svc.team_of(org.kepala.user).filter(
        evaluasi_set__periode=periode, evaluasi_set__predikat=4
    )
    recs = Recommendation.objects.filter(pegawai__in=filtered, status="open").count()
    open_assignments = Assignment.objects.filter(pegawai__in=filtered).count()
    assert f"dan {recs - LIST_LIMIT} rekomendasi lain" in first
    assert f"dan {open_assignments - LIST_LIMIT} penugasan lain" in first


def test_page_leads_to_feedback_notes_and_sessions(client, org, periode):
    evaluasi = Evaluasi.objects.get(pegawai=org.staff[1], periode=periode)
    recommendation = RecommendationFactory(evaluasi=evaluasi, pegawai=org.staff[1])
    client.force_login(org.kepala.user)
    html = client.get(URL).content.decode()

    feedback = reverse("pembinaan:feedback_create")
    assert f'href="{feedback}?pegawai={org.staff[0].pk}"' in html
    assert f'href="{reverse("kinerja:perilaku_notes", args=[evaluasi.pk])}"' in html
    session = reverse("pembinaan:session_create")
    assert f'href="{session}?rekomendasi={recommendation.pk}&amp;pegawai={org.staff[1].pk}"' in html
    # The session form picks the recommendation up and preselects the member.
    form = client.get(f"{session}?rekomendasi={recommendation.pk}&pegawai={org.staff[1].pk}")
    assert form.status_code == 200
    assert form.context["form"].initial.get("participants") in (
        [org.staff[1].pk],
        [str(org.staff[1].pk)],
    )
