"""The "Moderasi" workflow: editors submit, the Moderator group approves or rejects.

It is assigned to the tree root, so the home page and every page under it (articles,
value pages, later courses) go through it wherever they are created. Wagtail's default
"Moderators approval" workflow that sat on the root is retired. Editors keep add and
edit but never publish directly.
"""

from django.db import migrations

WORKFLOW = "Moderasi"
TASK = "Persetujuan Moderator"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    moderator, _ = Group.objects.get_or_create(name="Moderator")
    editor, _ = Group.objects.get_or_create(name="Editor")
    GroupPagePermission.objects.filter(
        group=editor, permission__codename="publish_page"
    ).delete()

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([moderator])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    targets = list(Page.objects.filter(depth=1)) + list(
        Page.objects.filter(content_type__app_label="portal", content_type__model="homepage")
    )
    for page in targets:
        previous = WorkflowPage.objects.filter(page=page).exclude(workflow=workflow).first()
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        if previous and not WorkflowPage.objects.filter(workflow=previous.workflow).exists():
            Workflow.objects.filter(pk=previous.workflow_id).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_article_value_standard_pages"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
