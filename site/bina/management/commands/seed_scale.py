"""Generate an organisation of N pegawai with evaluations, courses and learners (bina.scale)."""

import logging

from django.core.management.base import BaseCommand, CommandError

from bina.scale import ROOT_KODE, ScaleDataExists, seed_scale


class Command(BaseCommand):
    help = "Isi data skala besar: N pegawai, evaluasi dua periode, 200 kursus, artikel."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, required=True, help="Jumlah pegawai.")
        parser.add_argument("--kursus", type=int, default=200, help="Jumlah kursus (200).")
        parser.add_argument("--artikel", type=int, default=100, help="Jumlah artikel (100).")
        parser.add_argument("--batch", type=int, default=5000, help="Pegawai per batch (5000).")

    def handle(self, *args, **options):
        if options["pegawai"] < 1 or options["batch"] < 1:
            raise CommandError("--pegawai dan --batch harus bilangan positif.")
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page otherwise
        self.stdout.write(f"Membuat data skala untuk {options['pegawai']:,} pegawai…")
        try:
            timings = seed_scale(
                pegawai=options["pegawai"],
                courses=options["kursus"],
                articles=options["artikel"],
                batch_size=options["batch"],
                report=self.stdout.write,
            )
        except ScaleDataExists:
            raise CommandError(
                f"Data skala sudah ada (unit kerja {ROOT_KODE}); seed_scale hanya berjalan sekali "
                "per basis data. Pakai basis data baru untuk ukuran lain."
            ) from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Selesai dalam {timings['total']:.1f} s."))
