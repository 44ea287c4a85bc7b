"""Tim Saya for a pimpinan with 50 and 500 people on a ``seed_scale`` database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bina_scale PYTHONPATH=site:. \
        .venv/bin/python benchmarks/tim_saya.py [--sizes 50 500] [--repeat 20]

Gives a Kepala Subdirektorat a team of exactly N (``bench_team.ensure_team``), then renders
``/tim-saya/`` in process with the test client (the whole Django stack, no network): time
per page, pages/s on one process, queries and HTML size. Also times the kuadran filter and
the team's "Belajar Saya"-side lookup that every page of a pimpinan runs (the nav check).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
sys.path[:0] = ["site", "."]

import django  # noqa: E402

django.setup()

import bench_team  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from kinerja_link.models import Pegawai  # noqa: E402


def measure(client: Client, url: str, repeat: int) -> tuple[list[float], int, int]:
    response = client.get(url, HTTP_HOST="127.0.0.1")  # warm templates and connection
    assert response.status_code == 200, response.status_code
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url, HTTP_HOST="127.0.0.1")
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url, HTTP_HOST="127.0.0.1")
        times.append(time.perf_counter() - started)
    return times, len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Butuh PostgreSQL dengan data seed_scale: set DATABASE_URL.")
    settings.DEBUG = False
    print(f"pegawai di basis data: {Pegawai.objects.count():,}; {args.repeat} kali per halaman")
    url = reverse("tim_saya:index")
    for size in args.sizes:
        pimpinan = bench_team.ensure_team(size)
        client = Client()
        client.force_login(pimpinan.user)
        for label, query in (("semua", ""), ("filter predikat", "?predikat=3")):
            times, queries, size_bytes = measure(client, url + query, args.repeat)
            median = statistics.median(times)
            print(
                f"Tim Saya {size:>4} orang, {label:<16} median {1000 * median:7.1f} ms  "
                f"p95 {1000 * sorted(times)[int(0.95 * len(times)) - 1]:7.1f} ms  "
                f"{1 / median:6.1f} halaman/s per proses  {queries} kueri  "
                f"{size_bytes / 1024:6.0f} KB HTML"
            )


if __name__ == "__main__":
    main()
