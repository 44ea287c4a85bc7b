"""Audit tables of other apps, merged into the trail without foundation importing them.

The trail always holds Wagtail's model and page log entries. An app that keeps audit rows
of its own (``accounts``' sign-in events) describes them as an ``AuditSource`` and
registers it with the ``register_audit_source`` Wagtail hook (a function returning the
source), in its ``wagtail_hooks`` module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django_stubs_ext import StrOrPromise

from django.db.models import QuerySet

from wagtail import hooks

if TYPE_CHECKING:
    from .presentation import TrailItem
    from .trail import TrailRow

HOOK = "register_audit_source"


@dataclass(frozen=True)
class AuditSource:
    key: str  # the rows' source in the merged trail, e.g. "auth"
    target: tuple[str, StrOrPromise]  # the target-type filter's value and label for these rows
    action_prefix: str  # the action filter's values for these rows start with it
    time_field: str  # when a row happened
    # Rows of one action (without the prefix; "" for all) and one request id ("" for any).
    rows: Callable[[str, str], QuerySet]
    action_choices: Callable[[], list[tuple[str, StrOrPromise]]]  # (action without prefix, label)
    load: Callable[[], QuerySet]  # the queryset a page of rows is loaded from
    request_id: Callable[[Any], str]
    present: Callable[[TrailRow], TrailItem]


def registered_sources() -> dict[str, AuditSource]:
    """Every registered source by key, in registration order."""
    sources = (register() for register in hooks.get_hooks(HOOK))
    return {source.key: source for source in sources}
