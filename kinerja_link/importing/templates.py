"""The downloadable templates, one per import kind: the headers and two example rows.

The SKP example is one pegawai's SKP with two RHK (one of two aspek rows), shaped as
e-Kinerja's download; the NIPs are fictitious but well-formed.
"""

from __future__ import annotations

from . import skp_columns as sc

EXAMPLE_NIP = "198507142010011003"
EXAMPLE_PENILAI = "197803052005011002"
EXAMPLE_ATASAN = "197001011995031001"

EVALUASI_HEADERS: list[object] = [
    "NIP",
    "NAMA",
    "PERIODE",
    "RATING HASIL KERJA",
    "RATING PERILAKU KERJA",
    "PREDIKAT KINERJA",
    "NIP PENILAI",
    "NILAI PERLU PEMBINAAN",
]


def evaluasi_rows() -> list[list[object]]:
    return [
        EVALUASI_HEADERS,
        [
            EXAMPLE_NIP,
            "Contoh Pegawai",
            "Triwulan III 2026",
            "Sesuai Ekspektasi",
            "Di Atas Ekspektasi",
            "Baik",
            EXAMPLE_PENILAI,
            "",
        ],
        [
            EXAMPLE_PENILAI,
            "Contoh Pimpinan",
            "Triwulan III 2026",
            "2",
            "3",
            "",
            EXAMPLE_ATASAN,
            "AK, KL",
        ],
    ]


_SKP_SHARED = {
    sc.NIP: EXAMPLE_NIP,
    sc.NAMA: "Contoh Pegawai",
    sc.PERIODE: "2026",
    sc.PENILAI_NIP: EXAMPLE_PENILAI,
    sc.ATASAN_NIP: EXAMPLE_ATASAN,
    sc.PENDEKATAN: "Kuantitatif",
    sc.STATUS: "Disetujui",
    sc.ekspektasi_field("BP"): "Menindaklanjuti setiap pengaduan layanan paling lama 3 hari kerja.",
    sc.ekspektasi_field("KL"): "Berbagi data kepegawaian dengan unit lain tanpa diminta.",
    sc.DUKUNGAN: "Akses SIASN dan e-Kinerja; pelatihan analisis data kepegawaian.",
    sc.SKEMA: "Laporan bulanan kepada pejabat penilai; dialog kinerja tiap triwulan.",
    sc.KONSEKUENSI: "Sesuai PermenPANRB 6/2022: predikat kinerja menentukan tindak lanjut.",
}
_SKP_RHK = [
    (
        "Utama",
        "Tersusunnya analisis kebutuhan pengembangan kompetensi pegawai",
        "Meningkatnya kompetensi ASN di lingkungan instansi",
        "Kuantitas",
        "Jumlah dokumen analisis kebutuhan yang disahkan",
        "2 dokumen",
    ),
    (
        "Utama",
        "Tersusunnya analisis kebutuhan pengembangan kompetensi pegawai",
        "Meningkatnya kompetensi ASN di lingkungan instansi",
        "Waktu",
        "Dokumen disahkan sebelum akhir triwulan I",
        "3 bulan",
    ),
    (
        "Tambahan",
        "Terlaksananya sosialisasi nilai BerAKHLAK",
        "",
        "Kuantitas",
        "Jumlah sesi sosialisasi",
        "4 sesi",
    ),
]


def skp_rows() -> list[list[object]]:
    fields = [field for field, _label in sc.TEMPLATE_HEADERS]
    rows: list[list[object]] = [[label for _field, label in sc.TEMPLATE_HEADERS]]
    for jenis, rhk, pimpinan, aspek, iki, target in _SKP_RHK:
        values = _SKP_SHARED | {
            sc.JENIS_RHK: jenis,
            sc.RHK: rhk,
            sc.RHK_PIMPINAN: pimpinan,
            sc.ASPEK: aspek,
            sc.INDIKATOR: iki,
            sc.TARGET: target,
        }
        rows.append([values.get(field, "") for field in fields])
    return rows
