"""accounts' services for other apps: accounts alone writes its records."""

import pytest

from accounts.models import User
from accounts.roles import Role, has_role
from accounts.services import role_members_sync, users_upsert_by_nip
from tests.factories import UserFactory, make_nip

pytestmark = pytest.mark.django_db


def test_upsert_creates_missing_accounts_and_renames_the_others():
    known = UserFactory(nip=make_nip(), display_name="Nama Lama")
    new_nip = make_nip()

    by_nip, renamed = users_upsert_by_nip({known.nip: "Nama Baru", new_nip: "Pegawai Baru"})

    assert set(by_nip) == {known.nip, new_nip}
    assert [u.pk for u in renamed] == [known.pk]
    created = User.objects.get(nip=new_nip)
    assert (created.username, created.display_name) == (new_nip, "Pegawai Baru")
    assert not created.has_usable_password()
    assert User.objects.get(pk=known.pk).display_name == "Nama Baru"


def test_role_members_sync_adds_and_removes_exactly():
    stays, leaves, joins = UserFactory(), UserFactory(), UserFactory()
    role_members_sync(Role.PIMPINAN, [stays.pk, leaves.pk])

    assert role_members_sync(Role.PIMPINAN, [stays.pk, joins.pk]) == (1, 1)
    assert has_role(joins, Role.PIMPINAN) and has_role(stays, Role.PIMPINAN)
    assert not has_role(leaves, Role.PIMPINAN)
