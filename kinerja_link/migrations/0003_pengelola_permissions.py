"""Give the Pengelola Kepegawaian group the kinerja_link permissions it works with.

Permissions are normally created after all migrations run; create them here first so
the grant also works on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "importjob": ["add", "view"],
    "evaluasi": ["view"],
    "skp": ["add", "change", "view"],
    "periode": ["add", "change", "view"],
    "pegawai": ["change", "view"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("kinerja_link")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Pengelola Kepegawaian")
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="kinerja_link", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kinerja_link", "0002_skp_evaluasi_import"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
