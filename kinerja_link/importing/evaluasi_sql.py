# ruff: noqa: S608  (SQL built from constants and model metadata only; values are parameters)
"""The evaluation import's chunk, set-based on PostgreSQL (issue #21).

Per chunk, whatever its size: the parsed rows go by ``COPY`` into a temporary staging
table; one query names the rows whose NIP is not a pegawai or lies outside the importer's
units (the engine words those errors, as on SQLite); one statement then resolves pegawai,
penilai and existing evaluations by joins, computes the predikat with the kuadran table
(``kuadran.predikat_sql``), upserts the changed rows with ``INSERT … ON CONFLICT``, writes
their audit entries with before/after built by ``jsonb_build_object`` and returns the
counts. A dry run runs the same statement without its two writing parts.

SQLite keeps the engine's simple path; tests run the same files through both.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import ModelLogEntry

from accounts.models import User
from foundation.audit.stamping import stamp

from .. import perilaku_catatan
from ..kuadran import predikat_sql
from ..models import Evaluasi, Pegawai, UnitKerja

STAGE = "kl_evaluasi_stage"
_STAGE_COLUMNS = (
    ("baris", "int4"),
    ("nip", "text"),
    ("periode_id", "int8"),
    ("hasil", "int2"),
    ("perilaku", "int2"),
    ("predikat_imported", "int2"),
    ("penilai_nip", "text"),
    ("flags", "text[]"),
)
# The fields whose change makes an update (and an audit entry): the engine's COMPARED_FIELDS.
_SNAPSHOT = (
    ("rating_hasil", "hasil"),
    ("rating_perilaku", "perilaku"),
    ("predikat", "predikat"),
    ("predikat_imported", "predikat_imported"),
    ("predikat_mismatch", "mismatch"),
    ("pejabat_penilai_id", "penilai_id"),
    ("perilaku_catatan", "catatan"),
)


def applies() -> bool:
    return connection.vendor == "postgresql"


@dataclass
class Counts:
    created: int
    updated: int
    unchanged: int
    mismatches: int


def stage(rows: Iterable[tuple]) -> None:
    """A fresh staging table holding ``rows`` (tuples in ``_STAGE_COLUMNS`` order).

    Dropped at commit; dropped first too, because inside an outer transaction (tests, a
    caller's atomic block) the previous chunk's table is still there."""
    columns = ", ".join(f"{name} {kind}" for name, kind in _STAGE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            # JIT compiling the resolving statement costs more than running it.
            f"SET LOCAL jit = off; DROP TABLE IF EXISTS pg_temp.{STAGE}; "
            f"CREATE TEMP TABLE {STAGE} ({columns}) ON COMMIT DROP"
        )
        with cursor.cursor.copy(f"COPY {STAGE} FROM STDIN") as copy:
            copy.set_types([kind for _name, kind in _STAGE_COLUMNS])
            for row in rows:
                copy.write_row(row)
        # Row counts for the planner: hash joins for a big chunk, index lookups for a small one.
        cursor.execute(f"ANALYZE {STAGE}")


def unresolved(scope_paths: tuple[str, ...]) -> list[tuple[int, str | None]]:
    """(row, unit path or None) of staged rows whose NIP is no pegawai (path None) or a
    pegawai outside the scope's unit subtrees."""
    outside = (
        "FALSE"
        if scope_paths == ("",)
        else "NOT EXISTS (SELECT 1 FROM unnest(%s::text[]) AS prefix "
        "WHERE left(un.path, length(prefix)) = prefix)"
    )
    sql = (
        f"SELECT st.baris, un.path FROM {STAGE} st "
        f"LEFT JOIN {_t(User)} u ON u.nip = st.nip "
        f"LEFT JOIN {_t(Pegawai)} p ON p.user_id = u.id "
        f"LEFT JOIN {_t(UnitKerja)} un ON un.id = p.unit_id "
        f"WHERE p.id IS NULL OR {outside} ORDER BY st.baris"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [] if scope_paths == ("",) else [list(scope_paths)])
        return list(cursor.fetchall())


@dataclass
class Write:
    """What the writing parts of the statement stamp on rows and audit entries."""

    now: datetime.datetime
    source: str
    job_id: int | None
    user_id: int | None
    log_uuid: str
    periode_labels: dict[int, str]


def upsert(excluded: list[int], write: Write | None) -> Counts:
    """Resolve, compare and (unless ``write`` is None: a dry run) upsert and audit the
    staged rows not in ``excluded``; one statement."""
    params: dict[str, Any] = {"excluded": excluded}
    sql = _RESOLVED
    if write is not None:
        sql += _WRITES
        params |= {
            "now": write.now,
            "source": write.source,
            "job": write.job_id,
            "user": write.user_id,
            "uuid": write.log_uuid,
            "ct": ContentType.objects.get_for_model(Evaluasi).pk,
            "pids": list(write.periode_labels),
            "plabels": list(write.periode_labels.values()),
            "extra": json.dumps(stamp({})),
        }
    sql += _COUNTS
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        created, updated, unchanged, mismatches = cursor.fetchone()
    return Counts(created or 0, updated or 0, unchanged or 0, mismatches or 0)


def _t(model) -> str:
    return f'"{model._meta.db_table}"'


def _snapshot_json(prefix: str, names: Iterable[str]) -> str:
    pairs = ", ".join(
        f"'{field}', {prefix}{name}" for (field, _n), name in zip(_SNAPSHOT, names, strict=True)
    )
    return f"jsonb_build_object({pairs})"


_NEW = tuple(name for _field, name in _SNAPSHOT)
_OLD = tuple(f"old_{field}" for field, _name in _SNAPSHOT)

_RESOLVED = f"""
WITH s AS (
    SELECT st.baris, st.nip, p.id AS pegawai_id, st.periode_id, st.hasil, st.perilaku,
           {predikat_sql("st.hasil", "st.perilaku")} AS predikat, st.predikat_imported,
           coalesce(pen.id, p.pejabat_penilai_id) AS penilai_id, st.flags,
           coalesce(nullif(u.display_name, ''), st.nip) AS person_label
    FROM {STAGE} st
    JOIN {_t(User)} u ON u.nip = st.nip
    JOIN {_t(Pegawai)} p ON p.user_id = u.id
    LEFT JOIN {_t(User)} pu ON pu.nip = st.penilai_nip
    LEFT JOIN {_t(Pegawai)} pen ON pen.user_id = pu.id
    WHERE st.baris <> ALL(%(excluded)s::int[])
), c AS (
    SELECT s.*,
           s.predikat_imported IS NOT NULL AND s.predikat_imported <> s.predikat AS mismatch,
           CASE WHEN s.flags IS NULL THEN coalesce(e.perilaku_catatan, '{{}}'::jsonb)
                ELSE {perilaku_catatan.with_flags_sql("e.perilaku_catatan", "s.flags")}
           END AS catatan,
           e.id AS old_id,
           {", ".join(f"e.{field} AS old_{field}" for field, _name in _SNAPSHOT)}
    FROM s
    LEFT JOIN {_t(Evaluasi)} e ON e.pegawai_id = s.pegawai_id AND e.periode_id = s.periode_id
), d AS (
    SELECT c.*,
           old_id IS NULL OR ({", ".join(_OLD)}) IS DISTINCT FROM ({", ".join(_NEW)}) AS changed
    FROM c
)"""

_WRITES = f""", up AS (
    INSERT INTO {_t(Evaluasi)} (pegawai_id, periode_id, rating_hasil, rating_perilaku, predikat,
        predikat_imported, predikat_mismatch, perilaku_catatan, pejabat_penilai_id, source,
        import_job_id, created_at, updated_at)
    SELECT pegawai_id, periode_id, hasil, perilaku, predikat, predikat_imported, mismatch,
           catatan, penilai_id, %(source)s, %(job)s, %(now)s, %(now)s
    FROM d WHERE changed
    ON CONFLICT (pegawai_id, periode_id) DO UPDATE SET
        {", ".join(f"{field} = EXCLUDED.{field}" for field, _name in _SNAPSHOT)},
        source = EXCLUDED.source, import_job_id = EXCLUDED.import_job_id,
        updated_at = EXCLUDED.updated_at
    RETURNING id, pegawai_id, periode_id
), log AS (
    INSERT INTO {_t(ModelLogEntry)} (content_type_id, object_id, action, label, "timestamp",
        uuid, user_id, content_changed, deleted, data)
    SELECT %(ct)s, up.id::text,
           CASE WHEN d.old_id IS NULL THEN 'wagtail.create' ELSE 'wagtail.edit' END,
           d.person_label || ' · ' || pl.label, %(now)s, %(uuid)s::uuid, %(user)s, TRUE, FALSE,
           jsonb_build_object(
               'before', CASE WHEN d.old_id IS NULL THEN NULL
                              ELSE {_snapshot_json("d.", _OLD)} END,
               'after', {_snapshot_json("d.", _NEW)},
               'import_job', %(job)s::bigint, 'baris', d.baris, 'nip', d.nip
           ) || %(extra)s::jsonb
    FROM up
    JOIN d ON d.pegawai_id = up.pegawai_id AND d.periode_id = up.periode_id
    JOIN unnest(%(pids)s::bigint[], %(plabels)s::text[]) AS pl(id, label)
        ON pl.id = d.periode_id
)"""

_COUNTS = """
SELECT count(*) FILTER (WHERE changed AND old_id IS NULL),
       count(*) FILTER (WHERE changed AND old_id IS NOT NULL),
       count(*) FILTER (WHERE NOT changed),
       count(*) FILTER (WHERE mismatch)
FROM d"""
