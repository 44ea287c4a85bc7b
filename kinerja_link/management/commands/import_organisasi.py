"""python manage.py import_organisasi FILE [--dry-run]"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinerja_link.services import organisation_import


class Command(BaseCommand):
    help = "Impor data pegawai (NIP, nama, jabatan, unit kerja, pejabat penilai) dari CSV/XLSX."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Pratinjau tanpa menyimpan.")

    def handle(self, *args, file: Path, dry_run=False, **options):
        if not file.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        try:
            with file.open("rb") as handle:
                report = organisation_import(user=None, file=handle, dry_run=dry_run)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for error in report.errors:
            self.stderr.write(f"Baris {error['baris']}: {error['pesan']}")
        title = "Pratinjau (tidak disimpan)" if dry_run else "Impor selesai"
        self.stdout.write(
            f"{title}: {report.total} baris · baru {report.created} · berubah {report.updated}"
            f" · tidak berubah {report.unchanged} · galat {report.error_count}"
        )
