"""PostgreSQL: audit rows (Wagtail log entries, sign-in events) refuse UPDATE/DELETE."""

from django.db import migrations

from bina.audit import guard


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in guard.install_sql():
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in guard.uninstall_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('bina', '0002_outboxmessage_request_id'),
        ('accounts', '0006_authevent_request_id'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [migrations.RunPython(install, uninstall)]
