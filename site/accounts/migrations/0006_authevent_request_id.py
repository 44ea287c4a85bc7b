from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_authevent_account_digest_and_throttle_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='authevent',
            name='request_id',
            field=models.CharField(blank=True, db_index=True, max_length=64, verbose_name='id permintaan'),
        ),
    ]
