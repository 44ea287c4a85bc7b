# ruff: noqa: S608  (SQL built from constants and model metadata only; values are parameters)
"""The set-based evaluation import (PostgreSQL) gives what the simple path (SQLite) gives.

The same files run through both paths on the same database, each inside a transaction
rolled back afterwards; counts, per-row errors, stored evaluations and audit entries must
agree. The SQL forms of the kuadran and of ``with_flags`` are held to their Python homes.
"""

from __future__ import annotations

import itertools
import json

import pytest

from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

from kinerja_link import perilaku_catatan
from kinerja_link.importing import engine, evaluasi_sql
from kinerja_link.kuadran import KUADRAN, Rating, predikat_for, predikat_sql
from kinerja_link.models import Evaluasi, ImportJob
from kinerja_link.services import import_job_create, import_job_run
from tests.factories import PegawaiFactory

from .factories import SIASN_HEADERS, csv_file

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the set-based path is PostgreSQL's"
    ),
]

FLAG_HEADERS = [*SIASN_HEADERS, "Nilai Perlu Pembinaan"]


class _Rollback(Exception):
    pass


def _row(pegawai_or_nip, hasil, perilaku, predikat="", penilai="", flags=None):
    nip = getattr(pegawai_or_nip, "nip", pegawai_or_nip)
    row = [nip, "", 2026, 2, "III", hasil, perilaku, predikat, penilai]
    return row if flags is None else [*row, flags]


