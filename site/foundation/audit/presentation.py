"""How one audit row reads on the "Jejak audit" page: actor, action, target, before/after.

Every text shown passes through ``mask_nips``: import entries carry the row's NIP and
labels may hold one; the viewer shows NIPs masked like everywhere else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from wagtail.log_actions import registry as log_registry

from foundation.nip_masking import mask_nips

from .sources import registered_sources
from .stamping import KEY as REQUEST_ID_KEY
from .trail import PAGE, TrailRow

MAX_VALUE_CHARS = 300


@dataclass
class DiffLine:
    label: str
    before: str
    after: str
    changed: bool


@dataclass
class TrailItem:
    timestamp: object
    actor: str
    action: str
    target_type: str
    target: str
    request_id: str
    lines: list[DiffLine] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    is_creation: bool = False


def present(row: TrailRow) -> TrailItem:
    """A log entry's item; a registered source's row is presented by its source."""
    source = registered_sources().get(row.source)
    if source is not None:
        return source.present(row)
    entry = row.entry
    model = entry.content_type.model_class() if entry.content_type_id else None
    item = TrailItem(
        timestamp=row.timestamp,
        actor=actor_name(entry.user, entry.user_id),
        action=_action_label(entry),
        target_type=_target_type(row.source, model),
        target=mask_nips(f"{entry.label} (#{_object_id(row.source, entry)})"),
        request_id=row.request_id,
    )
    data = entry.data if isinstance(entry.data, dict) else {}
    before, after = data.get("before"), data.get("after")
    if isinstance(after, dict) and (before is None or isinstance(before, dict)):
        item.is_creation = before is None
        item.lines = _lines(before or {}, after, model)
    item.notes = [
        (_label(model, key), _text(value))
        for key, value in data.items()
        if key not in ("before", "after", REQUEST_ID_KEY)
    ]
    return item


def actor_name(user, user_id=None) -> str:
    """Who acted, NIPs masked: a user's name, a deleted user's id, or the system."""
    if user is not None:
        return mask_nips(user.get_full_name() or user.get_username())
    if user_id:
        return _("Pengguna terhapus (#%(id)s)") % {"id": user_id}
    return _("Sistem")


def _action_label(entry) -> str:
    formatter = log_registry.get_formatter(entry)
    return str(formatter.label) if formatter and formatter.label else entry.action


def _target_type(source: str, model) -> str:
    if source == PAGE:
        name = model._meta.verbose_name if model else ""
        return f"{_('Halaman')} · {name}".strip(" ·")
    return str(model._meta.verbose_name).capitalize() if model else _("Objek terhapus")


def _object_id(source: str, entry) -> str:
    return str(entry.page_id if source == PAGE else entry.object_id)


def _lines(before: dict, after: dict, model) -> list[DiffLine]:
    keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return [
        DiffLine(
            label=_label(model, key),
            before=_text(before.get(key)) if before else "",
            after=_text(after.get(key)),
            changed=before.get(key) != after.get(key),
        )
        for key in keys
    ]


def _label(model, key: str) -> str:
    if model is not None:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            pass
        else:
            # A reverse relation (the items of an IDP, the comments of a rencana aksi) has
            # no verbose name of its own: name it after the related model.
            if hasattr(field, "verbose_name"):
                return str(field.verbose_name)
            return str(field.related_model._meta.verbose_name_plural)
    return key.replace("_", " ")


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, list):
        text = ", ".join(_text(v) for v in value) or "—"
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    text = mask_nips(text)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"
