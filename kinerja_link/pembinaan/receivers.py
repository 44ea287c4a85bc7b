"""What pembinaan does when learning or kinerja_link announce something. Connected in
``PembinaanConfig.ready()``; each receiver is idempotent."""

from django.urls import reverse

from foundation.outbox import enqueue_on_commit
from kinerja_link import events as kinerja_events
from kinerja_link.models import Pegawai
from learning import events as learning_events

from ..participation import events as participation_events
from .assignments import assignments_complete
from .notifications import notify
from .recommendations import recommendations_after_import
from .transparency import transparency_refresh_soon


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
    connect_participation()


# --- Live transparency and public participation ---------------------------------------


def refresh_transparency(sender, **kwargs) -> None:
    """JP, completions or public participation changed (sent after commit): the public
    figures follow shortly, coalesced (``transparency.transparency_refresh_soon``)."""
    transparency_refresh_soon()


def notify_low_ikm(sender, *, unit_id, periode, ikm, threshold, pimpinan_user_ids, **kwargs):
    from django.utils.translation import gettext as _

    from ..participation.selectors import periode_label

    notify(
        users=pimpinan_user_ids,
        key=f"participation.ikm-low:{unit_id}:{periode}",
        title=_("IKM unit Anda di bawah ambang"),
        body=_(
            "Indeks kepuasan masyarakat unit Anda pada %(periode)s adalah %(ikm)s, di bawah "
            "ambang %(threshold)s. Lihat saran responden dan rencanakan perbaikan layanan."
        )
        % {
            "periode": periode_label(periode),
            "ikm": ikm.replace(".", ","),
            "threshold": threshold.replace(".", ","),
        },
        url=reverse("partisipasi:unit", args=[unit_id]),
    )


def notify_staff_service_feedback(
    sender, *, feedback_id, layanan_public_id, layanan_name, pimpinan_user_ids, **kwargs
):
    """Approved public feedback on the service staff gave: input to umpan balik
    berkelanjutan for the unit's pimpinan. It names the service, never a person."""
    from django.utils.translation import gettext as _

    notify(
        users=pimpinan_user_ids,
        key=f"participation.feedback:{feedback_id}",
        title=_("Masukan publik tentang pelayanan unit Anda"),
        body=_(
            "Masyarakat memberi masukan tentang pelayanan petugas pada layanan “%(layanan)s”. "
            "Gunakan sebagai bahan umpan balik berkelanjutan bagi tim Anda."
        )
        % {"layanan": layanan_name},
        url=reverse("partisipasi:layanan", args=[layanan_public_id]) + "#masukan",
    )


def connect_participation() -> None:
    learning_events.course_completed.connect(
        refresh_transparency, dispatch_uid="pembinaan.transparency.completion"
    )
    learning_events.learning_records_changed.connect(
        refresh_transparency, dispatch_uid="pembinaan.transparency.records"
    )
    participation_events.public_figures_changed.connect(
        refresh_transparency, dispatch_uid="pembinaan.transparency.participation"
    )
    participation_events.unit_ikm_below_threshold.connect(
        notify_low_ikm, dispatch_uid="pembinaan.participation.ikm_low"
    )
    participation_events.staff_service_feedback.connect(
        notify_staff_service_feedback, dispatch_uid="pembinaan.participation.feedback"
    )
