import pytest

from django.apps import apps
from django.core.management import call_command

from accounts.nip import parse_nip
from accounts.roles import Role
from kinerja_link.models import Pegawai

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "accounts",
            "auth",
            "competencies",
            "kinerja_link",
            "learning",
            "pembinaan",
            "portal",
            "quiz",
            "wagtailcore",
        }
        and not model._meta.label.startswith("wagtailcore.ModelLogEntry")
        and not model._meta.label.startswith("wagtailcore.PageLogEntry")
    }


def test_seed_demo_twice_changes_nothing(capsys):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first
    assert first["kinerja_link.Pegawai"] >= 50
    assert "Kata sandi semua akun demo" in capsys.readouterr().out


def test_seed_demo_builds_an_organisation_with_valid_nips_and_chains():
    call_command("seed_demo")
    pegawai = list(Pegawai.objects.select_related("user", "pejabat_penilai"))
    for p in pegawai:
        parse_nip(p.nip)  # raises if any demo NIP is invalid
    heads = [p for p in pegawai if p.pejabat_penilai is None]
    assert len(heads) == 1  # only the Kepala Kantor Wilayah has no pejabat penilai
    pimpinan_group = apps.get_model("auth", "Group").objects.get(name=Role.PIMPINAN)
    penilai_user_ids = {p.pejabat_penilai.user_id for p in pegawai if p.pejabat_penilai}
    assert set(pimpinan_group.user_set.values_list("id", flat=True)) == penilai_user_ids


def test_demo_home_page_is_served(client):
    call_command("seed_demo")
    response = client.get("/")
    assert response.status_code == 200
    assert "Bangga Melayani Bangsa" in response.content.decode()


def test_demo_shows_the_whole_pembinaan_loop(client, django_capture_on_commit_callbacks):
    from kinerja_link.pembinaan.demo import demo_pimpinan
    from kinerja_link.pembinaan.models import (
        Assignment,
        AssignmentStatus,
        Feedback,
        Notification,
        PembinaanSession,
        Recommendation,
        RecommendationStatus,
        SkpEvidence,
    )
    from kinerja_link.selectors import team_for

    with django_capture_on_commit_callbacks(execute=True):  # learning's events fire on commit
        call_command("seed_demo")
    pimpinan = demo_pimpinan()
    team = team_for(pimpinan)
    assignments = Assignment.objects.filter(pegawai__in=team)
    states = set(assignments.values_list("status", flat=True))
    assert {
        AssignmentStatus.ASSIGNED,
        AssignmentStatus.COMPLETED,
        AssignmentStatus.OVERDUE,
    } <= states
    assert assignments.filter(enrolment__percent__gt=0, status=AssignmentStatus.ASSIGNED).exists()
    recommendations = Recommendation.objects.filter(pegawai__in=team)
    decided = set(recommendations.values_list("status", flat=True))
    assert {
        RecommendationStatus.OPEN,
        RecommendationStatus.ACCEPTED,
        RecommendationStatus.DISMISSED,
    } <= decided
    assert recommendations.filter(reason__contains="Akuntabel").exists()  # a flagged value
    assert PembinaanSession.objects.filter(held_by=pimpinan).exists()
    assert Feedback.objects.filter(given_by=pimpinan).count() == 2
    completed = assignments.get(status=AssignmentStatus.COMPLETED)
    assert SkpEvidence.objects.filter(assignment=completed, certificate__isnull=False).exists()
    assert Notification.objects.filter(key__contains=":lewat-tenggat:").exists()

    client.force_login(pimpinan.user)
    html = client.get("/tim-saya/").content.decode()
    assert "Rekomendasi terbuka" in html and "Lewat tenggat" in html


def test_demo_quizzes_banks_new_courses_and_value_pages(client):
    from learning.models import CoursePage
    from learning.quiz.bank import category_for_path
    from learning.quiz.demo import COURSE_BANKS, DRAW
    from learning.quiz.models import QuizAttempt, QuizPage, ReviewWhen
    from portal.models import ValuePage

    # Not timed here: timing belongs in benchmarks/, not in tests.
    call_command("seed_demo")

    for slug, (_file, path) in COURSE_BANKS.items():
        course = CoursePage.objects.live().get(slug=slug)
        quiz = QuizPage.objects.child_of(course).get(is_pretest=False).specific
        assert quiz.random_category == category_for_path(path) and quiz.random_count == DRAW
    assert not QuizPage.objects.filter(review_right_answers=ReviewWhen.IMMEDIATELY).exists()
    assert QuizAttempt.objects.filter(state="finished").exists()

    for slug, code in (("pelayanan-publik-prima", "MJ-PP"), ("komunikasi-efektif-asn", "MJ-KOM")):
        course = CoursePage.objects.live().get(slug=slug)
        assert 3 <= course.lessons().count() <= 4
        assert code in course.course_competencies.values_list("competency__code", flat=True)
        assert course.title in client.get("/katalog/").content.decode()

    value_page = ValuePage.objects.live().get(competency__code="BP")
    html = client.get(value_page.url).content.decode()
    assert "Kursus untuk nilai ini" in html
    for slug in ("berorientasi-pelayanan", "pelayanan-publik-prima"):
        assert CoursePage.objects.get(slug=slug).url in html
