import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role
from learning.scopes import users_managed_by
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_pengelola_manages_only_their_unit_subtree_in_learning():
    kanwil = UnitKerjaFactory()
    bidang = UnitKerjaFactory(parent=kanwil)
    lain = UnitKerjaFactory()
    pengelola = PegawaiFactory(unit=bidang)
    pengelola.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    inside = PegawaiFactory(unit=UnitKerjaFactory(parent=bidang))
    outside = PegawaiFactory(unit=lain)
    above = PegawaiFactory(unit=kanwil)
    managed = set(users_managed_by(pengelola.user))
    assert inside.user in managed and pengelola.user in managed
    assert outside.user not in managed and above.user not in managed
    assert set(users_managed_by(UserFactory(is_superuser=True))) >= {outside.user, above.user}
    assert not users_managed_by(PegawaiFactory(unit=bidang).user).exists()  # not a pengelola
