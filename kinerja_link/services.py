from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from accounts.roles import Role, has_role
from accounts.services import role_members_sync
from foundation.outbox import enqueue_on_commit

from . import events
from .importing import columns as col
from .importing import engine
from .importing.kinds import kind_of
from .importing.organisation import run_organisation_import
from .importing.readers import ImportFileError, Table, check_upload, read_table, rows_table
from .importing.single_runner import runner_alive, single_runner
from .models import Evaluasi, EvaluasiSource, ImportJob, ImportKind, ImportStatus, Periode
from .scope import EVERYTHING, Scope, scope_for
from .selectors import pimpinan_user_ids

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)


def pimpinan_group_sync() -> tuple[int, int]:
    """Make the Pimpinan group mirror who is pejabat penilai of an active pegawai.

    The relation on Pegawai is the truth; the group exists so that admin permissions
    and filters can use it. Returns (added, removed).
    """
    return role_members_sync(Role.PIMPINAN, pimpinan_user_ids())


# --- Evaluation import ----------------------------------------------------------------


def import_scope(user: User | None) -> Scope:
    """The units a user may import for (``kinerja_link.scope``).

    ``None`` is the system itself (management command, demo seeding): every unit.
    """
    if user is None:
        return EVERYTHING
    if not user.is_superuser and not has_role(user, Role.PENGELOLA):
        raise PermissionDenied(_("Hanya Pengelola Kepegawaian yang boleh mengimpor evaluasi."))
    scope = scope_for(user)
    if scope is None:
        raise PermissionDenied(_("Akun Anda belum terhubung dengan data pegawai dan unit kerja."))
    return scope


def organisation_import(
    *, user: User | None, file: IO[bytes], dry_run: bool = True
) -> engine.Report:
    """Upsert pegawai by NIP from a CSV/XLSX file, then resync the Pimpinan group.

    Runs at once (an organisation has thousands of rows, not hundreds of thousands);
    a dry run reports what would change and writes nothing.
    """
    scope = import_scope(user)
    try:
        table = read_table(file, file.name or "")
        report = run_organisation_import(
            table, scope=scope, dry_run=dry_run, user_id=getattr(user, "pk", None)
        )
    except ImportFileError as exc:
        raise ValidationError(str(exc)) from exc
    if not dry_run:
        pimpinan_group_sync()
    return report


def periode_resolve(*, text: str) -> Periode:
    """A Periode from text such as "Triwulan III 2026"; made if it does not exist yet."""
    key = col.parse_periode(text)
    return Periode.objects.get_or_create(tahun=key.tahun, jenis=key.jenis, nomor=key.nomor)[0]


def import_job_create(
    *,
    user: User | None,
    file: File[bytes],
    periode: Periode | None = None,
    dry_run: bool = True,
    enqueue: bool = True,
    kind: str = ImportKind.EVALUASI,
) -> ImportJob:
    """Store an uploaded file as an ImportJob of ``kind`` and queue it (a dry run unless
    said otherwise)."""
    import_scope(user)
    try:
        check_upload(file, file.name or "")
    except ImportFileError as exc:
        raise ValidationError(str(exc)) from exc
    name = (file.name or "impor").rsplit("/", 1)[-1]
    job = ImportJob(
        kind=kind, original_name=name[:255], periode=periode, dry_run=dry_run, created_by=user
    )
    job.file.save(name, file, save=False)
    job.full_clean()
    with transaction.atomic():  # the job and the promise to run it commit together
        job.save()
        log(instance=job, action="wagtail.create", user=user)
        if enqueue:
            _enqueue(job.pk)
    return job


@transaction.atomic
def import_job_confirm(*, user: User, job: ImportJob) -> ImportJob:
    """Turn a finished preview into the real import of the same file."""
    import_scope(user)
    if job.status != ImportStatus.PRATINJAU or not job.dry_run:
        raise ValidationError(_("Hanya pratinjau yang sudah selesai yang dapat dikonfirmasi."))
    ImportJob.objects.filter(pk=job.pk).update(
        dry_run=False, status=ImportStatus.MENUNGGU, processed_rows=0
    )
    job.refresh_from_db()
    log(instance=job, action="wagtail.edit", user=user, data={"konfirmasi": True})
    _enqueue(job.pk)
    return job


def _enqueue(job_id: int) -> None:
    from .tasks import import_job_run_task  # tasks import services: import late

    enqueue_on_commit(import_job_run_task, job_id)


def evaluasi_import_records(
    *,
    user: User,
    records: list[dict[str, Any]],
    periode: Periode | None = None,
    dry_run: bool = False,
) -> ImportJob:
    """The API's import: the same engine, run at once on JSON records instead of a file."""
    import_scope(user)
    job = ImportJob.objects.create(
        source=EvaluasiSource.API,
        rows=records,
        periode=periode,
        dry_run=dry_run,
        created_by=user,
        original_name="API",
    )
    return import_job_run(job_id=job.pk)


def import_job_run(*, job_id: int) -> ImportJob:
    """Run an import job to its end. Safe to call twice: a finished job is left alone,
    a job another worker is running is left to it, and an interrupted one resumes after
    its last committed chunk."""
    with single_runner(job_id) as mine:
        job = ImportJob.objects.select_related("created_by", "periode").get(pk=job_id)
        if job.is_finished or not mine:
            return job
        return _import_job_run(job)


