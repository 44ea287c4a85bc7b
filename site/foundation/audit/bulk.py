"""Audit entries for set-based changes, written in one INSERT like ``log()`` would write them.

``bulk_create`` sends no ``pre_save``, so the request id is stamped here.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from wagtail.models import ModelLogEntry

from .stamping import stamp


def log_entries_bulk(
    model: type[models.Model],
    action: str,
    rows: Iterable[tuple[object, str, dict[str, object]]],
    *,
    user_id: int | None = None,
) -> list[ModelLogEntry]:
    """One ``ModelLogEntry`` per (object id, label, data); one shared uuid for the batch."""
    content_type = ContentType.objects.get_for_model(model)
    now, batch = timezone.now(), uuid.uuid4()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(pk),
            label=label,
            action=action,
            timestamp=now,
            uuid=batch,
            user_id=user_id,
            content_changed=True,
            data=stamp(data),
        )
        for pk, label, data in rows
    ]
    created: list[ModelLogEntry] = ModelLogEntry.objects.bulk_create(entries)
    return created
