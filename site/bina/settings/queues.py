"""Celery queues by kind of work: the one place that says which task runs where.

Every task is named here (``tests/bina/test_celery_queues.py`` fails on a task that is not),
so a new task cannot land on a queue by accident. Kinds:

- ``imports``: evaluation imports (a file or a SIASN pull) and the bulk recommendations
  that follow them; minutes of work at 250,000 pegawai.
- ``notifications``: reminders and e-mail, which people expect within minutes.
- ``siasn``: pushes to BKN's SIASN, network-bound and retried with long backoffs.
- ``pdfs``: certificate PDFs, CPU-bound bursts at course deadlines.
- ``default`` (Celery's ``celery`` queue in production): beat's repairs and sweeps, the
  outbox relay, small follow-ups of a user's action.
"""

from __future__ import annotations

DEFAULT = "default"
KINDS = ("imports", "notifications", "siasn", "pdfs")

TASK_KINDS: dict[str, str] = {
    # imports
    "kinerja_link.tasks.import_job_run_task": "imports",
    "kinerja_link.siasn.tasks.siasn_kinerja_pull_task": "imports",
    "kinerja_link.tasks.recommendations_generate_task": "imports",
    # notifications
    "kinerja_link.pembinaan.tasks.pembinaan_reminders": "notifications",
    "kinerja_link.pembinaan.tasks.notifications_send": "notifications",
    "kinerja_link.pengembangan.tasks.evaluasi_l3_request_task": "notifications",
    # SIASN pushes
    "kinerja_link.siasn.tasks.siasn_push_task": "siasn",
    # PDFs
    "learning.tasks.render_certificate": "pdfs",
    # default: quick, periodic or repairing work
    "kinerja_link.tasks.import_jobs_recover_task": DEFAULT,
    "kinerja_link.tasks.skp_evidence_from_learning_record_task": DEFAULT,
    "kinerja_link.pembinaan.tasks.skp_evidence_refresh_task": DEFAULT,
    "kinerja_link.tasks.skp_evidence_attach_pending_task": DEFAULT,
    "kinerja_link.tasks.transparency_refresh_task": DEFAULT,
    "kinerja_link.tasks.assignments_mark_overdue_task": DEFAULT,
    "foundation.tasks.outbox_relay": DEFAULT,
    "accounts.tasks.clear_expired_sessions": DEFAULT,
    "portal.tasks.publish_scheduled_pages": DEFAULT,
    "learning.quiz.tasks.close_overdue_attempts": DEFAULT,
    # Celery's own (chord_unlock, backend_cleanup, ...)
    "celery.*": DEFAULT,
}


def queue_name(kind: str, *, default_queue: str) -> str:
    """``default_queue`` itself for the default kind; otherwise the kind, prefixed by the
    default queue's name unless that is Celery's "celery" (tests keep each run apart)."""
    if kind == DEFAULT:
        return default_queue
    return kind if default_queue == "celery" else f"{default_queue}.{kind}"


def queue_names(*, default_queue: str) -> list[str]:
    """Every queue, as a worker consuming them all names them (``-Q``)."""
    return [queue_name(kind, default_queue=default_queue) for kind in (DEFAULT, *KINDS)]


def task_routes(*, default_queue: str) -> dict[str, dict[str, str]]:
    return {
        task: {"queue": queue_name(kind, default_queue=default_queue)}
        for task, kind in TASK_KINDS.items()
    }
