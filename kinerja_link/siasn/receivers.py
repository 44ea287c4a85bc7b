"""Completed courses go to SIASN by themselves once the connector is on."""

from __future__ import annotations

from typing import Any

from learning import events as learning_events


def push_on_completion(*, learning_record_id: int | None = None, **_: Any) -> None:
    from .services import push_request

    if learning_record_id:
        push_request(learning_record_ids=[learning_record_id])


learning_events.course_completed.connect(push_on_completion, dispatch_uid="siasn.push")
