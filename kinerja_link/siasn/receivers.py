"""Learning that counts goes to SIASN by itself once the connector is on: a completed
course, an external training a pengelola verified, a coaching or mentoring session's JP."""

from __future__ import annotations

from typing import Any

from learning import events as learning_events


def push_on_completion(*, learning_record_id: int | None = None, **_: Any) -> None:
    from .services import push_request

    if learning_record_id:
        push_request(learning_record_ids=[learning_record_id])


def push_on_verification(*, learning_record_ids: list[int] | None = None, **_: Any) -> None:
    from .services import push_request

    if learning_record_ids:
        push_request(learning_record_ids=list(learning_record_ids))


learning_events.course_completed.connect(push_on_completion, dispatch_uid="siasn.push")
learning_events.learning_records_verified.connect(
    push_on_verification, dispatch_uid="siasn.push_verified"
)
