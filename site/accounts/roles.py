"""Roles are permissions, held through groups.

Each role is a custom permission on ``accounts.User`` (``accounts.role_pengelola`` …).
A data migration creates one group per role and grants it the role's permission, so a
superuser may rename a group, or give a second group the same role, without anyone
losing what they may do: nothing checks a group's name.
"""

from collections.abc import Iterable

from django_stubs_ext import StrOrPromise

from django.contrib.auth.models import Group, Permission
from django.db.models import Q, TextChoices
from django.utils.translation import gettext_lazy as _


class Role(TextChoices):
    """The roles every installation has; the value is the name of the group seeded for it.

    ``PIMPINAN`` is derived: kinerja_link keeps its membership in step with who is
    pejabat penilai of an active pegawai.
    """

    PEGAWAI = "Pegawai"
    PIMPINAN = "Pimpinan"
    PENGELOLA = "Pengelola Kepegawaian"
    EDITOR = "Editor"
    MODERATOR = "Moderator"

    @property
    def codename(self) -> str:
        return f"role_{self.name.lower()}"

    @property
    def permission(self) -> str:
        """The ``app_label.codename`` that ``user.has_perm`` takes."""
        return f"accounts.{self.codename}"


ROLE_PERMISSIONS: list[tuple[str, StrOrPromise]] = [
    (Role.PEGAWAI.codename, _("Berperan sebagai pegawai")),
    (Role.PIMPINAN.codename, _("Berperan sebagai pimpinan (pejabat penilai)")),
    (Role.PENGELOLA.codename, _("Berperan sebagai pengelola kepegawaian")),
    (Role.EDITOR.codename, _("Berperan sebagai editor konten")),
    (Role.MODERATOR.codename, _("Berperan sebagai moderator konten")),
]

# Roles whose holders change content, records or other people's data: they need the
# second factor where it is required (accounts.two_factor).
STAFF_ROLES = (Role.EDITOR, Role.MODERATOR, Role.PENGELOLA)


def has_role(user, role: Role) -> bool:
    """Whether the user holds the role's permission, through a group or directly.

    Superusers hold every role, inactive accounts none (as ``user.has_perm`` rules). One
    indexed query, instead of ``has_perm``'s two that load every permission the user has.
    """
    return has_any_role(user, (role,))


def has_any_role(user, roles: Iterable[Role]) -> bool:
    """Whether the user holds at least one of ``roles``: one query, as ``has_role``."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return Permission.objects.filter(
        Q(group__user=user) | Q(user=user),
        content_type__app_label="accounts",
        codename__in=[role.codename for role in roles],
    ).exists()


def role_groups(role: Role):
    """The groups that grant a role, the seeded one first."""
    return Group.objects.filter(
        permissions__content_type__app_label="accounts",
        permissions__codename=role.codename,
    ).order_by("pk")


def role_group(role: Role) -> Group:
    """The group that code adds people to for a role (the first that grants it)."""
    group = role_groups(role).first()
    if group is None:
        raise Group.DoesNotExist(f"No group grants the role {role.name}.")
    return group
