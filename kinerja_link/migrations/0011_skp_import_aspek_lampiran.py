"""SKP from e-Kinerja: import jobs get a kind, an SKP its atasan pejabat penilai and
lampiran, and an RHK up to four aspek rows (IndikatorRHK) instead of one aspek, IKI and
target of its own; each existing RHK's aspek moves into its first aspek row."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def rhk_aspek_to_rows(apps, schema_editor):
    rhk_model = apps.get_model("kinerja_link", "RencanaHasilKerja")
    row_model = apps.get_model("kinerja_link", "IndikatorRHK")
    rows = [
        row_model(rhk_id=pk, aspek=aspek, indikator=indikator, target=target)
        for pk, aspek, indikator, target in rhk_model.objects.values_list(
            "pk", "aspek", "indikator", "target"
        ).iterator(chunk_size=2000)
    ]
    row_model.objects.bulk_create(rows, batch_size=2000)


def rows_to_rhk_aspek(apps, schema_editor):
    rhk_model = apps.get_model("kinerja_link", "RencanaHasilKerja")
    row_model = apps.get_model("kinerja_link", "IndikatorRHK")
    for row in row_model.objects.order_by("rhk_id", "-sort_order", "-pk"):
        rhk_model.objects.filter(pk=row.rhk_id).update(
            aspek=row.aspek, indikator=row.indikator, target=row.target
        )


class Migration(migrations.Migration):
    dependencies = [
        ("kinerja_link", "0010_pembinaan_moved_out"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="importjob",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "impor kinerja",
                "verbose_name_plural": "impor kinerja",
            },
        ),
        migrations.AddField(
            model_name="importjob",
            name="kind",
            field=models.CharField(
                choices=[("evaluasi", "Evaluasi kinerja"), ("skp", "SKP")],
                default="evaluasi",
                max_length=10,
                verbose_name="jenis impor",
            ),
        ),
        migrations.AddField(
            model_name="rencanahasilkerja",
            name="rhk_pimpinan_ref",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="intervensi",
                to="kinerja_link.rencanahasilkerja",
                verbose_name="RHK pimpinan (tertaut)",
            ),
        ),
        migrations.AddField(
            model_name="skp",
            name="atasan_pejabat_penilai",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="kinerja_link.pegawai",
                verbose_name="atasan pejabat penilai",
            ),
        ),
        migrations.AddField(
            model_name="skp",
            name="dukungan_sumber_daya",
            field=models.TextField(blank=True, verbose_name="dukungan sumber daya"),
        ),
        migrations.AddField(
            model_name="skp",
            name="konsekuensi",
            field=models.TextField(blank=True, verbose_name="konsekuensi"),
        ),
        migrations.AddField(
            model_name="skp",
            name="skema_pertanggungjawaban",
            field=models.TextField(blank=True, verbose_name="skema pertanggungjawaban"),
        ),
        migrations.CreateModel(
            name="IndikatorRHK",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "aspek",
                    models.CharField(
                        choices=[
                            ("kuantitas", "Kuantitas"),
                            ("kualitas", "Kualitas"),
                            ("waktu", "Waktu"),
                            ("biaya", "Biaya"),
                        ],
                        default="kuantitas",
                        max_length=10,
                        verbose_name="aspek",
                    ),
                ),
                ("indikator", models.TextField(verbose_name="indikator kinerja individu")),
                ("target", models.CharField(max_length=255, verbose_name="target")),
                ("sort_order", models.PositiveSmallIntegerField(default=0, editable=False)),
                (
                    "rhk",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aspek_rows",
                        to="kinerja_link.rencanahasilkerja",
                    ),
                ),
            ],
            options={
                "verbose_name": "aspek RHK",
                "verbose_name_plural": "aspek RHK",
                "ordering": ["sort_order", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("rhk", "aspek"), name="kl_rhk_one_row_per_aspek"
                    )
                ],
            },
        ),
        migrations.RunPython(rhk_aspek_to_rows, rows_to_rhk_aspek),
        migrations.RemoveField(
            model_name="rencanahasilkerja",
            name="aspek",
        ),
        migrations.RemoveField(
            model_name="rencanahasilkerja",
            name="indikator",
        ),
        migrations.RemoveField(
            model_name="rencanahasilkerja",
            name="target",
        ),
    ]
