"""Before/after for audit entries: ``data={"before": {...}, "after": {...}}``.

Only fields that changed are kept, as plain JSON values (a related object as its id,
a many-to-many as a sorted list of ids, a date as ISO text), so the viewer can show
them side by side and the entries stay small.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Mapping
from typing import Any, cast

from django.db import models


def plain(value: object) -> object:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return items if isinstance(value, list | tuple) else sorted(items, key=str)
    return value


def snapshot(instance: models.Model, fields: tuple[str, ...] | list[str]) -> dict[str, object]:
    """``instance``'s fields as plain values; a many-to-many field becomes sorted ids.

    A foreign key is read from its ``<name>_id`` attribute, so no query is made for it.
    """
    values: dict[str, object] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(getattr(instance, name).values_list("pk", flat=True))
        elif field.is_relation:
            # A listed field is a forward one (a reverse relation has no attname).
            values[name] = getattr(instance, cast("models.Field[Any, Any]", field).attname)
        else:
            values[name] = plain(getattr(instance, name))
    return values


def changes(
    before: Mapping[str, object] | None, after: Mapping[str, object], **extra: object
) -> dict[str, object]:
    """``{"before": ..., "after": ...}`` with only the keys whose value differs.

    ``before`` None is a creation: every key of ``after`` is kept and ``before`` is None.
    """
    if before is None:
        return {"before": None, "after": after, **extra}
    changed = [k for k in after.keys() | before.keys() if before.get(k) != after.get(k)]
    return {
        "before": {k: before.get(k) for k in sorted(changed)},
        "after": {k: after.get(k) for k in sorted(changed)},
        **extra,
    }
