"""The demo's SKPs for one team, brought in as an e-Kinerja download through the SKP import.

The team is the demo pimpinan's (the Kepala Seksi Pelayanan Terpadu) and the pimpinan
themself: their RHK intervene in the pimpinan's, so the cascade shows on every form.
Everyone else gets a simpler SKP from ``demo.seed_skp``.
"""

from __future__ import annotations

import csv
import io

from django.core.files.base import ContentFile

from .importing import skp_columns as sc
from .models import ImportJob, ImportKind, JenisJabatan, Pegawai
from .services import import_job_create, import_job_run

DEMO_SKP_IMPORT_NAME = "demo-ekinerja-skp-2026.csv"
LEADER_RHK = [
    (
        "Meningkatnya kepuasan masyarakat atas layanan terpadu",
        [
            ("Kuantitas", "Indeks kepuasan masyarakat", "3,6 dari 4"),
            ("Waktu", "Survei selesai sebelum akhir triwulan III", "9 bulan"),
        ],
    ),
    (
        "Terselesaikannya permohonan layanan sesuai standar pelayanan",
        [
            ("Kuantitas", "Persentase permohonan selesai tepat waktu", "95%"),
            ("Kualitas", "Jumlah pengaduan yang terbukti", "0 pengaduan"),
        ],
    ),
]
MEMBER_RHK = [
    (
        "Terlayaninya permohonan di loket terpadu",
        1,
        [
            ("Kuantitas", "Jumlah permohonan yang diproses", "600 permohonan"),
            ("Waktu", "Rata-rata waktu penyelesaian", "3 hari kerja"),
        ],
    ),
    (
        "Tersusunnya laporan survei kepuasan masyarakat",
        0,
        [
            ("Kuantitas", "Jumlah laporan survei", "2 laporan"),
            ("Kualitas", "Laporan diterima tanpa revisi", "100%"),
        ],
    ),
]
SHARED = {
    sc.PERIODE: "2026",
    sc.PENDEKATAN: "Kuantitatif",
    sc.STATUS: "Disetujui",
    sc.ekspektasi_field("BP"): "Menanggapi pengaduan masyarakat paling lambat 2 hari kerja.",
    sc.ekspektasi_field("AK"): "Menyampaikan laporan tepat waktu dan lengkap.",
    sc.ekspektasi_field("KO"): "Menyelesaikan sedikitnya 20 JP pengembangan kompetensi.",
    sc.ekspektasi_field("KL"): "Aktif berbagi data dengan unit lain.",
    sc.DUKUNGAN: "Aplikasi layanan terpadu, akses SIASN, dan pelatihan pelayanan prima.",
    sc.SKEMA: "Laporan bulanan kepada pejabat penilai; dialog kinerja setiap triwulan.",
    sc.KONSEKUENSI: "Predikat kinerja menjadi dasar tindak lanjut sesuai PermenPANRB 6/2022.",
}


def seed_skp_import() -> ImportJob | None:
    """Import the team's SKP file once; later runs find the finished job and do nothing."""
    if ImportJob.objects.filter(original_name=DEMO_SKP_IMPORT_NAME, status="selesai").exists():
        return None
    content = skp_csv()
    if content is None:
        return None
    file = ContentFile(content.encode(), name=DEMO_SKP_IMPORT_NAME)
    job = import_job_create(user=None, file=file, dry_run=False, enqueue=False, kind=ImportKind.SKP)
    return import_job_run(job_id=job.pk)


def skp_csv(*, tahun: int | None = None) -> str | None:
    """The demo team's e-Kinerja SKP download (for ``tahun``, default the demo year): the file
    ``seed_skp_import`` imports and the browser journey uploads; None without the team."""
    leader = (
        Pegawai.objects.filter(unit__kode="KW.PL.1", jenis_jabatan=JenisJabatan.PENGAWAS)
        .select_related("user", "pejabat_penilai__user", "atasan_pejabat_penilai__user")
        .first()
    )
    if leader is None:
        return None
    team = list(
        Pegawai.objects.active()
        .filter(pejabat_penilai=leader)
        .select_related("user", "pejabat_penilai__user")
    )
    return _csv(leader, team, tahun=tahun)


def _csv(leader: Pegawai, team: list[Pegawai], *, tahun: int | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    fields = [field for field, _label in sc.TEMPLATE_HEADERS]
    writer.writerow([label for _field, label in sc.TEMPLATE_HEADERS])
    for record in _records(leader, team):
        if tahun is not None:
            record[sc.PERIODE] = str(tahun)
        writer.writerow([record.get(field, "") for field in fields])
    return out.getvalue()


def _records(leader: Pegawai, team: list[Pegawai]) -> list[dict[str, str]]:
    records = []
    plans = [(leader, [(rhk, "", rows) for rhk, rows in LEADER_RHK])]
    plans += [
        (member, [(rhk, LEADER_RHK[parent][0], rows) for rhk, parent, rows in MEMBER_RHK])
        for member in team
    ]
    for person, rhk_list in plans:
        head = {**SHARED, sc.NIP: person.nip, sc.NAMA: person.nama}
        head[sc.PENILAI_NIP] = person.pejabat_penilai.nip if person.pejabat_penilai else ""
        for rhk, pimpinan, rows in rhk_list:
            for aspek, iki, target in rows:
                records.append(
                    {
                        **head,
                        sc.JENIS_RHK: "Utama",
                        sc.RHK: rhk,
                        sc.RHK_PIMPINAN: pimpinan,
                        sc.ASPEK: aspek,
                        sc.INDIKATOR: iki,
                        sc.TARGET: target,
                    }
                )
    return records
