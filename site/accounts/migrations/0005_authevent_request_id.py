from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_user_reminder_email_opt_out'),
    ]

    operations = [
        migrations.AddField(
            model_name='authevent',
            name='request_id',
            field=models.CharField(blank=True, db_index=True, max_length=64, verbose_name='id permintaan'),
        ),
    ]
