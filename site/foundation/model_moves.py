"""The one migration step every model move between our apps needs.

A model moved to another app keeps its table (state-only migrations); its content type row
is relabelled so Wagtail pages, permissions, revisions, log entries and reference-index rows
keep pointing at it. On a fresh database the rows do not exist yet (post_migrate creates
them with the new label): nothing to do. A row that already carries the target label is
left alone, so no (app_label, model) pair is ever duplicated.
"""

from collections.abc import Iterable

from django.db import migrations


def _relabel(apps, schema_editor, old: str, new: str, models: tuple[str, ...]) -> None:
    content_types = apps.get_model("contenttypes", "ContentType")
    rows = content_types.objects.using(schema_editor.connection.alias)
    for model in models:
        if not rows.filter(app_label=new, model=model).exists():
            rows.filter(app_label=old, model=model).update(app_label=new)


def relabel_content_types(old: str, new: str, models: Iterable[str]) -> migrations.RunPython:
    """A reversible operation moving the content types of ``models`` from ``old`` to ``new``."""
    names = tuple(models)

    def forwards(apps, schema_editor):
        _relabel(apps, schema_editor, old, new, names)

    def backwards(apps, schema_editor):
        _relabel(apps, schema_editor, new, old, names)

    return migrations.RunPython(forwards, backwards)
