"""CPU per logged-in page, in process, on a ``seed_scale`` database (issue 21, part 3).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bina_scale REDIS_URL=redis://127.0.0.1:6379/6 \
        PYTHONPATH=site:. .venv/bin/python benchmarks/logged_in_pages.py [--repeat 50] \
        [--only "Belajar Saya" ...] [--profile [--top 30]]

Renders Belajar Saya, the SKP page (Kinerja Saya), a lesson, the quiz page and Tim Saya for
a pimpinan with 50 and with 500 people through the whole Django stack (test client, a
force-logged-in seeded user, no network) under ``benchmarks/bench_settings.py`` (production,
DEBUG off, Redis cache) and prints median and p95 wall time per page, the process CPU time
per page, the queries and the HTML size. ``--profile`` runs each page under cProfile and
prints the top entries by own time and by cumulative time. The machine may be shared: compare
figures taken in the same run, and read the CPU column, not the wall column.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "site"), str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

import bina  # noqa: E402, F401  (before the settings: bina's Celery app reads them)

django.setup()

import bench_team  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from kinerja_link.models import SKP, Pegawai  # noqa: E402
from learning.models import Enrolment  # noqa: E402
from learning.quiz.models import QuizPage  # noqa: E402


def _static_manifest() -> None:
    """Production storage needs the manifest that ``collectstatic`` writes (once)."""
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)
        staticfiles_storage._setup()  # reread the manifest just written


def _learner() -> tuple[Pegawai, str, str]:
    """A seeded staff member with an enrolment in a course with a lesson and a quiz, and an
    SKP: the lesson and quiz URLs of that course."""
    staff = (
        Pegawai.objects.filter(unit__kode__startswith="SKALA.", dinilai__isnull=True)
        .filter(pk__in=SKP.objects.values("pegawai_id"))
        .select_related("user")
        .order_by("pk")
    )
    for pegawai in staff.iterator():
        for enrolment in Enrolment.objects.filter(user=pegawai.user).select_related("course"):
            lesson = enrolment.course.lessons().first()
            quiz = QuizPage.objects.child_of(enrolment.course).live().first()
            if lesson and quiz:
                return pegawai, lesson.url, quiz.url
    raise SystemExit("Butuh data seed_scale dengan pendaftaran kursus (manage.py seed_scale).")


def _pages() -> list[tuple[str, Client, str]]:
    learner, lesson_url, quiz_url = _learner()
    pegawai = Client()
    pegawai.force_login(learner.user)
    pages = [
        ("Belajar Saya", pegawai, reverse("learning:belajar_saya")),
        ("Kinerja Saya (SKP)", pegawai, reverse("kinerja:saya")),
        ("pelajaran", pegawai, lesson_url),
        ("halaman kuis", pegawai, quiz_url),
    ]
    for size in (50, 500):
        pimpinan = Client()
        pimpinan.force_login(bench_team.ensure_team(size).user)
        pages.append((f"Tim Saya {size} orang", pimpinan, reverse("tim_saya:index")))
    return pages


def _get(client: Client, url: str):
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (url, response.status_code)
    return response


def page_queries(client: Client, url: str) -> list[str]:
    """The SQL of a warm request (templates, connection and per-process caches warmed)."""
    _get(client, url)
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        _get(client, url)
    return queries


def measure(client: Client, url: str, repeat: int) -> dict[str, float]:
    queries = page_queries(client, url)
    response = _get(client, url)
    walls = []
    cpu_started = time.process_time()
    for _ in range(repeat):
        started = time.perf_counter()
        _get(client, url)
        walls.append(time.perf_counter() - started)
    cpu = (time.process_time() - cpu_started) / repeat
    walls.sort()
    return {
        "median": 1000 * statistics.median(walls),
        "p95": 1000 * walls[max(0, int(0.95 * len(walls)) - 1)],
        "cpu": 1000 * cpu,
        "queries": len(queries),
        "kb": len(response.content) / 1024,
    }


def profile(client: Client, url: str, repeat: int, top: int) -> None:
    _get(client, url)
    profiler = cProfile.Profile(time.process_time)  # CPU only: waits for the database are not ours
    profiler.enable()
    for _ in range(repeat):
        _get(client, url)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--only", nargs="+", help="page labels (prefix) to run")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Butuh PostgreSQL dengan data seed_scale: set DATABASE_URL.")
    assert not settings.DEBUG
    _static_manifest()
    print(f"pegawai di basis data: {Pegawai.objects.count():,}; {args.repeat} kali per halaman")
    for label, client, url in _pages():
        if args.only and not any(label.startswith(prefix) for prefix in args.only):
            continue
        if args.profile:
            print(f"=== {label} {url}")
            profile(client, url, args.repeat, args.top)
            continue
        if args.sql:
            print(f"=== {label} {url}")
            for sql in page_queries(client, url):
                print("  ", sql[:300])
            continue
        m = measure(client, url, args.repeat)
        print(
            f"{label:<20} median {m['median']:6.1f} ms  p95 {m['p95']:6.1f} ms  "
            f"CPU {m['cpu']:6.1f} ms  {m['queries']:3d} kueri  {m['kb']:5.0f} KB"
        )


if __name__ == "__main__":
    main()
