"""Build the demo: page tree, organisation and logins for each role. Safe to run again."""

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, demo_password_hash, seed_staff
from accounts.roles import Role
from kinerja_link.demo import seed_evaluasi_import, seed_organisation, seed_skp
from kinerja_link.participation.demo import seed_participation
from kinerja_link.pembinaan.demo import seed_pembinaan
from kinerja_link.pembinaan.demo_mentoring import seed_mentoring
from kinerja_link.pembinaan.demo_rencana import seed_rencana_aksi
from kinerja_link.pembinaan.transparency import transparency_refresh
from kinerja_link.pengembangan.demo import seed_pengembangan
from kinerja_link.pengembangan.demo_evaluasi import seed_evaluasi_pelatihan
from learning.demo import seed_learning
from learning.quiz.demo import seed_quizzes
from portal.demo import seed_pages


class Command(BaseCommand):
    help = "Isi data demo Bina ASN (aman dijalankan berulang)."

    def handle(self, *args, **options):
        password_hash = demo_password_hash()
        self.stdout.write("Halaman portal…")
        seed_pages()
        self.stdout.write("Akun staf…")
        logins = seed_staff(password_hash)
        self.stdout.write("Organisasi dan pegawai…")
        logins = seed_organisation(password_hash) + logins
        self.stdout.write("Kursus dan kemajuan belajar…")
        seed_learning(first_logins=[login.login for login in logins])
        self.stdout.write("Bank soal dan kuis…")
        pegawai = next((login.login for login in logins if login.role == Role.PEGAWAI), None)
        seed_quizzes(pegawai_login=pegawai)
        self.stdout.write("SKP dan evaluasi kinerja (impor SIASN Triwulan III)…")
        seed_skp()
        seed_evaluasi_import()
        self.stdout.write("Pembinaan: rekomendasi, penugasan, sesi, umpan balik…")
        seed_pembinaan()
        self.stdout.write("Rencana aksi dan realisasi…")
        seed_rencana_aksi()
        self.stdout.write("Mentor yang ditunjuk, sesi mentoring dan penilaiannya…")
        seed_mentoring()
        self.stdout.write("Rencana pengembangan kompetensi (IDP) pegawai demo…")
        seed_pengembangan()
        self.stdout.write("Evaluasi pascapelatihan (Kirkpatrick 1–4)…")
        seed_evaluasi_pelatihan()
        self.stdout.write("Layanan publik, survei kepuasan (SKM) dan masukan publik…")
        services = seed_participation()
        # Last, so the figures include everything seeded above. From here on they follow
        # every change at once (eager tasks, no beat needed; pembinaan.transparency).
        self.stdout.write("Angka halaman transparansi…")
        transparency_refresh()

        self.stdout.write(self.style.SUCCESS("\nData demo siap. Buka http://127.0.0.1:8000/"))
        self.stdout.write(f"Kata sandi semua akun demo: {DEMO_PASSWORD}\n")
        for layanan in services:
            self.stdout.write(
                f"  Survei {layanan.nama}: http://127.0.0.1:8000/layanan/{layanan.public_id}/survei/"
                f"  (poster QR: …/layanan/{layanan.public_id}/poster/)"
            )
        width = max(len(login.role) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.role:<{width}}  {login.login:<26}  {login.name}")
