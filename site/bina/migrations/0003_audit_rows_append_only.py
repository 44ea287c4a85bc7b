"""PostgreSQL: audit rows (Wagtail log entries, sign-in events) refuse UPDATE/DELETE."""

from django.db import migrations

from foundation.audit import guard

TABLES = {**guard.WAGTAIL_LOG_TABLES, "accounts_authevent": ("user_id",)}


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in guard.install_sql(TABLES):
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in guard.uninstall_sql(TABLES):
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('bina', '0002_outboxmessage_request_id'),
        ('accounts', '0006_authevent_request_id'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [migrations.RunPython(install, uninstall)]
