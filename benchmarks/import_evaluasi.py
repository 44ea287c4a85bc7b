"""Evaluation import throughput on PostgreSQL, next to COPY of the same rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch db> \
        PYTHONPATH=site:. .venv/bin/python benchmarks/import_evaluasi.py [--rows 100000]

Makes (once) a benchmark unit with N pegawai, writes a SIASN-style CSV of N rows in
memory, then times: the import service creating N evaluations (with audit entries), the
same file again (every row unchanged), and PostgreSQL ``COPY`` of the same CSV into a plain
table. The ratio import/COPY is the figure. ``--cleanup`` removes what it made.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
sys.path[:0] = ["site", "."]

import django  # noqa: E402

django.setup()

import bench_people  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from wagtail.models import ModelLogEntry  # noqa: E402

from foundation.audit.guard import audit_erasure  # noqa: E402
from kinerja_link.models import Evaluasi, ImportJob, Pegawai, UnitKerja  # noqa: E402
from kinerja_link.services import import_job_create, import_job_run  # noqa: E402

UNIT = "BENCH"
HEADERS = [
    "nip",
    "nama",
    "tahun",
    "periodikId",
    "periodikNama",
    "hasilKinerjaNilai",
    "perilakuKerjaNilai",
    "kuadranKinerjaNilai",
]


def nips(count: int) -> list[str]:
    return bench_people.nips(count, born_from=datetime.date(1965, 1, 1), tmt="201001")


def ensure_pegawai(all_nips: list[str]) -> UnitKerja:
    return bench_people.ensure_pegawai(all_nips, unit_code=UNIT, unit_name="Unit Benchmark")


def csv_bytes(all_nips: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for i, nip in enumerate(all_nips):
        writer.writerow(
            [nip, f"Pegawai {nip[-6:]}", 2026, 2, "III", i % 3 + 1, (i // 3) % 3 + 1, ""]
        )
    return out.getvalue().encode()


def timed_import(data: bytes) -> tuple[float, ImportJob]:
    file = ContentFile(data, name="bench.csv")
    started = time.perf_counter()
    job = import_job_create(user=None, file=file, dry_run=False, enqueue=False)
    job = import_job_run(job_id=job.pk)
    return time.perf_counter() - started, job


def timed_copy(data: bytes) -> float:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy")
        cursor.execute(
            "CREATE TABLE bench_copy (nip text, nama text, tahun int, periodik_id int, "
            "periodik_nama text, hasil int, perilaku int, kuadran text)"
        )
        started = time.perf_counter()
        with cursor.cursor.copy("COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER)") as copy:
            copy.write(data)
        elapsed = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_copy")
    return elapsed


def cleanup(all_nips: list[str]) -> None:
    pegawai = Pegawai.objects.filter(unit__kode=UNIT)
    ids = [
        str(pk) for pk in Evaluasi.objects.filter(pegawai__in=pegawai).values_list("pk", flat=True)
    ]
    with audit_erasure():  # the benchmark's own rows; audit rows are append-only otherwise
        ModelLogEntry.objects.get_for_model(Evaluasi).filter(object_id__in=ids).delete()
    Evaluasi.objects.filter(pegawai__in=pegawai).delete()
    ImportJob.objects.filter(original_name__startswith="bench").delete()
    pegawai.delete()
    get_user_model().objects.filter(nip__in=all_nips).delete()
    UnitKerja.objects.filter(kode=UNIT).delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cleanup", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Benchmark ini butuh PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    all_nips = nips(args.rows)
    if args.cleanup:
        cleanup(all_nips)
        return
    ensure_pegawai(all_nips)
    Evaluasi.objects.filter(pegawai__unit__kode=UNIT).delete()
    data = csv_bytes(all_nips)
    with override_settings(
        KINERJA_IMPORT_MAX_BYTES=len(data) + 1, KINERJA_IMPORT_MAX_ROWS=args.rows
    ):
        first, job = timed_import(data)
        again, job2 = timed_import(data)
    copy = timed_copy(data)
    print(f"rows: {args.rows:,}  (CSV {len(data) / 1e6:.1f} MB)")
    print(
        f"import (create + audit):  {first:7.2f} s  {args.rows / first:10,.0f} rows/s  "
        f"created={job.created_count} errors={job.error_count}"
    )
    print(
        f"re-import (unchanged):    {again:7.2f} s  {args.rows / again:10,.0f} rows/s  "
        f"unchanged={job2.unchanged_count}"
    )
    print(f"COPY into plain table:    {copy:7.2f} s  {args.rows / copy:10,.0f} rows/s")
    print(f"ratio import/COPY: {first / copy:.1f}x slower (re-import {again / copy:.1f}x)")
    print(
        f"targets (issue #21): import <= 20x COPY: {'met' if first / copy <= 20 else 'NOT met'}; "
        f"re-import <= 10x COPY: {'met' if again / copy <= 10 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
