from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.roles import Role

from .selectors import pimpinan_user_ids


@transaction.atomic
def pimpinan_group_sync() -> tuple[int, int]:
    """Make the Pimpinan group mirror who is pejabat penilai of an active pegawai.

    The relation on Pegawai is the truth; the group exists so that admin permissions
    and filters can use it. Two set-based statements, whatever the organisation's size.
    Returns (added, removed).
    """
    group = Group.objects.get(name=Role.PIMPINAN)
    membership = get_user_model().groups.through
    should_be = set(pimpinan_user_ids())
    current = set(membership.objects.filter(group=group).values_list("user_id", flat=True))
    added = should_be - current
    removed = current - should_be
    membership.objects.bulk_create([membership(user_id=uid, group=group) for uid in added])
    membership.objects.filter(group=group, user_id__in=removed).delete()
    return len(added), len(removed)
