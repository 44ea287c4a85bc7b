"""``OutboxMessage`` now belongs to ``foundation`` (same table): forget it here, state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("bina", "0004_log_entries_request_id_index"),
        ("foundation", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutboxMessage")],
            database_operations=[],
        ),
    ]
