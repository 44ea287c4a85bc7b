"""Public pages under wrk, each as a ratio of a trivial Django view served in the same run.

    apt-get install wrk        # Debian package; CI does not run benchmarks
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<seed_scale db> \\
    REDIS_URL=redis://127.0.0.1:6379/<n> PYTHONPATH=site:. \\
        .venv/bin/python benchmarks/wrk_bench.py [--seconds 10] [--port 8107] [--only artikel]

One gunicorn (``benchmarks.bench_wsgi``: 4 sync workers, ``--preload``, production
settings from ``benchmarks/bench_settings.py``) serves the reference ``/__trivial__`` (a
view with no middleware at all) and the site. wrk drives each URL in turn with 16
connections, each right after a run of the trivial view. Per URL it prints req/s, % of
that trivial run, the workers' CPU per request (utime + stime of the worker processes
from /proc, before and after), how busy the workers were (CPU seconds per second, out of
the machine's cores) and wrk's own CPU (it must stay below the workers', or the
generator is the limit), plus queries, body bytes and body chunks (one socket write
each) from a separate in-process request.

Uncached pages are asked with ``?bench=1``: the page cache serves and stores only
``?halaman=``, so the page is rendered on every request while fragment caches stay warm
(as ``PORTAL_PAGE_CACHE_SECONDS=0`` would, but in the same run as the trivial view).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

import django  # noqa: E402

import bina  # noqa: E402, F401 - first: its Celery app reads settings that import bina

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from learning.models import CourseIndexPage, CoursePage  # noqa: E402
from portal.models import ArticlePage  # noqa: E402

GZIP = "gzip, deflate, br"
TICKS = os.sysconf("SC_CLK_TCK")


def pages() -> list[tuple[str, str, str]]:
    """(label, path, Accept-Encoding) in the order they run; the trivial view first."""
    article = ArticlePage.objects.live().order_by("path").first().url
    catalogue = CourseIndexPage.objects.live().first().url
    return [
        ("trivial view (no middleware)", "/__trivial__", ""),
        ("/healthz (whole middleware stack)", "/healthz", ""),
        ("artikel, page cache", article, ""),
        ("artikel, page cache, gzip", article, GZIP),
        ("RSS, page cache", "/artikel/rss/", ""),
        ("RSS, page cache, gzip", "/artikel/rss/", GZIP),
        ("artikel, uncached", f"{article}?bench=1", ""),
        ("katalog, page cache", catalogue, ""),
        ("katalog, uncached", f"{catalogue}?bench=1", ""),
        ("sitemap.xml", "/sitemap.xml", ""),
    ]


def in_process(path: str, encoding: str) -> tuple[int, int, int]:
    """Queries, body bytes and body chunks of one warm request in this process."""
    if path == "/__trivial__":
        return 0, 2, 1
    client = Client(SERVER_NAME="127.0.0.1", HTTP_ACCEPT_ENCODING=encoding)
    client.get(path)
    client.get(path)
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries), len(response.content), len(list(response))


def start_server(port: int, log) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "benchmarks.bench_wsgi:application",
            "--workers=4",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            "--access-logfile=/dev/null",
            "--preload",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__trivial__", timeout=1)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn tidak menjawab")


def workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def run_wrk(url: str, encoding: str, seconds: int) -> dict:
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", url]
    if encoding:
        command[1:1] = ["-H", f"Accept-Encoding: {encoding}"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "elapsed": elapsed,
        "wrk_cpu": wrk_cpu,
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(master: int, url: str, encoding: str, seconds: int) -> dict:
    run_wrk(url, encoding, 2)  # warm every worker
    pids = workers(master)
    before = cpu_seconds(pids)
    result = run_wrk(url, encoding, seconds)
    result["worker_cpu"] = cpu_seconds(pids) - before
    return result


def warm(port: int, urls: list[tuple[str, str, str]]) -> None:
    """Renditions are made on a page's first view; each worker loads templates once."""
    for _, path, encoding in urls * 4:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
        if encoding:
            request.add_header("Accept-Encoding", encoding)
        urllib.request.urlopen(request, timeout=300).read()  # noqa: S310 - 127.0.0.1 only


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--only", help="label prefix of the pages to run (trivial always runs)")
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        sys.exit("Butuh PostgreSQL (DATABASE_URL) dan Redis (REDIS_URL) dengan data seed_scale.")
    call_command("collectstatic", interactive=False, verbosity=0)
    urls = [u for u in pages() if "trivial" in u[0] or not args.only or u[0].startswith(args.only)]
    measured_in_process = {label: in_process(path, enc) for label, path, enc in urls}
    connection.close()
    cores = os.cpu_count() or 1
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average "
        f"{os.getloadavg()[0]:.1f}; {cores} cores; courses {CoursePage.objects.count()}; "
        f"wrk -t2 -c16 -d{args.seconds}s; gunicorn 4 sync workers"
    )
    connection.close()
    header = (
        f"{'page':<36}{'req/s':>9}{'% triv':>8}{'CPU ms/req':>11}{'workers':>9}{'wrk':>6}"
        f"{'queries':>8}{'bytes':>8}{'chunks':>7}"
    )
    print(header)
    with open(ROOT / "var" / "wrk_bench_gunicorn.log", "w") as log:
        server = start_server(args.port, log)
        try:
            warm(args.port, urls)
            base = f"http://127.0.0.1:{args.port}"
            for label, path, encoding in urls:
                # The machine's load drifts: each page is compared with a trivial-view run
                # made just before it, on the same server.
                trivial = measure(server.pid, f"{base}/__trivial__", "", args.seconds)
                r = (
                    trivial
                    if path == "/__trivial__"
                    else measure(server.pid, f"{base}{path}", encoding, args.seconds)
                )
                queries, size, chunks = measured_in_process[label]
                print(
                    f"{label:<36}{r['rps']:9.1f}{100 * r['rps'] / trivial['rps']:7.1f}%"
                    f"{1000 * r['worker_cpu'] / max(r['requests'], 1):11.2f}"
                    f"{r['worker_cpu'] / r['elapsed']:8.2f}c{r['wrk_cpu'] / r['elapsed']:5.2f}c"
                    f"{queries:8d}{size:8d}{chunks:7d}"
                    f"   (trivial {trivial['rps']:.0f} req/s,"
                    f" {1000 * trivial['worker_cpu'] / max(trivial['requests'], 1):.2f} ms)"
                    + (f"  ({r['errors']} non-2xx)" if r["errors"] else "")
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("workers/wrk: CPU seconds per second of wall time (c = cores busy).")


if __name__ == "__main__":
    main()
