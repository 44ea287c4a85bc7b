"""Load test: gunicorn (4 sync workers, production settings, PostgreSQL + Redis) under
Locust headless with 16 concurrent users, on a seed_scale database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<seed_scale db> \
    REDIS_URL=redis://127.0.0.1:6379/<n> PYTHONPATH=site:. \
        .venv/bin/python benchmarks/load_test.py [--seconds 30] [--port 8106]

Scenarios, each against a fresh gunicorn: the trivial view (/healthz, the ceiling),
anonymous articles from the page cache, anonymous articles uncached
(PORTAL_PAGE_CACHE_SECONDS=0), dashboards of logged-in pegawai, and the issue's mix
(70% articles, 20% course/lesson/quiz pages, 5% quiz submissions, 5% dashboards).
Prints requests/s, p50 and p95 per scenario and each as a ratio of the trivial view.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

import django  # noqa: E402

import bina  # noqa: E402, F401 - first: its Celery app reads settings that import bina

django.setup()

import bench_team  # noqa: E402

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # noqa: E402
from django.test import Client  # noqa: E402

from kinerja_link.models import Pegawai  # noqa: E402
from learning.models import Enrolment  # noqa: E402
from learning.quiz.models import QuizPage  # noqa: E402
from portal.models import ArticlePage  # noqa: E402

SCENARIOS = [  # (label, locust class, page cache seconds)
    ("trivial view /healthz", "TrivialUser", 600),
    ("artikel anonim, dari cache", "ArticleUser", 600),
    ("artikel anonim, tanpa cache", "ArticleUser", 0),
    ("dasbor (Belajar Saya + SKP)", "DashboardUser", 600),
    ("dasbor Tim Saya (50 orang)", "TimSayaUser", 600),
    ("campuran 70/20/5/5", "MixUser", 600),
]


def prepare(path: Path, learners: int = 64) -> None:
    """Sessions for pegawai who are enrolled in courses, and the URLs they visit."""
    people = []
    staff = (
        Pegawai.objects.filter(unit__kode__startswith="SKALA.", dinilai__isnull=True)
        .select_related("user")
        .order_by("pk")
    )
    for pegawai in staff.iterator():
        enrolments = list(Enrolment.objects.filter(user=pegawai.user).select_related("course"))
        if not enrolments:
            continue
        courses = []
        for enrolment in enrolments:
            course = enrolment.course
            lesson = course.lessons().first()
            quiz = QuizPage.objects.child_of(course).live().first()
            if lesson and quiz:
                courses.append(
                    {"url": course.url, "lesson": lesson.url, "quiz": quiz.url, "quiz_id": quiz.pk}
                )
        if not courses:
            continue
        client = Client()
        client.force_login(pegawai.user)
        secret = _get_new_csrf_string()
        people.append(
            {
                "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "csrf_cookie": secret,
                "csrf_token": _mask_cipher_secret(secret),
                "courses": courses,
            }
        )
        if len(people) >= learners:
            break
    articles = [a.url for a in ArticlePage.objects.live().order_by("path")]
    pimpinan = Client()
    pimpinan.force_login(bench_team.ensure_team(50).user)
    session = {"session": pimpinan.cookies[settings.SESSION_COOKIE_NAME].value}
    path.write_text(json.dumps({"learners": people, "articles": articles, "pimpinan": session}))


def start_server(port: int, cache_seconds: int, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
        "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
        "PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds),
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "bina.wsgi:application",
            "--workers",
            "4",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--preload",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn tidak menjawab /healthz")


def warm(port: int, data: Path) -> None:
    """Each URL once before measuring: image renditions are made on a page's first view
    (a minute for the first article on a busy 2-core machine), and each worker's first
    request loads templates and URL patterns."""
    content = json.loads(data.read_text())
    learner = content["learners"][0]
    urls = [(url, None) for url in content["articles"]]
    for course in learner["courses"]:
        urls += [(course[key], learner["session"]) for key in ("url", "lesson", "quiz")]
    urls += [("/belajar-saya/", learner["session"]), ("/kinerja/saya/", learner["session"])]
    urls += [("/tim-saya/", content["pimpinan"]["session"])]
    for url, session in urls * 2:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{url}")
        if session:
            request.add_header("Cookie", f"{settings.SESSION_COOKIE_NAME}={session}")
        urllib.request.urlopen(request, timeout=180).read()  # noqa: S310 - http://127.0.0.1 only


def run_locust(
    port: int, user_class: str, seconds: int, data: Path, out: Path, processes: int = 1
) -> dict:
    prefix = out / user_class
    fork = ["--processes", str(processes)] if processes > 1 else []
    subprocess.run(
        [
            str(ROOT / ".venv/bin/locust"),
            "-f",
            str(ROOT / "benchmarks/locustfile.py"),
            user_class,
            "--headless",
            "-u",
            "16",
            "-r",
            "16",
            "-t",
            f"{seconds}s",
            "--only-summary",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(prefix),
            "--loglevel",
            "ERROR",
            *fork,
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_DATA": str(data)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    number = lambda text: float(text) if text not in ("", "N/A") else 0.0  # noqa: E731
    return {
        "rps": number(total["Requests/s"]),
        "p50": number(total["50%"]),
        "p95": number(total["95%"]),
        "failures": int(total["Failure Count"]),
        "requests": int(total["Request Count"]),
        "parts": {r["Name"]: number(r["Requests/s"]) for r in rows if r["Name"] != "Aggregated"},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8106)
    parser.add_argument("--only", help="label prefix of one scenario")
    parser.add_argument("--processes", type=int, default=1, help="Locust client processes")
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        sys.exit("Butuh PostgreSQL (DATABASE_URL) dan Redis (REDIS_URL) dengan data seed_scale.")
    call_command("collectstatic", interactive=False, verbosity=0)
    out = Path(tempfile.mkdtemp(prefix="bina-load-"))
    data = out / "data.json"
    prepare(data)
    connection.close()
    print(
        f"pegawai di basis data: {Pegawai.objects.count():,}; 16 pengguna serentak; "
        f"{args.seconds} s per skenario; gunicorn 4 worker sync"
    )
    results = {}
    for label, user_class, cache_seconds in SCENARIOS:
        if args.only and not label.startswith(args.only):
            continue
        with open(out / f"{user_class}-{cache_seconds}.log", "w") as log:
            server = start_server(args.port, cache_seconds, log)
            try:
                random.seed(1)
                warm(args.port, data)
                run_locust(args.port, user_class, 10, data, out, args.processes)  # warm workers
                results[label] = run_locust(
                    args.port, user_class, args.seconds, data, out, args.processes
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
        r = results[label]
        print(
            f"{label:<32} {r['rps']:8.1f} req/s  p50 {r['p50']:5.0f} ms  p95 {r['p95']:5.0f} ms"
            f"  ({r['requests']:,} permintaan, {r['failures']} gagal)"
        )
    trivial = results.get(SCENARIOS[0][0])
    if trivial:
        print("\nrasio terhadap trivial view:")
        for label, r in results.items():
            print(f"  {label:<32} {100 * r['rps'] / trivial['rps']:6.1f}%")
    print(f"\nrincian: {out}")
    print(json.dumps({k: {**v, "parts": v["parts"]} for k, v in results.items()}, indent=1))


if __name__ == "__main__":
    main()
