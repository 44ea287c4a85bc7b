"""The restore drill of docs/operations.md, run for real on PostgreSQL."""

import shutil
import subprocess
import uuid

import pytest

from django.apps import apps
from django.db import connection

from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _pg(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=300)


def _conn_args(dbname: str) -> list[str]:
    db = connection.settings_dict
    return [
        "-h",
        db.get("HOST") or "127.0.0.1",
        "-p",
        str(db.get("PORT") or 5432),
        "-U",
        db.get("USER") or "postgres",
        "-d",
        dbname,
    ]


def _row_counts(cursor) -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        table = model._meta.db_table
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - table names from models
        counts[table] = cursor.fetchone()[0]
    return counts


def test_dump_and_restore_gives_the_same_rows(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("Latihan pemulihan memakai pg_dump/pg_restore: hanya di PostgreSQL")
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("pg_dump/pg_restore tidak terpasang")
    for _ in range(5):
        PegawaiFactory()
    source = connection.settings_dict["NAME"]
    scratch = f"bina_restore_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "bina.dump"
    with connection.cursor() as cursor:
        expected = _row_counts(cursor)

    _pg("pg_dump", "-Fc", "--no-owner", "-f", str(dump), *_conn_args(source))
    _pg("createdb", *_conn_args(scratch)[:-2], scratch)
    try:
        _pg("pg_restore", "--no-owner", "--exit-on-error", *_conn_args(scratch), str(dump))
        import psycopg

        db = connection.settings_dict
        with (
            psycopg.connect(
                host=db.get("HOST") or "127.0.0.1",
                port=db.get("PORT") or 5432,
                user=db.get("USER") or "postgres",
                dbname=scratch,
            ) as restored,
            restored.cursor() as cursor,
        ):
            assert _row_counts(cursor) == expected
    finally:
        _pg("dropdb", "--if-exists", "--force", *_conn_args(scratch)[:-2], scratch)
    assert expected["kinerja_link_pegawai"] == 5
