"""A Pengelola Kepegawaian edits the standar kompetensi jabatan and records assessment
results (in the admin, scoped to their units)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = [
    "add_standarkompetensi",
    "change_standarkompetensi",
    "delete_standarkompetensi",
    "view_standarkompetensi",
    "add_penilaiankompetensi",
    "change_penilaiankompetensi",
    "view_penilaiankompetensi",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pengembangan")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Pengelola Kepegawaian")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="pengembangan", codename__in=GRANTS)
    )


class Migration(migrations.Migration):
    dependencies = [("pengembangan", "0001_standar_penilaian_idp")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
