"""The question bank for editors and moderators (issue #18).

Editors may add and change questions and categories (and so import a bank); moderators
may also delete them. The groups are found by their role permission (accounts.roles), not
by name. The model permissions are created here, because Django only creates them after
all migrations have run and a fresh database would otherwise grant nothing.
"""

from django.db import migrations

MODELS = {"question": "soal", "questioncategory": "kategori soal"}
GRANTS = {
    "role_editor": ("add", "change", "view"),
    "role_moderator": ("add", "change", "delete", "view"),
}
ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for role, actions in GRANTS.items():
        groups = Group.objects.filter(
            permissions__content_type__app_label="accounts", permissions__codename=role
        ).distinct()
        for model, verbose in MODELS.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="quiz", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"{ACTIONS[action]} {verbose}"},
                )
                for group in groups:
                    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0003_question_type_labels"),
        ("accounts", "0007_role_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
