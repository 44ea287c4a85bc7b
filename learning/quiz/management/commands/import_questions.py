"""Import a GIFT or Moodle XML question bank into a category (safe to run again)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning.quiz.bank import PARSERS, questions_import


class Command(BaseCommand):
    help = "Impor bank soal dari berkas GIFT atau Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=sorted(PARSERS), required=True, dest="fmt")
        parser.add_argument("--category", required=True, help='Mis. "BerAKHLAK/Akuntabel"')
        parser.add_argument("--dry-run", action="store_true", help="Periksa tanpa menyimpan.")
        parser.add_argument(
            "--allow-type-change",
            action="store_true",
            help="Izinkan pembaruan lewat identitas yang mengubah jenis soal.",
        )

    def handle(self, *args, file: Path, fmt: str, category: str, dry_run: bool, **options):
        if not category.strip("/ "):
            raise CommandError("Kategori tujuan wajib diisi.")
        try:
            source = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Berkas tidak dapat dibaca: {error}") from error
        report = questions_import(
            source=source,
            fmt=fmt,
            category_path=category,
            dry_run=dry_run,
            allow_type_change=options["allow_type_change"],
        )
        if dry_run:
            self.stdout.write("Uji coba: tidak ada yang disimpan.")
        for label, total, by_type in report.counts():
            detail = ", ".join(f"{qtype} {n}" for qtype, n in by_type)
            self.stdout.write(
                f"{label[:1].upper()}{label[1:]}: {total}" + (f" ({detail})" if detail else "")
            )
        self.stdout.write("Per soal:")
        for entry in report.entries:
            self.stdout.write(f"  {entry.describe()}")
            for change in entry.changes:
                self.stdout.write(f"      {change.label}: {change.old} → {change.new}")
        for problem in report.notes:
            name = f" “{problem.name}”" if problem.name else ""
            self.stdout.write(f"  baris {problem.line}{name} (catatan): {problem.message}")
