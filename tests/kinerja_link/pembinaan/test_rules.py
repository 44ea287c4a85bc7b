"""Rule conditions as queries, default rules from the migration, and versioning."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from competencies.models import Competency
from kinerja_link.exporting import export_rows
from kinerja_link.kuadran import Rating
from kinerja_link.pembinaan.models import PembinaanRule, Recommendation, SessionKind
from kinerja_link.pembinaan.recommendations import recommendations_generate
from kinerja_link.pembinaan.rules import (
    matching_evaluasi,
    rule_create,
    rule_revise,
    rules_for,
    value_names,
)
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory

from .conftest import flag
from .factories import PembinaanRuleFactory

pytestmark = pytest.mark.django_db

DEFAULT_CODES = {
    "butuh-perbaikan",
    "kurang-misconduct",
    "sangat-kurang-konseling",
    "sangat-kurang-coaching",
    "sangat-baik-mentoring",
    "nilai-ditandai",
}


def test_default_rules_are_seeded_valid_from_2020():
    rules = PembinaanRule.objects.all()
    assert {r.code for r in rules} == DEFAULT_CODES
    assert {r.valid_from for r in rules} == {datetime.date(2020, 1, 1)}
    assert all(r.version == 1 and r.valid_until is None and r.is_active for r in rules)
    assert PembinaanRule.objects.get(code="butuh-perbaikan").competency.code == "TK-SKP"


def test_rules_for_respects_validity_dates():
    q3 = PeriodeFactory(tahun=2026, nomor=3)
    PembinaanRule.objects.all().delete()
    old = PembinaanRuleFactory(
        valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2026, 7, 1), predikat=[3]
    )
    current = PembinaanRuleFactory(valid_from=datetime.date(2026, 7, 1), predikat=[3])
    PembinaanRuleFactory(valid_from=datetime.date(2026, 7, 2), predikat=[3])  # starts too late
    PembinaanRuleFactory(valid_from=datetime.date(2020, 1, 1), predikat=[3], is_active=False)
    assert rules_for(q3) == [current]
    assert rules_for(PeriodeFactory(tahun=2026, nomor=2)) == [old]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"predikat": [3]}, {"bp"}),
        ({"predikat": [3, 4]}, {"bp", "kurang"}),
        ({"rating_perilaku": Rating.DI_BAWAH}, {"kurang"}),
        ({"rating_hasil": Rating.DI_BAWAH, "rating_perilaku": Rating.SESUAI}, {"bp"}),
        ({"flagged_value_code": "AK"}, {"kurang"}),
        ({"any_flagged_value": True}, {"kurang", "baik_kl"}),
        ({"predikat": [2], "any_flagged_value": True}, {"baik_kl"}),
    ],
)
def test_conditions_match_as_queries(fields, expected):
    periode = PeriodeFactory()
    evals = {
        "bp": EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2),
        "kurang": EvaluasiFactory(
            periode=periode, rating_hasil=2, rating_perilaku=3, perilaku_catatan=flag("AK")
        ),
        "baik_kl": EvaluasiFactory(periode=periode, perilaku_catatan=flag("KL")),
        "baik_note_only": EvaluasiFactory(
            periode=periode, perilaku_catatan={"HA": {"perlu_pembinaan": False, "catatan": "ok"}}
        ),
    }
    code = fields.pop("flagged_value_code", None)
    if code:
        fields["flagged_value"] = Competency.objects.get(code=code)
    rule = PembinaanRuleFactory(**fields)
    found = set(matching_evaluasi(rule, periode, value_names()).values_list("pk", flat=True))
    assert found == {evals[name].pk for name in expected}


def _data(**overrides):
    data = {
        "code": "baru",
        "name": "Aturan baru",
        "description": "",
        "is_active": True,
        "predikat": [3],
        "rating_hasil": None,
        "rating_perilaku": None,
        "flagged_value": None,
        "any_flagged_value": False,
        "courses": [],
        "competency": None,
        "course_for_flagged_value": False,
        "session_kind": SessionKind.COACHING,
        "due_days": 30,
        "priority": 2,
        "valid_from": datetime.date(2020, 1, 1),
        "valid_until": None,
    }
    return {**data, **overrides}


def test_rule_needs_a_condition_and_an_action(org):
    user = org.pengelola.user
    with pytest.raises(ValidationError) as no_condition:
        rule_create(user=user, data=_data(predikat=[]))
    assert "syarat" in str(no_condition.value)
    with pytest.raises(ValidationError) as no_action:
        rule_create(user=user, data=_data(session_kind=""))
    assert "tindakan" in str(no_action.value)
    with pytest.raises(ValidationError):
        rule_create(user=user, data=_data(code="butuh-perbaikan"))
    assert rule_create(user=user, data=_data()).version == 1


def test_a_rule_without_recommendations_is_edited_in_place(org):
    rule = PembinaanRule.objects.get(code="sangat-baik-mentoring")
    revised = rule_revise(
        user=org.pengelola.user,
        rule=rule,
        data=_data(name="Talent pool", predikat=[1], session_kind=SessionKind.MENTORING),
    )
    assert revised.pk == rule.pk
    assert PembinaanRule.objects.filter(code=rule.code).count() == 1
    assert revised.name == "Talent pool"


def test_revising_a_rule_with_recommendations_keeps_history(org):
    periode = PeriodeFactory(tahun=2026, nomor=3)
    evaluasi = EvaluasiFactory(periode=periode, rating_hasil=1, rating_perilaku=1)
    recommendations_generate(periode_id=periode.pk)
    old = PembinaanRule.objects.get(code="sangat-baik-mentoring")
    rec = Recommendation.objects.get(evaluasi=evaluasi)
    assert rec.rule == old

    today = datetime.date(2026, 11, 29)
    new = rule_revise(
        user=org.pengelola.user,
        rule=old,
        today=today,
        data=_data(
            name="Mentoring dan talent pool",
            predikat=[1],
            session_kind=SessionKind.MENTORING,
            priority=2,
        ),
    )
    old.refresh_from_db()
    rec.refresh_from_db()
    assert (new.code, new.version, new.valid_from, new.valid_until) == (old.code, 2, today, None)
    assert old.valid_until == today and old.name == "Sangat Baik: talent pool dan mentoring"
    assert rec.rule_id == old.pk  # history still points at the rule that made it
    # The closed version still governs Triwulan III; the new one governs later periods.
    assert old in rules_for(periode) and new not in rules_for(periode)
    assert new in rules_for(PeriodeFactory(tahun=2027, nomor=1))
    with pytest.raises(ValidationError):
        rule_revise(user=org.pengelola.user, rule=old, today=today, data=_data(predikat=[1]))


def test_only_pengelola_may_change_rules(org):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        rule_create(user=org.staff[0].user, data=_data())


def test_the_export_reports_what_was_recommended_and_assigned(org, courses):
    """No table of follow-ups per predikat: ringkasanPembinaan is what the rules actually
    recommended and what the pimpinan assigned, so a dismissed recommendation drops out."""
    from kinerja_link.pembinaan.assignments import (
        assignment_create,
        recommendation_accept,
        recommendation_dismiss,
    )

    periode = PeriodeFactory(tahun=2026, nomor=3)
    evaluasi = EvaluasiFactory(pegawai=org.staff[0], periode=periode, rating_hasil=Rating.DI_BAWAH)

    def summary() -> str:
        rows = export_rows(periode=periode, unit=org.unit_a)
        return next(r for r in rows if r[0] == org.staff[0].nip)[5]

    assert summary() == ""  # an evaluation nobody acted on yet
    recommendations_generate(periode_id=periode.pk)
    by_kind = {r.course_id or r.session_kind: r for r in Recommendation.objects.all()}
    assert summary() == (
        "direkomendasikan: Menyusun SKP dan RHK (terbuka); direkomendasikan: Coaching (terbuka)"
    )
    recommendation_dismiss(
        user=org.kepala.user, recommendation=by_kind["coaching"], reason="Sudah dibina"
    )
    recommendation_accept(user=org.kepala.user, recommendation=by_kind[courses.skp.pk])
    assignment_create(
        user=org.kepala.user,
        pegawai=org.staff[0],
        course=courses.ak,
        due_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    assert summary() == "ditugaskan: Menyusun SKP dan RHK (ditugaskan)"
    Assignment = by_kind[courses.skp.pk].assignments.model
    Assignment.objects.filter(course=courses.ak).update(evaluasi=evaluasi)
    assert summary().endswith("; ditugaskan: Akuntabel (ditugaskan)")
