"""Seed the default pembinaan rules (docs/domain.md §4) and let pengelola manage them.

Rules name competencies, not course pages, so this migration needs no page tree: the
SKP/RHK rule recommends any live course teaching the teknis competency ``TK-SKP``
(created here; the demo course "Menyusun SKP dan Rencana Hasil Kerja" teaches it).
Editing these defaults in the admin makes new versions; the seeded rows stay as history.
"""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

VALID_FROM = datetime.date(2020, 1, 1)
SKP_COMPETENCY = {
    "code": "TK-SKP",
    "kind": "teknis",
    "name": "Penyusunan SKP dan Rencana Hasil Kerja",
    "description": "Menulis RHK yang mengintervensi RHK pimpinan, indikator kinerja individu "
    "yang terukur, dan target yang realistis.",
    "has_levels": True,
    "sort_order": 1,
}
# Priority: 1 Tinggi, 2 Sedang, 3 Rendah. Predikat: SIASN codes 1–5.
RULES = [
    {
        "code": "butuh-perbaikan",
        "name": "Butuh Perbaikan: pembelajaran teknis SKP/RHK dan coaching",
        "description": "Hasil kerja di bawah ekspektasi: perkuat penyusunan dan pencapaian RHK "
        "lewat kursus teknis, didampingi coaching oleh pejabat penilai.",
        "predikat": [3],
        "competency": "TK-SKP",
        "session_kind": "coaching",
        "due_days": 60,
        "priority": 2,
    },
    {
        "code": "kurang-misconduct",
        "name": "Kurang/Misconduct: kursus nilai yang ditandai dan konseling",
        "description": "Perilaku kerja di bawah ekspektasi: kursus BerAKHLAK untuk nilai yang "
        "ditandai perlu pembinaan, disertai konseling.",
        "predikat": [4],
        "course_for_flagged_value": True,
        "session_kind": "konseling",
        "due_days": 30,
        "priority": 2,
    },
    {
        "code": "sangat-kurang-konseling",
        "name": "Sangat Kurang: konseling (rencana perbaikan kinerja)",
        "description": "Hasil dan perilaku kerja di bawah ekspektasi: konseling segera sebagai "
        "awal rencana perbaikan kinerja formal.",
        "predikat": [5],
        "course_for_flagged_value": True,
        "session_kind": "konseling",
        "due_days": 14,
        "priority": 1,
    },
    {
        "code": "sangat-kurang-coaching",
        "name": "Sangat Kurang: coaching dan pembelajaran teknis SKP/RHK",
        "description": "Bagian dari rencana perbaikan kinerja formal: coaching terjadwal dan "
        "kursus penyusunan SKP/RHK.",
        "predikat": [5],
        "competency": "TK-SKP",
        "session_kind": "coaching",
        "due_days": 30,
        "priority": 1,
    },
    {
        "code": "sangat-baik-mentoring",
        "name": "Sangat Baik: talent pool dan mentoring",
        "description": "Kinerja di atas ekspektasi: calon talent pool, diajak menjadi mentor "
        "bagi rekan kerja.",
        "predikat": [1],
        "session_kind": "mentoring",
        "due_days": 90,
        "priority": 3,
    },
    {
        "code": "nilai-ditandai",
        "name": "Nilai BerAKHLAK ditandai: kursus nilai tersebut",
        "description": "Apa pun predikatnya, nilai BerAKHLAK yang ditandai perlu pembinaan "
        "pada catatan perilaku mendapat kursus nilai itu.",
        "any_flagged_value": True,
        "course_for_flagged_value": True,
        "due_days": 30,
        "priority": 2,
    },
]
GRANTS = ["add_pembinaanrule", "change_pembinaanrule", "view_pembinaanrule",
          "view_recommendation"]


def seed(apps, schema_editor):
    Competency = apps.get_model("learning", "Competency")
    Rule = apps.get_model("kinerja_link", "PembinaanRule")
    skp, _ = Competency.objects.get_or_create(
        code=SKP_COMPETENCY["code"],
        defaults={k: v for k, v in SKP_COMPETENCY.items() if k != "code"},
    )
    competencies = {skp.code: skp}
    for spec in RULES:
        if Rule.objects.filter(code=spec["code"]).exists():
            continue
        fields = dict(spec)
        code = fields.pop("competency", None)
        Rule.objects.create(valid_from=VALID_FROM, competency=competencies.get(code), **fields)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("kinerja_link")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Pengelola Kepegawaian")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="kinerja_link", codename__in=GRANTS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kinerja_link", "0005_pembinaan"),
        ("learning", "0002_seed_competencies"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
