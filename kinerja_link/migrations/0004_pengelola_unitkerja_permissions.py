"""Let the Pengelola Kepegawaian group maintain unit kerja (within their subtree; the views scope it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_unitkerja", "change_unitkerja", "view_unitkerja"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("kinerja_link")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Pengelola Kepegawaian")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="kinerja_link", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [("kinerja_link", "0003_pengelola_permissions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
