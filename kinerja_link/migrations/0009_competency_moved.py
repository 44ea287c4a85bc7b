"""Foreign keys follow Competency to the competencies app (same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competencies', '0001_initial'),
        ('kinerja_link', '0008_scale_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='competencyprogress',
                    name='competency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='competencies.competency', verbose_name='kompetensi'),
                ),
                migrations.AlterField(
                    model_name='feedback',
                    name='nilai',
                    field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'nilai'}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='nilai BerAKHLAK terkait'),
                ),
                migrations.AlterField(
                    model_name='pembinaanrule',
                    name='competency',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='kursus apa pun yang mengajarkan'),
                ),
                migrations.AlterField(
                    model_name='pembinaanrule',
                    name='flagged_value',
                    field=models.ForeignKey(blank=True, help_text='Berlaku bila nilai ini ditandai perlu pembinaan pada catatan perilaku.', limit_choices_to={'kind': 'nilai'}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='nilai BerAKHLAK yang ditandai'),
                ),
                migrations.AlterField(
                    model_name='pembinaansession',
                    name='nilai',
                    field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'nilai'}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='nilai BerAKHLAK terkait'),
                ),
                migrations.AlterField(
                    model_name='perilakuekspektasi',
                    name='nilai',
                    field=models.ForeignKey(limit_choices_to={'kind': 'nilai'}, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='competencies.competency', verbose_name='nilai BerAKHLAK'),
                ),
                migrations.AlterField(
                    model_name='skpevidence',
                    name='values',
                    field=models.ManyToManyField(blank=True, limit_choices_to={'kind': 'nilai'}, related_name='+', to='competencies.competency', verbose_name='nilai BerAKHLAK'),
                ),
            ],
            database_operations=[],
        ),
    ]
