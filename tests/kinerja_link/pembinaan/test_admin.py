"""Admin screens: rules (with versioning), recommendations (read-only, scoped), "Buat
rekomendasi", and the effectiveness report; others get 403/404 or are sent away."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.pembinaan.models import PembinaanRule, Recommendation
from tests.factories import PegawaiFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory

from .factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pengelola_client(client, org):
    client.force_login(org.pengelola.user)
    return client


def rule_form(**overrides):
    data = {
        "code": "baik-ditandai-ak",
        "name": "Baik dengan Akuntabel ditandai",
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


def test_permissions_granted_by_migration():
    group = Group.objects.get(name=Role.PENGELOLA)
    codes = set(group.permissions.values_list("codename", flat=True))
    assert {
        "add_pembinaanrule",
        "change_pembinaanrule",
        "view_pembinaanrule",
        "view_recommendation",
    } <= codes
    assert "delete_pembinaanrule" not in codes and "change_recommendation" not in codes


def test_pengelola_lists_adds_and_edits_rules(pengelola_client):
    index = pengelola_client.get(reverse("pembinaan_rule:index"))
    assert index.status_code == 200
    assert "Butuh Perbaikan: pembelajaran teknis SKP/RHK dan coaching" in index.content.decode()
    assert pengelola_client.get(reverse("pembinaan_rule:add")).status_code == 200
    response = pengelola_client.post(reverse("pembinaan_rule:add"), rule_form())
    assert response.status_code == 302, response.context["form"].errors
    rule = PembinaanRule.objects.get(code="baik-ditandai-ak")
    assert (rule.predikat, rule.version, rule.session_kind) == ([2], 1, "coaching")
    edit = pengelola_client.post(
        reverse("pembinaan_rule:edit", args=[rule.pk]), rule_form(name="Diubah")
    )
    assert edit.status_code == 302
    rule.refresh_from_db()
    assert rule.name == "Diubah" and PembinaanRule.objects.filter(code=rule.code).count() == 1


def test_invalid_rule_shows_indonesian_errors(pengelola_client):
    response = pengelola_client.post(
        reverse("pembinaan_rule:add"), rule_form(predikat=[], session_kind="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Isi sedikitnya satu syarat" in html and "Isi sedikitnya satu tindakan" in html
    assert not PembinaanRule.objects.filter(code="baik-ditandai-ak").exists()


def test_editing_a_rule_with_recommendations_makes_a_new_version(pengelola_client, org):
    rule = PembinaanRule.objects.get(code="sangat-baik-mentoring")
    rec = RecommendationFactory(rule=rule, session_kind="mentoring")
    response = pengelola_client.post(
        reverse("pembinaan_rule:edit", args=[rule.pk]),
        rule_form(code=rule.code, name="Mentoring v2", predikat=["1"], session_kind="mentoring"),
    )
    assert response.status_code == 302
    versions = list(PembinaanRule.objects.filter(code=rule.code).order_by("version"))
    assert [(v.version, v.name) for v in versions] == [
        (1, "Sangat Baik: talent pool dan mentoring"),
        (2, "Mentoring v2"),
    ]
    assert versions[0].valid_until == versions[1].valid_from
    rec.refresh_from_db()
    assert rec.rule_id == versions[0].pk


def test_recommendations_are_scoped_and_read_only(pengelola_client, org):
    mine = RecommendationFactory(
        evaluasi=EvaluasiFactory(pegawai=org.staff[0]),
        reason="Predikat Butuh Perbaikan untuk unit A",
    )
    theirs = RecommendationFactory(
        evaluasi=EvaluasiFactory(pegawai=org.other), reason="Predikat Sangat Kurang untuk unit B"
    )
    html = pengelola_client.get(reverse("recommendation:index")).content.decode()
    assert mine.reason in html and theirs.reason not in html
    assert "Buat rekomendasi" in html
    inspect = "recommendation:inspect"
    assert pengelola_client.get(reverse(inspect, args=[mine.pk])).status_code == 200
    assert pengelola_client.get(reverse(inspect, args=[theirs.pk])).status_code == 404
    assert pengelola_client.get(reverse(inspect, args=[theirs.pk + 99])).status_code == 404
    edit = pengelola_client.get(reverse("recommendation:edit", args=[mine.pk]))
    assert edit.status_code in (302, 403)


def test_generate_on_demand_for_the_pengelola_units(
    pengelola_client, org, django_capture_on_commit_callbacks
):
    periode = PeriodeFactory()
    EvaluasiFactory(pegawai=org.staff[0], periode=periode, rating_hasil=1, rating_perilaku=1)
    EvaluasiFactory(pegawai=org.other, periode=periode, rating_hasil=1, rating_perilaku=1)
    page = pengelola_client.get(reverse("recommendation:generate"))
    assert page.status_code == 200 and str(periode) in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = pengelola_client.post(
            reverse("recommendation:generate"), {"periode": periode.pk}
        )
    assert response.status_code == 302
    assert list(Recommendation.objects.values_list("pegawai_id", flat=True)) == [org.staff[0].pk]


def test_effectiveness_report_page(pengelola_client, org):
    response = pengelola_client.get(reverse("pembinaan_efektivitas:index"))
    assert response.status_code == 200
    assert "Per aturan" in response.content.decode()


@pytest.mark.parametrize("who", ["pegawai", "editor"])
def test_others_are_refused(client, org, who):
    if who == "pegawai":
        user = org.staff[0].user
    else:
        user = UserFactory()
        user.groups.add(Group.objects.get_or_create(name=Role.EDITOR)[0])
    client.force_login(user)
    for name in ("pembinaan_efektivitas:index", "recommendation:generate"):
        assert client.get(reverse(name)).status_code in (302, 403)
    assert client.post(reverse("recommendation:generate"), {"periode": 1}).status_code in (302, 403)
    for name in ("pembinaan_rule:index", "pembinaan_rule:add", "recommendation:index"):
        assert client.get(reverse(name)).status_code in (302, 403, 404)
    assert Recommendation.objects.count() == 0


@pytest.mark.parametrize("size", [3, 30])
def test_recommendation_list_query_count_is_flat(
    pengelola_client, org, courses, size, django_assert_max_num_queries
):
    periode = PeriodeFactory()
    for i in range(size):
        evaluasi = EvaluasiFactory(pegawai=PegawaiFactory(unit=org.unit_a), periode=periode)
        RecommendationFactory(
            evaluasi=evaluasi,
            course=courses.ak if i % 2 else None,
            session_kind="" if i % 2 else "coaching",
            priority=2 if i else 1,
            reason=f"Alasan nomor {i:03d}",
        )
    with django_assert_max_num_queries(40):
        response = pengelola_client.get(reverse("recommendation:index"))
    assert response.status_code == 200
    assert "Alasan nomor 000" in response.content.decode()  # highest priority first
