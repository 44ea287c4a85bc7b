"""EXPLAIN ANALYZE of the queries the busiest pages run, on a seed_scale database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db with seed_scale> \
        PYTHONPATH=site:. .venv/bin/python benchmarks/explain_hot_queries.py [--verbose]

Renders each page as a real user (catalogue, articles, Belajar Saya, SKP page, Tim Saya,
admin listings filtered by periode) with Django's test client, captures every SQL query,
and runs ``EXPLAIN (ANALYZE, BUFFERS)`` on it; plus the lookups that have no page of their
own yet (assignments and recommendations by pegawai/status, learning records by user/year,
enrolments by user/status). Prints per query the execution time and whether the plan reads
a big table sequentially. ``--verbose`` prints every plan.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
sys.path[:0] = ["site", "."]

import django  # noqa: E402

django.setup()

import bench_team  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from kinerja_link.models import Evaluasi, Pegawai, Periode  # noqa: E402
from kinerja_link.pembinaan.models import (  # noqa: E402
    Assignment,
    AssignmentStatus,
    Recommendation,
)
from learning.models import CourseIndexPage, Enrolment, LearningRecord  # noqa: E402
from portal.models import ArticleIndexPage, ArticlePage  # noqa: E402

BIG_TABLES = re.compile(
    r"Seq Scan on (kinerja_link_pegawai|kinerja_link_evaluasi|learning_enrolment|"
    r"learning_learningrecord|kinerja_link_assignment|kinerja_link_recommendation|"
    r"accounts_user|learning_certificate|learning_quizattempt|learning_lessoncompletion|"
    r"kinerja_link_skp|accounts_user_groups)\b"
)


def explain(sql: str, params=None) -> tuple[float, list[str], str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    ms = float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
    return ms, BIG_TABLES.findall(plan), plan


def page_queries(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in captured.captured_queries]


def report(label: str, sql: str, verbose: bool, params=None) -> None:
    if not sql.lstrip().upper().startswith("SELECT"):
        return
    ms, seqs, plan = explain(sql, params)
    flag = f"  SEQ SCAN: {', '.join(sorted(set(seqs)))}" if seqs else ""
    print(f"{ms:8.2f} ms  {label}: {sql[:110]}{flag}")
    if verbose:
        print(plan, "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Butuh PostgreSQL dengan data seed_scale: set DATABASE_URL.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    pimpinan = (
        Pegawai.objects.filter(unit__kode__startswith="SKALA.")
        .annotate(n=Count("dinilai"))
        .filter(n__gte=10)
        .select_related("user")
        .order_by("-unit__depth", "pk")
        .first()
    )
    staff = Pegawai.objects.filter(pejabat_penilai=pimpinan).select_related("user").first()
    admin = get_user_model().objects.filter(is_superuser=True).first()
    latest = Periode.objects.filter(evaluasi_set__isnull=False).order_by("-nomor").first()
    pages = [
        (None, CourseIndexPage.objects.first().url),
        (None, ArticleIndexPage.objects.first().url),
        (None, ArticlePage.objects.live().last().url),
        (staff.user, reverse("learning:belajar_saya")),
        (staff.user, CourseIndexPage.objects.first().url),
        (staff.user, reverse("kinerja:saya")),
        (pimpinan.user, reverse("tim_saya:index")),
        (bench_team.ensure_team(500).user, reverse("tim_saya:index")),
    ]
    if admin:
        pages += [
            (admin, f"{reverse('evaluasi:index')}?periode={latest.pk}"),
            (admin, reverse("learning_records:index")),
            (admin, reverse("pegawai:index")),
        ]
    print(
        f"pegawai: {Pegawai.objects.count():,}  evaluasi: {Evaluasi.objects.count():,}  "
        f"pendaftaran: {Enrolment.objects.count():,}"
    )
    for user, url in pages:
        client = Client()
        if user:
            client.force_login(user)
        client.get(url, HTTP_HOST="127.0.0.1")  # warm
        print(f"\n== {url} as {user or 'anonim'}")
        for sql in page_queries(client, url):
            report(url, sql, args.verbose)
    print("\n== lookups without a page of their own yet")
    lookups = {
        "team by pejabat_penilai": Pegawai.objects.active().filter(pejabat_penilai=pimpinan),
        "evaluasi by periode": Evaluasi.objects.filter(periode=latest).order_by("pegawai_id")[:50],
        "evaluasi of team in periode": Evaluasi.objects.filter(
            periode=latest, pegawai__pejabat_penilai=pimpinan
        ),
        "open assignments of pegawai": Assignment.objects.filter(
            pegawai=staff, status__in=AssignmentStatus.open_values()
        ),
        "assignments due (reminders)": Assignment.objects.filter(
            status__in=AssignmentStatus.open_values(), due_date__lte="2026-12-31"
        ).order_by("due_date")[:100],
        "assignments a pimpinan gave": Assignment.objects.filter(assigned_by=pimpinan.user),
        "open recommendations of pegawai": Recommendation.objects.filter(
            pegawai=staff, status="open"
        ),
        "enrolments by user/status": Enrolment.objects.filter(
            user=staff.user, status="in_progress"
        ),
        "learning records by user/year": LearningRecord.objects.counted()
        .filter(user=staff.user)
        .in_year(2026),
    }
    for label, queryset in lookups.items():
        sql, params = queryset.query.sql_with_params()
        report(label, sql, args.verbose, params)


if __name__ == "__main__":
    main()
