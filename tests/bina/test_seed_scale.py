"""seed_scale builds a consistent organisation in bulk and refuses to run twice."""

import pytest

from django.core.management import CommandError, call_command

from accounts.nip import validate_nip
from bina.scale import fanout_for, nip_for, seed_scale, unit_count
from kinerja_link.models import Evaluasi, Pegawai, UnitKerja
from learning.models import CoursePage, Enrolment
from learning.quiz.models import QuizAttempt


def test_nips_are_valid_and_unique_up_to_a_ministry():
    sample = [nip_for(i) for i in (*range(0, 250_000, 997), 249_999, 10_000, 4_990_000)]
    for nip in sample:
        validate_nip(nip)
    assert len({nip_for(i) for i in range(30_000)}) == 30_000


@pytest.mark.parametrize(("pegawai", "leaf_size"), [(10_000, (10, 20)), (250_000, (10, 20))])
def test_the_tree_keeps_teams_of_a_seksi_size(pegawai, leaf_size):
    fanout = fanout_for(pegawai)
    leaves = fanout**4
    assert leaf_size[0] <= (pegawai - unit_count(fanout)) / leaves <= leaf_size[1]


@pytest.mark.django_db
def test_seed_scale_builds_a_consistent_organisation_and_refuses_twice():
    seed_scale(pegawai=60, courses=2, articles=1, batch_size=25, report=lambda _line: None)
    root = UnitKerja.objects.get(kode="SKALA")
    assert UnitKerja.find_problems() == ([], [], [], [], [])
    assert root.get_descendant_count() == unit_count(fanout_for(60)) - 1
    people = Pegawai.objects.filter(unit__path__startswith=root.path).select_related("user")
    assert people.count() == 60
    assert people.filter(pejabat_penilai__isnull=True).count() == 1  # only the top
    for person in people:
        validate_nip(person.user.nip)
    assert Evaluasi.objects.filter(pegawai__in=people).count() == 120  # two periods
    assert CoursePage.objects.filter(slug__startswith="kursus-skala-").count() == 2
    assert Enrolment.objects.exists() and QuizAttempt.objects.exists()
    with pytest.raises(CommandError, match="sudah ada"):
        call_command("seed_scale", "--pegawai", "10")
