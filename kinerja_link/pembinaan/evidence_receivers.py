"""Subscriptions to learning's events that feed the SKP. Connected in
``KinerjaLinkConfig.ready()``; the work itself runs in a Celery task."""

from foundation.outbox import enqueue_on_commit
from learning.events import course_completed


def on_course_completed(sender, *, learning_record_id: int, **kwargs) -> None:
    """Learning sends this after its transaction commits: enqueue at once, through the
    outbox so that a broker outage loses nothing and fails no request."""
    from kinerja_link.tasks import skp_evidence_from_learning_record_task

    enqueue_on_commit(skp_evidence_from_learning_record_task, learning_record_id)


def connect_evidence_receivers() -> None:
    course_completed.connect(on_course_completed, dispatch_uid="kinerja_link.skp_evidence")
