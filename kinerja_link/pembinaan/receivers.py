"""What pembinaan does when learning or kinerja_link announce something. Connected in
``PembinaanConfig.ready()``; each receiver is idempotent."""

from foundation.outbox import enqueue_on_commit
from kinerja_link import events as kinerja_events
from kinerja_link.models import Pegawai
from learning import events as learning_events

from .assignments import assignments_complete
from .recommendations import recommendations_after_import


def close_assignments_on_completion(sender, *, user_id, course_id, enrolment_id=None, **kwargs):
    """A completed course closes the pegawai's open assignment(s) of it; repeats are no-ops."""
    assignments_complete(user_id=user_id, course_id=course_id, enrolment_id=enrolment_id)


def add_evidence_on_completion(sender, *, learning_record_id: int, **kwargs) -> None:
    """Learning sends this after its transaction commits: enqueue at once, through the
    outbox so that a broker outage loses nothing and fails no request."""
    from .tasks import skp_evidence_from_learning_record_task

    enqueue_on_commit(skp_evidence_from_learning_record_task, learning_record_id)


def refresh_evidence_on_records_changed(sender, *, user_ids: list[int], **kwargs) -> None:
    """A training verified or rejected, a certificate revoked: the SKP follows at once."""
    from .tasks import skp_evidence_refresh_task

    enqueue_on_commit(skp_evidence_refresh_task, sorted(set(user_ids)))


def refresh_evidence_on_skps_changed(sender, *, pegawai_ids: list[int], **kwargs) -> None:
    """A new SKP takes the evidence that waited for it."""
    from .tasks import skp_evidence_refresh_task

    user_ids = Pegawai.objects.filter(pk__in=pegawai_ids).values_list("user_id", flat=True)
    enqueue_on_commit(skp_evidence_refresh_task, sorted(set(user_ids)))


def recommend_on_evaluations_changed(sender, *, periode_ids, scope_paths, **kwargs) -> None:
    """New or changed evaluations (or newly flagged values) may call for pembinaan."""
    recommendations_after_import(periode_ids=periode_ids, scope_paths=scope_paths)


def connect() -> None:
    # The two course_completed receivers are independent: the assignment closes, and the
    # SKP gets its evidence.
    learning_events.course_completed.connect(
        close_assignments_on_completion, dispatch_uid="kinerja_link.assignments.completion"
    )
    learning_events.course_completed.connect(
        add_evidence_on_completion, dispatch_uid="kinerja_link.skp_evidence"
    )
    learning_events.learning_records_changed.connect(
        refresh_evidence_on_records_changed, dispatch_uid="pembinaan.evidence.records"
    )
    kinerja_events.skps_changed.connect(
        refresh_evidence_on_skps_changed, dispatch_uid="pembinaan.evidence.skps"
    )
    kinerja_events.evaluations_changed.connect(
        recommend_on_evaluations_changed, dispatch_uid="pembinaan.recommendations"
    )