def _outcome(user, headers, rows, *, dry_run=False) -> dict:
    """Import the rows and describe everything the import left, without database ids."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = import_job_create(
            user=user, file=csv_file(headers, rows), dry_run=dry_run, enqueue=True
        )
    job = ImportJob.objects.get(pk=job.pk)
    evaluations = {
        (e.pegawai.nip, e.periode.label): (engine._snapshot(e), e.source, e.import_job_id == job.pk)
        for e in Evaluasi.objects.select_related("pegawai__user", "periode")
    }
    entries = sorted(
        (
            e.action,
            e.label,
            e.data["baris"],
            e.data["nip"],
            repr(e.data["before"]),
            repr(e.data["after"]),
            e.data["import_job"] == job.pk,
            e.user_id,
            e.content_changed,
        )
        for e in ModelLogEntry.objects.get_for_model(Evaluasi).filter(data__import_job=job.pk)
    )
    return {
        "status": job.status,
        "counts": (
            job.total_rows,
            job.processed_rows,
            job.created_count,
            job.updated_count,
            job.unchanged_count,
            job.error_count,
            job.mismatch_count,
        ),
        "errors": job.errors,
        "evaluations": evaluations,
        "entries": entries,
    }


def _both_paths(monkeypatch, user, headers, rows, **kwargs) -> tuple[dict, dict]:
    results = []
    for set_based in (True, False):
        monkeypatch.setattr(evaluasi_sql, "applies", lambda set_based=set_based: set_based)
        try:
            with transaction.atomic():
                results.append(_outcome(user, headers, rows, **kwargs))
                raise _Rollback
        except _Rollback:
            pass
    return results[0], results[1]


@pytest.fixture
def earlier(org):
    """Evaluations already stored: one the file changes, one it repeats, one with notes."""
    a, b, c = org.staff
    first = [
        _row(a, 1, 1, flags="AK"),
        _row(b, 2, 2, flags=""),
        _row(c, 3, 3, flags="KL, AD"),
    ]
    _outcome(org.pengelola.user, FLAG_HEADERS, first)
    # A pimpinan's note that an import's flags must keep.
    e = Evaluasi.objects.get(pegawai=c)
    e.perilaku_catatan = {**e.perilaku_catatan, "KL": {"perlu_pembinaan": True, "catatan": "x"}}
    e.save()
    return org


def test_the_same_file_gives_the_same_result_on_both_paths(earlier, monkeypatch):
    org = earlier
    a, b, c = org.staff
    rows = [
        _row(a, 3, 1, predikat=1, flags="AK, KL"),  # changed, predikat mismatch
        _row(b, 2, 2, flags=""),  # unchanged
        _row(c, 3, 3, flags="AD"),  # flags change; the KL note stays, unflagged
        _row(org.kepala, "Di Atas", "Sesuai", penilai=org.pengelola.nip, flags=""),  # new
        _row(org.other, 2, 2, flags=""),  # outside the pengelola's units
        _row("199001012015011001", 2, 2, flags=""),  # a valid NIP nobody has
        _row("199013012015011001", 2, 2, flags=""),  # not a NIP: month 13
        _row("199013012015011001", "x", 2, flags=""),  # the NIP's error comes first
        _row(org.pengelola, "x", 2, flags=""),  # a bad rating
        _row(b, 1, 1, flags=""),  # a duplicate of row 3
    ]
    set_based, simple = _both_paths(monkeypatch, org.pengelola.user, FLAG_HEADERS, rows)
    assert set_based == simple
    assert set_based["counts"] == (10, 10, 1, 2, 1, 6, 1)
    assert [e["baris"] for e in set_based["errors"]] == [6, 7, 8, 9, 10, 11]
    assert len(set_based["entries"]) == 3


def test_a_dry_run_counts_the_same_on_both_paths(earlier, monkeypatch):
    org = earlier
    a, b, _c = org.staff
    rows = [_row(a, 2, 3), _row(b, 2, 2), _row(org.kepala, 1, 1)]
    set_based, simple = _both_paths(
        monkeypatch, org.pengelola.user, SIASN_HEADERS, rows, dry_run=True
    )
    assert set_based == simple
    assert set_based["counts"][2:5] == (1, 1, 1)
    assert set_based["entries"] == []


def test_chunks_resume_and_progress_alike(org, monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_SIZE", 2)
    people = [*org.staff, org.kepala, org.pengelola]
    rows = [_row(p, 2, 1) for p in people]
    set_based, simple = _both_paths(monkeypatch, None, SIASN_HEADERS, rows)
    assert set_based == simple
    assert set_based["counts"][:3] == (5, 5, 5)  # progress reached every row


def test_statements_per_chunk_do_not_grow_with_its_size(org, monkeypatch):
    def statements(rows: int, chunk: int) -> int:
        monkeypatch.setattr(engine, "CHUNK_SIZE", chunk)
        people = PegawaiFactory.create_batch(rows, unit=org.unit_a, pejabat_penilai=org.kepala)
        file = csv_file(SIASN_HEADERS, [_row(p, 1, 2) for p in people])
        job = import_job_create(user=None, file=file, dry_run=False, enqueue=False)
        with CaptureQueriesContext(connection) as ctx:
            import_job_run(job_id=job.pk)
        assert ImportJob.objects.get(pk=job.pk).created_count == rows
        return len(ctx.captured_queries)

    statements(1, 10)  # the period and content type exist from here on
    one_chunk_small, one_chunk_large = statements(3, 10), statements(40, 100)
    assert one_chunk_small == one_chunk_large
    two_chunks = statements(40, 20)
    per_chunk = two_chunks - one_chunk_large
    assert 0 < per_chunk <= 8  # staging, ANALYZE, unresolved, upsert, progress, savepoint


def test_the_sql_kuadran_is_the_python_one_for_all_nine_cells():
    with connection.cursor() as cursor:
        for hasil, perilaku in itertools.product(Rating, Rating):
            cursor.execute(
                f"SELECT {predikat_sql('h', 'p')} FROM (VALUES (%s, %s)) AS v(h, p)",
                [int(hasil), int(perilaku)],
            )
            assert cursor.fetchone()[0] == predikat_for(hasil, perilaku)
    assert len(KUADRAN) == 9


@pytest.mark.parametrize(
    ("notes", "flagged"),
    [
        ({}, []),
        ({}, ["AK", "KL"]),
        ({"AK": {"perlu_pembinaan": True}}, []),
        ({"AK": {"perlu_pembinaan": True, "catatan": "n"}}, ["KL"]),
        (
            {"AK": {"perlu_pembinaan": False, "catatan": "n"}, "BP": {"perlu_pembinaan": True}},
            ["BP", "AD"],
        ),
    ],
)
def test_the_sql_with_flags_is_the_python_one(notes, flagged):
    expression = perilaku_catatan.with_flags_sql("n", "f")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {expression} FROM (SELECT %s::jsonb AS n, %s::text[] AS f) AS v",
            [json.dumps(notes), flagged],
        )
        assert json.loads(cursor.fetchone()[0]) == perilaku_catatan.with_flags(notes, flagged)
