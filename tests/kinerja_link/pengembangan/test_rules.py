"""The current level of a competency and its source; the jabatan's standard; the draft."""

import datetime

import pytest

from kinerja_link.pembinaan.models import CompetencyProgress
from kinerja_link.pengembangan.models import (
    DevelopmentForm,
    GapKind,
    LevelSource,
    PenilaianKompetensi,
    StandarKompetensi,
)
from kinerja_link.pengembangan.rules import current_levels, standar_for
from kinerja_link.pengembangan.services import idp_draft
from tests.learning.factories import make_course

from .conftest import JABATAN, YEAR

pytestmark = pytest.mark.django_db
DAY = datetime.date(YEAR, 3, 1)


def assess(pegawai, competency, level, source=LevelSource.ASSESSMENT):
    return PenilaianKompetensi.objects.create(
        pegawai=pegawai, competency=competency, level=level, source=source, date=DAY
    )


def test_no_evidence_means_no_known_level(idp_org):
    assert (
        current_levels(pegawai_id=idp_org.pegawai.pk, competency_ids=[idp_org.integritas.pk]) == {}
    )


def test_a_course_level_counts_with_course_as_source(idp_org):
    CompetencyProgress.objects.create(
        pegawai=idp_org.pegawai, competency=idp_org.integritas, evidence_count=1, level_reached=2
    )
    level = current_levels(pegawai_id=idp_org.pegawai.pk, competency_ids=[idp_org.integritas.pk])
    assert (level[idp_org.integritas.pk].level, level[idp_org.integritas.pk].source) == (
        2,
        LevelSource.COURSE,
    )


def test_the_highest_level_wins_whatever_its_source(idp_org):
    CompetencyProgress.objects.create(
        pegawai=idp_org.pegawai, competency=idp_org.integritas, evidence_count=1, level_reached=4
    )
    assess(idp_org.pegawai, idp_org.integritas, 3)
    assess(idp_org.pegawai, idp_org.integritas, 2, LevelSource.COACHING)
    assess(idp_org.pegawai, idp_org.kerja_sama, 3, LevelSource.COACHING)
    CompetencyProgress.objects.create(
        pegawai=idp_org.pegawai, competency=idp_org.kerja_sama, evidence_count=1, level_reached=2
    )
    levels = current_levels(
        pegawai_id=idp_org.pegawai.pk,
        competency_ids=[idp_org.integritas.pk, idp_org.kerja_sama.pk],
    )
    assert levels[idp_org.integritas.pk].source == LevelSource.COURSE
    assert levels[idp_org.integritas.pk].level == 4
    assert levels[idp_org.kerja_sama.pk].source == LevelSource.COACHING


def test_on_equal_levels_the_assessment_is_named(idp_org):
    CompetencyProgress.objects.create(
        pegawai=idp_org.pegawai, competency=idp_org.integritas, evidence_count=1, level_reached=3
    )
    assess(idp_org.pegawai, idp_org.integritas, 3, LevelSource.COACHING)
    assess(idp_org.pegawai, idp_org.integritas, 3)
    level = current_levels(pegawai_id=idp_org.pegawai.pk, competency_ids=[idp_org.integritas.pk])
    assert level[idp_org.integritas.pk].source == LevelSource.ASSESSMENT


def test_another_pegawais_levels_do_not_count(idp_org):
    assess(idp_org.staff[1], idp_org.integritas, 5)
    assert (
        current_levels(pegawai_id=idp_org.pegawai.pk, competency_ids=[idp_org.integritas.pk]) == {}
    )


def test_the_deepest_unit_standard_wins_and_jabatan_matches_without_case(idp_org):
    StandarKompetensi.objects.create(
        jabatan=JABATAN.upper(),
        unit=idp_org.unit_a,
        competency=idp_org.integritas,
        required_level=4,
    )
    StandarKompetensi.objects.create(
        jabatan=JABATAN, unit=idp_org.unit_b, competency=idp_org.kerja_sama, required_level=5
    )
    rows = {row.competency.code: row.required_level for row in standar_for(idp_org.pegawai)}
    assert rows == {"MJ-INT": 4, "MJ-KS": 3, "MJ-KOM": 2}


def test_draft_lists_only_the_gaps_with_their_sources(idp_org, recommendation):
    assess(idp_org.pegawai, idp_org.integritas, 3)  # meets level 3: no gap
    CompetencyProgress.objects.create(
        pegawai=idp_org.pegawai, competency=idp_org.kerja_sama, evidence_count=1, level_reached=1
    )
    course = make_course(lessons=0, competencies=("MJ-KOM",), title="Komunikasi efektif", jp=6)
    course.course_competencies.update(target_level=2, outcome="complete")
    rencana = idp_draft(user=idp_org.pegawai.user, tahun=YEAR)
    items = list(rencana.items.select_related("competency"))
    gaps = {i.competency.code: i for i in items if i.gap_kind == GapKind.COMPETENCY}
    assert set(gaps) == {"MJ-KS", "MJ-KOM"}
    assert (gaps["MJ-KS"].current_level, gaps["MJ-KS"].current_source) == (1, LevelSource.COURSE)
    assert gaps["MJ-KS"].form == DevelopmentForm.PELATIHAN  # no course teaches it
    assert gaps["MJ-KOM"].current_level is None
    assert (gaps["MJ-KOM"].form, gaps["MJ-KOM"].course_id, gaps["MJ-KOM"].target_jp) == (
        DevelopmentForm.E_LEARNING,
        course.pk,
        6,
    )
    performance = [i for i in items if i.gap_kind == GapKind.PERFORMANCE]
    assert [(i.recommendation_id, i.form) for i in performance] == [
        (recommendation.pk, DevelopmentForm.COACHING)
    ]


def test_drafting_twice_returns_the_same_plan(idp_org):
    first = idp_draft(user=idp_org.pegawai.user, tahun=YEAR)
    second = idp_draft(user=idp_org.pegawai.user, tahun=YEAR)
    assert first.pk == second.pk
    assert second.items.count() == 3
