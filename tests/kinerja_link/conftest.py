from types import SimpleNamespace

import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.factories import PegawaiFactory, UnitKerjaFactory


@pytest.fixture
def org(db):
    """A small organisation: an instansi with two units, a pengelola in the first unit."""
    root = UnitKerjaFactory(nama="Kanwil", kode="KW")
    unit_a = UnitKerjaFactory(parent=root, nama="Bidang A", kode="KW.A")
    unit_b = UnitKerjaFactory(parent=root, nama="Bidang B", kode="KW.B")
    kepala = PegawaiFactory(unit=unit_a)
    staff = [PegawaiFactory(unit=unit_a, pejabat_penilai=kepala) for _ in range(3)]
    other = PegawaiFactory(unit=unit_b)
    pengelola = PegawaiFactory(unit=unit_a, pejabat_penilai=kepala)
    pengelola.user.groups.add(Group.objects.get_or_create(name=Role.PENGELOLA)[0])
    return SimpleNamespace(
        root=root,
        unit_a=unit_a,
        unit_b=unit_b,
        kepala=kepala,
        staff=staff,
        other=other,
        pengelola=pengelola,
    )
