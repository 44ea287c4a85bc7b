"""On PostgreSQL the audit tables refuse UPDATE and DELETE in the database itself.

The application has no view that edits or deletes audit rows; the trigger also stops a
bug, a shell session or a compromised form from rewriting history. Two things still
pass, because Django and Wagtail need them:

- a foreign key set to NULL by ``ON DELETE SET NULL`` (a deleted user on a sign-in event,
  a deleted content type on a log entry), every other column unchanged;
- anything inside ``audit_erasure()``: a deliberate, reviewed erasure (personal data on
  request, a benchmark cleaning up its own rows). It sets a transaction-local flag.

Wagtail itself never updates or deletes log entries (deleting a page or a user leaves
their log entries: the foreign keys are ``DO_NOTHING`` without a database constraint).
SQLite (dev, the default test run) has no guard.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

ERASURE_FLAG = "bina.audit_erasure"

# table -> nullable foreign key columns that ON DELETE SET NULL may clear. The migration
# that installs the guard adds the tables of other apps (accounts' sign-in events).
WAGTAIL_LOG_TABLES = {
    "wagtailcore_modellogentry": ("content_type_id",),
    "wagtailcore_pagelogentry": ("content_type_id",),
}

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION bina_audit_append_only() RETURNS trigger AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    col text;
BEGIN
    IF current_setting('{ERASURE_FLAG}', true) = 'on' THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        old_row := to_jsonb(OLD);
        new_row := to_jsonb(NEW);
        FOREACH col IN ARRAY TG_ARGV LOOP
            IF new_row -> col = 'null'::jsonb THEN
                old_row := old_row - col;
                new_row := new_row - col;
            END IF;
        END LOOP;
        IF old_row = new_row THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = 'Catatan audit tidak dapat diubah atau dihapus: '
                  || TG_OP || ' ' || TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def install_sql(tables: dict[str, tuple[str, ...]]) -> list[str]:
    """The function, and a trigger on each table (table -> columns SET NULL may clear)."""
    statements = [FUNCTION_SQL]
    for table, nullable in tables.items():
        args = ", ".join(f"'{column}'" for column in nullable)
        statements.append(f"DROP TRIGGER IF EXISTS bina_audit_append_only ON {table}")
        statements.append(
            f"CREATE TRIGGER bina_audit_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION bina_audit_append_only({args})"
        )
    return statements


def uninstall_sql(tables: dict[str, tuple[str, ...]]) -> list[str]:
    statements = [f"DROP TRIGGER IF EXISTS bina_audit_append_only ON {t}" for t in tables]
    return [*statements, "DROP FUNCTION IF EXISTS bina_audit_append_only()"]


@contextmanager
def audit_erasure() -> Iterator[None]:
    """Allow UPDATE/DELETE of audit rows inside this block only. Use it for a reviewed
    erasure (personal data on request), never for ordinary code.

    The flag is transaction-local; inside an outer transaction it would outlive the block,
    so it is switched off again at the end (on an error, rolling back the block's
    savepoint undoes it with everything else).
    """
    with transaction.atomic():
        _set_flag("on")
        yield
        _set_flag("off")


def _set_flag(value: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [ERASURE_FLAG, value])
