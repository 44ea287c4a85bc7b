import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.factories import PegawaiUserFactory

from .factories import make_course, make_index


@pytest.fixture
def index(db):
    return make_index()


@pytest.fixture
def course(index):
    return make_course(title="Berorientasi Pelayanan", competencies=("BP", "BP-1"), jp=3)


@pytest.fixture
def pegawai(db):
    return PegawaiUserFactory()


@pytest.fixture
def other_pegawai(db):
    return PegawaiUserFactory()


@pytest.fixture
def pengelola(db):
    user = PegawaiUserFactory()
    user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    return user
