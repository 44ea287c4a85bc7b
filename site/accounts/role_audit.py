"""Role changes in the audit trail: who gained or lost which group, and superuser status.

Group membership changes through ``user.groups`` / ``group.user_set`` (the Wagtail user
admin's form, its "assign role" bulk action, code) are caught by ``m2m_changed``; the
set-based Pimpinan sync calls ``group_changes_log`` itself. Each entry is an
``accounts.roles.change`` on the user with ``{"before": {"groups": [...]}, "after": ...}``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.log_actions import get_active_log_context, log

from foundation.audit.bulk import log_entries_bulk
from foundation.audit.changes import changes

ROLE_CHANGE = "accounts.roles.change"
# Account flags that grant or remove powers, audited like groups.
AUDITED_FLAGS = ("is_superuser", "is_staff", "is_active")


def group_changes_log(
    *, user_ids: Iterable[int], added: Iterable[str] = (), removed: Iterable[str] = (), actor=None
) -> None:
    """One entry per user whose groups now differ from before ``added``/``removed``.

    Called after the change; three queries whatever the number of users.
    """
    user_ids, added, removed = set(user_ids), set(added), set(removed)
    if not user_ids:
        return
    User = get_user_model()
    groups = defaultdict(set)
    for user_id, name in User.groups.through.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "group__name"
    ):
        groups[user_id].add(name)
    rows = []
    for pk, display_name, username in User.objects.filter(pk__in=user_ids).values_list(
        "pk", "display_name", "username"
    ):
        after = groups[pk]
        before = (after - added) | removed
        if before != after:
            data = changes({"groups": sorted(before)}, {"groups": sorted(after)})
            rows.append((pk, display_name or username, data))
    if actor is None:
        actor = get_active_log_context().user  # the admin's user inside a Wagtail admin view
    log_entries_bulk(User, ROLE_CHANGE, rows, user_id=getattr(actor, "pk", None))


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """``m2m_changed`` on ``User.groups.through``, from either side of the relation."""
    if action == "pre_clear" and not reverse:
        instance._groups_before_clear = set(instance.groups.values_list("name", flat=True))
        return
    if action == "post_clear" and not reverse:
        group_changes_log(
            user_ids=[instance.pk], removed=getattr(instance, "_groups_before_clear", set())
        )
        return
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    change = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(users): pk_set holds users
        group_changes_log(user_ids=pk_set, **{change: [instance.name]})
    else:
        names = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        group_changes_log(user_ids=[instance.pk], **{change: list(names)})


def flags_snapshot(user) -> dict:
    return {name: getattr(user, name) for name in AUDITED_FLAGS}


def flags_change_log(*, user, before: dict, by) -> None:
    """Superuser, staff or active status changed on ``user``: an entry with before/after."""
    after = flags_snapshot(user)
    if after != before:
        log(instance=user, action=ROLE_CHANGE, user=by, data=changes(before, after))
