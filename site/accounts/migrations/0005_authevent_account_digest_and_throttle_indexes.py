from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_reminder_email_opt_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="authevent",
            name="account_digest",
            field=models.CharField(
                blank=True, editable=False, max_length=32, verbose_name="sidik akun"
            ),
        ),
        migrations.AddIndex(
            model_name="authevent",
            index=models.Index(
                fields=["account_digest", "created_at"], name="authevent_account_recent"
            ),
        ),
        migrations.AddIndex(
            model_name="authevent",
            index=models.Index(
                fields=["ip_address", "created_at"], name="authevent_address_recent"
            ),
        ),
    ]
