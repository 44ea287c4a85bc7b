"""What every app shares for a personal-data erasure (UU 27/2022): the files of a row go
once the transaction commits, and each app declares which of its text columns may quote
someone else's name, NIP or e-mail (a notification "Umpan balik dari <nama>", an audit
label) so that the erasure can replace those copies in place.

``kinerja_link.personal_data`` orchestrates an erasure; each app erases its own rows in its
own ``erasure`` module and registers its quoting columns with the hook below.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from wagtail import hooks

ERASED_TEXT = "[dihapus]"

# Each function registered returns ``[(Model, ("column", ...)), ...]``.
PERSONAL_TEXT_COLUMNS_HOOK = "register_personal_text_columns"

TextColumns = list[tuple[type[models.Model], tuple[str, ...]]]


def personal_text_columns() -> TextColumns:
    return [entry for hook in hooks.get_hooks(PERSONAL_TEXT_COLUMNS_HOOK) for entry in hook()]


def delete_files_on_commit(files: Iterable[FieldFile | None]) -> None:
    """Delete the stored files after the erasure commits (a rollback keeps them)."""
    names = [(f.storage, f.name) for f in files if f and f.name]

    def delete() -> None:
        for storage, name in names:
            storage.delete(name)

    transaction.on_commit(delete)
