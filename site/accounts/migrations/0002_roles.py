"""Create the role groups (accounts.roles.Role).

Wagtail's own initial data creates "Editors" and "Moderators" with page, image and
document permissions; we take those groups over under our names so the permissions
stay, and give every staff role access to the admin. Editors can add and edit but not
publish; publishing goes through the Moderasi workflow.
"""

from django.db import migrations

RENAMES = {"Editors": "Editor", "Moderators": "Moderator"}
ROLES = ["Pegawai", "Pimpinan", "Pengelola Kepegawaian", "Editor", "Moderator"]
ADMIN_ROLES = ["Pengelola Kepegawaian", "Editor", "Moderator"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for old, new in RENAMES.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        for group in Group.objects.filter(name__in=ADMIN_ROLES):
            group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0005_add_page_lock_permission_to_moderators"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
