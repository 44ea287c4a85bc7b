"""PostgreSQL: find a request's log entries by data->'request_id' without a full scan
(the "Jejak audit" filter and the operations runbook look entries up by request id)."""

from django.db import migrations

TABLES = ("wagtailcore_modellogentry", "wagtailcore_pagelogentry")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_request_id "
                f"ON {table} ((data -> 'request_id'))"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_request_id")


class Migration(migrations.Migration):

    dependencies = [
        ('bina', '0003_audit_rows_append_only'),
    ]

    operations = [migrations.RunPython(create, drop)]
