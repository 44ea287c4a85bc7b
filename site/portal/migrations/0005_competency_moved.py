"""Foreign keys follow Competency to the competencies app (same table): state only."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('competencies', '0001_initial'),
        ('portal', '0004_transparency'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='articlepage',
                    name='values',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to={'kind': 'nilai'}, related_name='articles', to='competencies.competency', verbose_name='nilai BerAKHLAK'),
                ),
                migrations.AlterField(
                    model_name='valuepage',
                    name='competency',
                    field=models.OneToOneField(limit_choices_to={'kind': 'nilai'}, on_delete=django.db.models.deletion.PROTECT, related_name='value_page', to='competencies.competency', verbose_name='nilai'),
                ),
            ],
            database_operations=[],
        ),
    ]
