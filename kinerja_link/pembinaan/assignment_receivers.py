"""Learning's events, as they concern assignments. Connected in ``KinerjaLinkConfig.ready()``."""

from learning import events

from .assignments import assignments_complete


def close_assignments_on_completion(sender, *, user_id, course_id, enrolment_id=None, **kwargs):
    """A completed course closes the pegawai's open assignment(s) of it; repeats are no-ops."""
    assignments_complete(user_id=user_id, course_id=course_id, enrolment_id=enrolment_id)


def connect() -> None:
    events.course_completed.connect(
        close_assignments_on_completion, dispatch_uid="kinerja_link.assignments.completion"
    )
