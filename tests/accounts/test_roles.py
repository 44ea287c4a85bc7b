import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role, has_role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_group_exists_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_editor_may_edit_pages_but_not_publish():
    editor = Group.objects.get(name=Role.EDITOR)
    moderator = Group.objects.get(name=Role.MODERATOR)
    editor_perms = set(editor.page_permissions.values_list("permission__codename", flat=True))
    moderator_perms = set(moderator.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page"} <= editor_perms
    assert "publish_page" not in editor_perms
    assert "publish_page" in moderator_perms


def test_staff_roles_reach_the_admin_and_pegawai_do_not():
    for role in (Role.EDITOR, Role.MODERATOR, Role.PENGELOLA):
        user = UserFactory()
        user.groups.add(Group.objects.get(name=role))
        assert user.has_perm("wagtailadmin.access_admin"), role
    pegawai = UserFactory()
    pegawai.groups.add(Group.objects.get(name=Role.PEGAWAI))
    assert not pegawai.has_perm("wagtailadmin.access_admin")


def test_has_role():
    user = UserFactory()
    assert not has_role(user, Role.PENGELOLA)
    user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    assert has_role(user, Role.PENGELOLA)
