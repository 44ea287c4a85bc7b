"""Roles become permissions (accounts.roles): each seeded role group is granted its role.

The permissions are created here rather than left to post_migrate so that the groups
hold them as soon as this migration has run, on a fresh database and on an existing one.
"""

from django.db import migrations

ROLES = {
    "role_pegawai": ("Pegawai", "Berperan sebagai pegawai"),
    "role_pimpinan": ("Pimpinan", "Berperan sebagai pimpinan (pejabat penilai)"),
    "role_pengelola": ("Pengelola Kepegawaian", "Berperan sebagai pengelola kepegawaian"),
    "role_editor": ("Editor", "Berperan sebagai editor konten"),
    "role_moderator": ("Moderator", "Berperan sebagai moderator konten"),
}


def grant_role_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    user_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="user")
    for codename, (group_name, label) in ROLES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=user_type, codename=codename, defaults={"name": label}
        )
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_authevent_request_id"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "permissions": [(codename, label) for codename, (_, label) in ROLES.items()],
                "verbose_name": "pengguna",
                "verbose_name_plural": "pengguna",
            },
        ),
        migrations.RunPython(grant_role_permissions, migrations.RunPython.noop),
    ]
