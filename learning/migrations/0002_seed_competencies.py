"""Seed the competency dictionary with stable codes (docs/domain.md §3 and §4).

The data is written out here, not imported from app code, so this migration keeps
producing the same rows whatever the app later becomes.
"""

from django.db import migrations

BERAKHLAK = [
    ("BP", "Berorientasi Pelayanan", "Komitmen memberikan pelayanan prima demi kepuasan masyarakat.", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("AK", "Akuntabel", "Bertanggung jawab atas kepercayaan yang diberikan.", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("KO", "Kompeten", "Terus belajar dan mengembangkan kapabilitas.", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("HA", "Harmonis", "Saling peduli dan menghargai perbedaan.", [
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("LO", "Loyal", "Berdedikasi dan mengutamakan kepentingan bangsa dan negara.", [
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("AD", "Adaptif", "Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan.", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("KL", "Kolaboratif", "Membangun kerja sama yang sinergis.", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ]),
]

MANAJERIAL = [
    ("MJ-INT", "Integritas"),
    ("MJ-KS", "Kerja Sama"),
    ("MJ-KOM", "Komunikasi"),
    ("MJ-OPH", "Orientasi pada Hasil"),
    ("MJ-PP", "Pelayanan Publik"),
    ("MJ-PDOL", "Pengembangan Diri dan Orang Lain"),
    ("MJ-MP", "Mengelola Perubahan"),
    ("MJ-PK", "Pengambilan Keputusan"),
]


def seed(apps, schema_editor):
    Competency = apps.get_model("learning", "Competency")
    for order, (code, name, description, guides) in enumerate(BERAKHLAK, start=1):
        value, _ = Competency.objects.update_or_create(
            code=code,
            defaults={"kind": "nilai", "name": name, "description": description, "sort_order": order},
        )
        for number, guide in enumerate(guides, start=1):
            Competency.objects.update_or_create(
                code=f"{code}-{number}",
                defaults={"kind": "panduan", "name": guide, "parent": value, "sort_order": number},
            )
    for order, (code, name) in enumerate(MANAJERIAL, start=1):
        Competency.objects.update_or_create(
            code=code,
            defaults={"kind": "manajerial", "name": name, "has_levels": True, "sort_order": order},
        )
    Competency.objects.update_or_create(
        code="SK-PB",
        defaults={
            "kind": "sosial_kultural",
            "name": "Perekat Bangsa",
            "has_levels": True,
            "sort_order": 1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
