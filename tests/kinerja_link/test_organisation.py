import pytest

from django.contrib.auth.models import Group
from django.db import IntegrityError

from accounts.roles import Role
from kinerja_link.selectors import team_for
from kinerja_link.services import pimpinan_group_sync
from tests.factories import PegawaiFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    kanwil = UnitKerjaFactory(nama="Kanwil")
    bidang = UnitKerjaFactory(nama="Bidang", parent=kanwil)
    seksi = UnitKerjaFactory(nama="Seksi", parent=bidang)
    kepala = PegawaiFactory(unit=kanwil)
    kabid = PegawaiFactory(unit=bidang, pejabat_penilai=kepala)
    kasi = PegawaiFactory(unit=seksi, pejabat_penilai=kabid)
    staf = [PegawaiFactory(unit=seksi, pejabat_penilai=kasi) for _ in range(3)]
    return {"kepala": kepala, "kabid": kabid, "kasi": kasi, "staf": staf}


def test_team_is_the_pegawai_a_pimpinan_rates(organisation):
    assert set(team_for(organisation["kasi"])) == set(organisation["staf"])
    assert set(team_for(organisation["kabid"])) == {organisation["kasi"]}
    assert list(team_for(organisation["staf"][0])) == []


def test_inactive_pegawai_leave_the_team(organisation):
    gone = organisation["staf"][0]
    gone.is_active = False
    gone.save()
    assert gone not in team_for(organisation["kasi"])


def test_team_by_unit_subtree_when_configured(organisation, settings):
    settings.BINA_TEAM_SCOPE = "unit"
    team = set(team_for(organisation["kabid"]))
    assert team == {organisation["kasi"], *organisation["staf"]}
    assert organisation["kabid"] not in team


def test_pimpinan_group_mirrors_who_rates_whom(organisation):
    added, removed = pimpinan_group_sync()
    group = Group.objects.get(name=Role.PIMPINAN)
    expected = {organisation[k].user_id for k in ("kepala", "kabid", "kasi")}
    assert set(group.user_set.values_list("id", flat=True)) == expected
    assert (added, removed) == (3, 0)

    for staf in organisation["staf"]:
        staf.is_active = False
        staf.save()
    assert pimpinan_group_sync() == (0, 1)
    assert organisation["kasi"].user_id not in group.user_set.values_list("id", flat=True)
    assert pimpinan_group_sync() == (0, 0)  # idempotent


def test_pegawai_cannot_be_their_own_pejabat_penilai(organisation):
    kasi = organisation["kasi"]
    kasi.pejabat_penilai = kasi
    with pytest.raises(IntegrityError):
        kasi.save()


def test_pegawai_reads_nip_and_name_from_the_account(organisation):
    kasi = organisation["kasi"]
    assert kasi.nip == kasi.user.nip
    assert kasi.nama == kasi.user.display_name