def import_jobs_recover() -> list[int]:
    """Queue again every running import whose worker died; returns their ids.

    Dead means a heartbeat older than ``BINA_IMPORT_STALE_SECONDS`` and, on PostgreSQL,
    no session holding the job's lock. Without this a crashed worker's message waits for
    the broker's visibility timeout (an hour). Safe: the new run resumes after the last
    committed chunk, the lock keeps out a second runner and a late redelivery of the old
    message finds the job finished. The heartbeat is touched as the job is queued, so a
    job waiting behind others in the queue is not queued again at every sweep.
    """
    stale = timezone.now() - datetime.timedelta(seconds=settings.BINA_IMPORT_STALE_SECONDS)
    orphaned = ImportJob.objects.filter(
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True), status=ImportStatus.BERJALAN
    )
    dead = [pk for pk in orphaned.values_list("pk", flat=True) if not runner_alive(pk)]
    return [pk for pk in dead if _requeue(pk)]


def _requeue(job_id: int) -> bool:
    with transaction.atomic():
        # Still running: it may have finished since the sweep looked.
        touched = ImportJob.objects.filter(pk=job_id, status=ImportStatus.BERJALAN).update(
            heartbeat_at=timezone.now()
        )
        if touched:
            _enqueue(job_id)
    if touched:
        logger.warning("Evaluation import %s: its worker stopped; queued to resume", job_id)
    return bool(touched)


def _import_job_run(job: ImportJob) -> ImportJob:
    committed = _start(job)
    try:
        kind = kind_of(job.kind)
        table = _load_table(job, kind.json_table)
        problem = kind.missing_columns_message(table)
        if problem:
            raise ImportFileError(problem)
        ImportJob.objects.filter(pk=job.pk).update(total_rows=len(table.rows))
        context = _context(job)
        report = kind.run(table, context, committed)
    except (ImportFileError, PermissionDenied) as exc:
        _finish(job, status=ImportStatus.GAGAL, message=str(exc))
    except Exception:
        # Anything else is our fault, not the file's; the job must still end, or the
        # pengelola watches "Berjalan" forever.
        logger.exception("Import %s (%s) failed", job.pk, job.kind)
        _finish(
            job,
            status=ImportStatus.GAGAL,
            message=_(
                "Impor gagal karena kesalahan sistem. Unggah ulang berkasnya; bila terulang, "
                "hubungi admin dengan menyebut nomor impor %(pk)s."
            )
            % {"pk": job.pk},
        )
    else:
        status = ImportStatus.PRATINJAU if job.dry_run else ImportStatus.SELESAI
        _finish(job, status=status, report=report)
        if not job.dry_run and job.kind == ImportKind.EVALUASI:
            _recommend_after_import(context)
    job.refresh_from_db()
    return job


def _start(job: ImportJob) -> engine.Report | None:
    """Mark the job running. One still marked running had its worker die: it resumes with
    the counts committed with its last chunk. Any other starts from nothing (a confirmed
    preview drops the preview's counts)."""
    now = timezone.now()
    if job.status == ImportStatus.BERJALAN:
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=now)
        return engine.Report(
            processed=job.processed_rows,
            created=job.created_count,
            updated=job.updated_count,
            unchanged=job.unchanged_count,
            mismatches=job.mismatch_count,
            error_count=job.error_count,
            errors=list(job.errors),
        )
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.BERJALAN,
        started_at=now,
        heartbeat_at=now,
        **_counts(engine.Report()),
    )
    return None


def _counts(report: engine.Report) -> dict[str, Any]:
    return {
        "processed_rows": report.processed,
        "created_count": report.created,
        "updated_count": report.updated,
        "unchanged_count": report.unchanged,
        "error_count": report.error_count,
        "mismatch_count": report.mismatches,
        "errors": report.errors,
    }


def _recommend_after_import(context: engine.ImportContext) -> None:
    """Recommendations for every period the import touched, queued after commit."""
    periode_ids = [p.pk for p in context.periodes.values() if p is not None]
    events.evaluations_changed.send(
        sender=Evaluasi, periode_ids=periode_ids, scope_paths=context.scope.paths
    )


def _load_table(job: ImportJob, json_table: Callable[[object], Table]) -> Table:
    if job.rows is not None:
        if not job.rows:
            raise ImportFileError(_("Permintaan tidak berisi baris data."))
        return rows_table(job.rows)
    with job.file.open("rb") as handle:
        return read_table(handle, job.original_name or job.file.name or "", json_table)


def _context(job: ImportJob) -> engine.ImportContext:
    default = None
    if job.periode:
        default = col.PeriodeKey(job.periode.tahun, job.periode.jenis, job.periode.nomor)

    def on_progress(report: engine.Report) -> None:
        # Inside the chunk's transaction: the counts commit with the rows they count.
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now(), **_counts(report))

    return engine.ImportContext(
        scope=import_scope(job.created_by),
        dry_run=job.dry_run,
        source=job.source,
        job_id=job.pk,
        user_id=job.created_by_id,
        default_periode=default,
        on_progress=on_progress,
    )


def _finish(
    job: ImportJob, *, status: str, message: str = "", report: engine.Report | None = None
) -> None:
    counts = _counts(report) if report is not None else {}
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, message=message, finished_at=timezone.now(), **counts
    )
