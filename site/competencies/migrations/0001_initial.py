"""Take over learning.Competency: same table (learning_competency), state only."""

import django.db.models.deletion
from django.db import migrations, models

from foundation.model_moves import relabel_content_types

OLD_LABEL = "learning"
NEW_LABEL = "competencies"
MODELS = ['competency']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("learning", "0006_scale_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Competency',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('nilai', 'Nilai dasar BerAKHLAK'), ('panduan', 'Panduan perilaku BerAKHLAK'), ('teknis', 'Teknis'), ('manajerial', 'Manajerial'), ('sosial_kultural', 'Sosial kultural')], max_length=20, verbose_name='jenis')),
                        ('code', models.SlugField(max_length=20, unique=True, verbose_name='kode')),
                        ('name', models.CharField(max_length=200, verbose_name='nama')),
                        ('description', models.TextField(blank=True, verbose_name='uraian')),
                        ('has_levels', models.BooleanField(default=False, verbose_name='memiliki level 1–5')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='urutan')),
                        ('parent', models.ForeignKey(blank=True, help_text='Panduan perilaku BerAKHLAK berinduk pada nilainya.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='competencies.competency', verbose_name='induk')),
                    ],
                    options={
                        'verbose_name': 'kompetensi',
                        'verbose_name_plural': 'kompetensi',
                        'db_table': 'learning_competency',
                        'ordering': ['kind', 'sort_order', 'code'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('kind', 'panduan'), _negated=True), ('parent__isnull', False), _connector='OR'), name='learning_competency_guide_has_parent')],
                    },
                ),
            ],
            database_operations=[],
        ),
        relabel_content_types(OLD_LABEL, NEW_LABEL, MODELS),
    ]
