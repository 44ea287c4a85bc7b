from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bina', '0001_outbox'),
    ]

    operations = [
        migrations.AddField(
            model_name='outboxmessage',
            name='request_id',
            field=models.CharField(blank=True, max_length=64, verbose_name='id permintaan'),
        ),
    ]
