"""python manage.py import_evaluasi FILE [--periode "Triwulan III 2026"] [--dry-run] [--user NIP]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from kinerja_link.models import ImportStatus
from kinerja_link.services import import_job_create, import_job_run, periode_resolve


class Command(BaseCommand):
    help = "Impor evaluasi kinerja dari berkas CSV/XLSX ekspor e-Kinerja atau SIASN."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--periode", help='Periode bawaan, misalnya "Triwulan III 2026".')
        parser.add_argument("--dry-run", action="store_true", help="Pratinjau tanpa menyimpan.")
        parser.add_argument("--user", help="NIP atau username pengimpor (untuk jejak audit).")

    def handle(self, *args, file: Path, periode=None, dry_run=False, user=None, **options):
        if not file.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        try:
            default = periode_resolve(text=periode) if periode else None
            actor = _user(user) if user else None
            with file.open("rb") as handle:
                job = import_job_create(
                    user=actor,
                    file=File(handle, name=file.name),
                    periode=default,
                    dry_run=dry_run,
                    enqueue=False,
                )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        job = import_job_run(job_id=job.pk)
        self._report(job)
        if job.status == ImportStatus.GAGAL:
            raise CommandError(job.message)

    def _report(self, job):
        if job.status == ImportStatus.GAGAL:
            return
        for error in job.errors:
            self.stderr.write(f"Baris {error['baris']}: {error['pesan']}")
        title = "Pratinjau (tidak disimpan)" if job.dry_run else "Impor selesai"
        self.stdout.write(
            f"{title}: {job.total_rows} baris · baru {job.created_count} · berubah "
            f"{job.updated_count} · tidak berubah {job.unchanged_count} · galat {job.error_count}"
            f" · predikat berbeda {job.mismatch_count}"
        )


def _user(login: str):
    users = get_user_model().objects
    found = users.filter(nip=login).first() or users.filter(username=login).first()
    if found is None:
        raise CommandError(f"Pengguna tidak ditemukan: {login}")
    return found
