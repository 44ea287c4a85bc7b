import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .factories import make_course, make_index


@pytest.fixture
def index(db):
    return make_index()


@pytest.fixture
def course(index):
    return make_course(title="Berorientasi Pelayanan", competencies=("BP", "BP-1"), jp=3)


@pytest.fixture
def unit(db):
    """One unit kerja for everyone: kinerja_link scopes a pengelola to their unit subtree."""
    return UnitKerjaFactory()


@pytest.fixture
def pegawai(unit):
    return PegawaiFactory(unit=unit).user


@pytest.fixture
def other_pegawai(unit):
    return PegawaiFactory(unit=unit).user


@pytest.fixture
def pengelola(unit):
    user = PegawaiFactory(unit=unit).user
    user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    return user
