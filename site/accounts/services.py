"""Writes to accounts' records that other apps need: accounts alone writes them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils.crypto import get_random_string

from .models import User
from .role_audit import group_changes_log
from .roles import Role, role_group


def users_upsert_by_nip(names: Mapping[str, str]) -> tuple[dict[str, User], list[User]]:
    """Ensure a sign-in account for each NIP with its display name, set-based.

    ``names`` maps NIP -> name. New accounts get the NIP as username and no usable password
    (the pegawai sets one through the reset link). Returns the accounts by NIP and those
    whose name changed.
    """
    existing = {u.nip: u for u in User.objects.filter(nip__in=list(names)) if u.nip}
    new = {
        nip: User(
            username=nip,
            nip=nip,
            display_name=name,
            password=UNUSABLE_PASSWORD_PREFIX + get_random_string(40),
        )
        for nip, name in names.items()
        if nip not in existing
    }
    User.objects.bulk_create(new.values())
    # Not every backend returns the new primary keys: read those back.
    missing_pk = [nip for nip, user in new.items() if user.pk is None]
    new |= {u.nip: u for u in User.objects.filter(nip__in=missing_pk) if u.nip}
    by_nip = existing | new
    renamed = [by_nip[nip] for nip, name in names.items() if by_nip[nip].display_name != name]
    for nip, name in names.items():
        by_nip[nip].display_name = name
    User.objects.bulk_update(renamed, ["display_name"])
    return by_nip, renamed


@transaction.atomic
def role_members_sync(role: Role, user_ids: Iterable[int]) -> tuple[int, int]:
    """Make the role's group hold exactly ``user_ids``, in two set-based statements and with
    the audit entries that set-based writes (no ``m2m_changed``) would otherwise miss.
    Returns (added, removed)."""
    group = role_group(role)
    membership = User.groups.through
    should_be = set(user_ids)
    current = set(membership.objects.filter(group=group).values_list("user_id", flat=True))
    added, removed = should_be - current, current - should_be
    membership.objects.bulk_create([membership(user_id=uid, group=group) for uid in added])
    membership.objects.filter(group=group, user_id__in=removed).delete()
    group_changes_log(user_ids=added, added=[group.name])
    group_changes_log(user_ids=removed, removed=[group.name])
    return len(added), len(removed)
