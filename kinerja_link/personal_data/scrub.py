"""Find and replace a person's identifying strings in text and JSON columns.

Other people's rows can carry copies of a name, NIP or e-mail: a notification "Umpan balik
dari <nama>", a JP row "Coaching bersama <nama>", an import job's rows and row errors, an
audit entry's label. Erasure replaces those copies in place instead of deleting the rows,
which belong to someone else or to an aggregate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast

from foundation.personal_data import ERASED_TEXT, personal_text_columns

ERASED_NIP = "[NIP dihapus]"
ERASED_EMAIL = "[surel dihapus]"
# Shorter names would match inside unrelated words of other people's text.
MIN_NAME_LENGTH = 4


@dataclass(frozen=True)
class Identity:
    """The strings that identify one person, each with what replaces it."""

    replacements: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, user, *, pseudonym: str) -> Identity:
        pairs: dict[str, str] = {}
        # Not the username: a pegawai's is their NIP (replaced below); anyone else's may be a
        # common word ("admin") that other people's text contains.
        for name in (user.display_name, f"{user.first_name} {user.last_name}".strip()):
            if name and len(name) >= MIN_NAME_LENGTH and name != pseudonym:
                pairs[name] = pseudonym
        if user.nip:
            pairs[user.nip] = ERASED_NIP
        if user.email:
            pairs[user.email] = ERASED_EMAIL
        # Longest first, so "Budi Santoso, S.Kom." goes before a bare username inside it.
        ordered = sorted(pairs.items(), key=lambda pair: -len(pair[0]))
        return cls(replacements=tuple(ordered))

    def search_terms(self) -> set[str]:
        """The needles as stored: plain, and JSON-escaped (SQLite stores JSON as ASCII)."""
        terms = set()
        for needle, _replacement in self.replacements:
            terms.add(needle)
            terms.add(json.dumps(needle)[1:-1])
        return terms

    def replace(self, text: str) -> str:
        for needle, replacement in self.replacements:
            text = text.replace(needle, replacement)
        return text

    def replace_in(self, value):
        """``replace`` applied to every string inside a JSON value, keys included."""
        if isinstance(value, str):
            return self.replace(value)
        if isinstance(value, list):
            return [self.replace_in(item) for item in value]
        if isinstance(value, dict):
            return {self.replace(key): self.replace_in(item) for key, item in value.items()}
        return value


# Audit data keys whose strings are codes from a fixed list, never free text.
CODE_KEYS = frozenset({"kind", "status", "source", "format", "jenis", "decision", "action"})


def strip_strings(value, *, key: str = ""):
    """Every string leaf of a JSON value replaced by ``ERASED_TEXT``, except codes under
    ``CODE_KEYS``; numbers, flags and structure kept (an audit entry keeps *that* a rating
    changed and what kind of session it was, not the notes)."""
    if isinstance(value, str):
        return value if not value or key in CODE_KEYS else ERASED_TEXT
    if isinstance(value, list):
        return [strip_strings(item, key=key) for item in value]
    if isinstance(value, dict):
        return {name: strip_strings(item, key=name) for name, item in value.items()}
    return value


def _candidates(model, columns: Iterable[str], identity: Identity):
    queryset = model._default_manager.all()
    condition = Q()
    for name in columns:
        lookup = name
        if isinstance(model._meta.get_field(name), models.JSONField):
            lookup = f"pdp_text_{name}"
            queryset = queryset.annotate(**{lookup: Cast(name, models.TextField())})
        for term in identity.search_terms():
            condition |= Q(**{f"{lookup}__contains": term})
    return queryset.filter(condition)


def sweep(model, columns: tuple[str, ...], identity: Identity) -> int:
    """Replace the identity's strings in ``columns`` of every row of ``model``."""
    changed = []
    for row in _candidates(model, columns, identity):
        before = [getattr(row, name) for name in columns]
        for name, value in zip(columns, before, strict=True):
            setattr(row, name, identity.replace_in(value))
        if [getattr(row, name) for name in columns] != before:
            changed.append(row)
    if changed:
        model._default_manager.bulk_update(changed, list(columns), batch_size=500)
    return len(changed)


def sweep_everywhere(identity: Identity) -> int:
    if not identity.replacements:
        return 0
    return sum(sweep(model, columns, identity) for model, columns in personal_text_columns())
