# ruff: noqa: S608  (SQL built from constants and model metadata only; values are parameters)
"""The format of ``Evaluasi.perilaku_catatan``: one writer and one reader for everyone.

Per BerAKHLAK value code, ``{"AK": {"perlu_pembinaan": true, "catatan": "..."}}``. An entry
holding nothing but a false flag is not stored. A value counts as flagged only when
``perlu_pembinaan`` is JSON ``true``: the Python reader (``flagged_codes``) and the SQL one
(``flagged_q``, used by the pembinaan rules) apply that same test, so a page, the export
and the rules never disagree about which values need pembinaan.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

FLAG = "perlu_pembinaan"
NOTE = "catatan"
_BARE = {FLAG: False}


# --- Writing -------------------------------------------------------------------------


def _stored(entries: dict[str, dict]) -> dict[str, dict]:
    return {code: entry for code, entry in entries.items() if entry != _BARE}


def with_flags(notes: dict | None, flagged: Iterable[str]) -> dict:
    """The notes with the flag set exactly for ``flagged`` (an import's column); other
    keys a pimpinan wrote (the note) are kept."""
    notes, flagged = notes or {}, set(flagged)
    return _stored(
        {
            code: {**notes.get(code, {}), FLAG: code in flagged}
            for code in sorted(set(notes) | flagged)
        }
    )


def with_flags_sql(notes: str, flagged: str) -> str:
    """``with_flags`` as a SQL expression over a jsonb ``notes`` and a text[] ``flagged``
    (the set-based import on PostgreSQL); a test holds the two to the same results."""
    return (
        "(SELECT coalesce(jsonb_object_agg(code, entry), '{}'::jsonb) FROM ("
        f"SELECT code, coalesce(({notes}) -> code, '{{}}'::jsonb) "
        f"|| jsonb_build_object('{FLAG}', code = ANY({flagged})) AS entry FROM ("
        f"SELECT jsonb_object_keys(coalesce({notes}, '{{}}'::jsonb)) "
        f"UNION SELECT unnest({flagged})) AS codes(code)"
        f") AS entries WHERE entry <> '{{\"{FLAG}\": false}}'::jsonb)"
    )


def with_edits(codes: Iterable[str], flags: dict[str, bool], texts: dict[str, str]) -> dict:
    """The notes as the pimpinan's form states them: a flag and a note per value."""
    entries: dict[str, dict[str, object]] = {}
    for code in codes:
        entries[code] = {FLAG: bool(flags.get(code))}
        if texts.get(code):
            entries[code][NOTE] = texts[code]
    return _stored(entries)


def without_text(notes: dict | None) -> dict:
    """The flags only: the free text is personal data an erasure removes."""
    return _stored(
        {code: {k: v for k, v in entry.items() if k != NOTE} for code, entry in _entries(notes)}
    )


# --- Reading -------------------------------------------------------------------------


def _entries(notes: object) -> list[tuple[str, dict]]:
    if not isinstance(notes, dict):
        return []
    return [(code, entry) for code, entry in notes.items() if isinstance(entry, dict)]


def is_flagged(notes: object, code: str) -> bool:
    return any(c == code and entry.get(FLAG) is True for c, entry in _entries(notes))


def flagged_codes(notes: object, known: Iterable[str] | None = None) -> list[str]:
    """The flagged value codes, in the order of ``known`` (else alphabetical)."""
    order = list(known) if known is not None else sorted(code for code, _e in _entries(notes))
    return [code for code in order if is_flagged(notes, code)]


def note_text(notes: object, code: str) -> str:
    return next((str(e.get(NOTE, "")) for c, e in _entries(notes) if c == code), "")


def flagged_q(code: str, field: str = "perilaku_catatan") -> Q:
    """Evaluations whose notes flag ``code``, as a filter (JSON key lookups work on
    SQLite and PostgreSQL alike)."""
    return Q(**{f"{field}__{code}__{FLAG}": True})
