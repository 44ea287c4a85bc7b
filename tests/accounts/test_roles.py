import pytest

from django.contrib.auth.models import Group

from accounts.roles import Role, has_role, role_group
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


def test_a_renamed_role_group_keeps_its_role():
    """Roles are permissions: renaming a group in the admin takes nobody's role away."""
    group = Group.objects.get(name=Role.PENGELOLA)
    group.name = "Subbag Kepegawaian"
    group.save()
    user = UserFactory()
    user.groups.add(group)
    assert has_role(user, Role.PENGELOLA)
    assert not has_role(user, Role.EDITOR)


def test_a_second_group_can_grant_a_role():
    from django.contrib.auth.models import Permission

    group = Group.objects.create(name="Operator SDM Kanwil")
    group.permissions.add(Permission.objects.get(codename=Role.PENGELOLA.codename))
    user = UserFactory()
    user.groups.add(group)
    assert has_role(user, Role.PENGELOLA)


def test_every_role_is_granted_by_its_seeded_group():
    for role in Role:
        assert role_group(role).name == role.value
