"""python manage.py generate_recommendations --periode "Triwulan III 2026" [--unit KODE]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinerja_link.importing import columns as col
from kinerja_link.models import Periode, UnitKerja
from kinerja_link.scope import EVERYTHING, Scope

from ...recommendations import recommendations_generate


class Command(BaseCommand):
    help = "Jalankan aturan pembinaan untuk satu periode dan simpan rekomendasi baru."

    def add_arguments(self, parser):
        parser.add_argument("--periode", required=True, help='Misalnya "Triwulan III 2026".')
        parser.add_argument("--unit", help="Kode unit kerja: hanya pegawai di unit ini ke bawah.")

    def handle(self, *args, periode: str, unit=None, **options):
        try:
            key = col.parse_periode(periode)
        except (ValidationError, ValueError) as exc:
            raise CommandError(f"Periode tidak dikenali: {periode}") from exc
        found = Periode.objects.filter(tahun=key.tahun, jenis=key.jenis, nomor=key.nomor).first()
        if found is None:
            raise CommandError(f"Periode {periode} belum ada; impor evaluasinya dahulu.")
        scope = EVERYTHING
        if unit:
            match = UnitKerja.objects.filter(kode=unit).first()
            if match is None:
                raise CommandError(f"Unit kerja dengan kode {unit} tidak ditemukan.")
            scope = Scope.of([match.path])
        counts = recommendations_generate(periode_id=found.pk, scope=scope)
        self.stdout.write(
            f"{found.label}: {counts['aturan']} aturan, {counts['evaluasi']} evaluasi cocok, "
            f"{counts['dibuat']} rekomendasi baru, {counts['sudah_ada']} sudah ada, "
            f"{counts['sudah_selesai']} kursus sudah selesai, "
            f"{counts['sudah_ditugaskan']} sudah ditugaskan."
        )
