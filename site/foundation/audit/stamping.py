"""Every audit entry written during a request or task carries its request id.

Wagtail's log entries have no column for it, so it goes into ``data["request_id"]`` (the
``uuid`` column is Wagtail's own grouping of one admin action and stays as Wagtail sets
it). ``pre_save`` covers everything written through ``log()``; code that writes entries
with ``bulk_create`` (imports, nightly status changes) passes its ``data`` through
``stamp`` itself, because ``bulk_create`` sends no signal.
"""

from __future__ import annotations

from foundation.request_id import current_request_id

KEY = "request_id"


def stamp(data: dict | None) -> dict:
    """``data`` with the current request id added (unchanged outside a request or task)."""
    data = dict(data or {})
    request_id = current_request_id()
    if request_id and KEY not in data:
        data[KEY] = request_id
    return data


def stamp_log_entry(sender, instance, **kwargs) -> None:
    """``pre_save`` receiver of each Wagtail log model: a new entry gets the id."""
    if not instance._state.adding:
        return
    if isinstance(instance.data, dict) or not instance.data:
        instance.data = stamp(instance.data)
