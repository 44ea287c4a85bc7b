"""Time to generate pembinaan recommendations on PostgreSQL, first run and re-run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<scratch db> \
        PYTHONPATH=site:. .venv/bin/python benchmarks/recommendations.py [--sizes 1000 10000]

Makes (once) a benchmark unit with pegawai, three live courses the default rules find
(SKP/RHK, Akuntabel, Kolaboratif), and for each size a fresh period whose evaluations
cover every kuadran cell, a third of them with flagged BerAKHLAK values. Then times
``recommendations_generate`` (default rules) and a second run that must create nothing.
``--cleanup`` removes what it made.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
sys.path[:0] = ["site", "."]

import django  # noqa: E402

django.setup()

import bench_people  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page  # noqa: E402

from competencies.models import Competency  # noqa: E402
from kinerja_link.kuadran import predikat_for  # noqa: E402
from kinerja_link.models import Evaluasi, Pegawai, Periode, UnitKerja  # noqa: E402
from kinerja_link.pembinaan.models import Recommendation  # noqa: E402
from kinerja_link.pembinaan.recommendations import recommendations_generate  # noqa: E402
from kinerja_link.scope import Scope  # noqa: E402
from learning.models import CourseCompetency, CoursePage  # noqa: E402

UNIT = "BENCHREC"
CELLS = [(h, p) for h in (1, 2, 3) for p in (1, 2, 3)]
COURSES = [
    ("bench-skp", "Menyusun SKP dan RHK (bench)", "TK-SKP"),
    ("bench-ak", "Akuntabel (bench)", "AK"),
    ("bench-kl", "Kolaboratif (bench)", "KL"),
]


def nips(count: int) -> list[str]:
    return bench_people.nips(count, born_from=datetime.date(1966, 1, 1), tmt="201101")


def ensure_pegawai(all_nips: list[str]) -> UnitKerja:
    return bench_people.ensure_pegawai(
        all_nips, unit_code=UNIT, unit_name="Unit Benchmark Rekomendasi"
    )


def ensure_courses() -> None:
    parent = Page.get_first_root_node()
    for slug, title, code in COURSES:
        if CoursePage.objects.filter(slug=slug).exists():
            continue
        course = parent.add_child(instance=CoursePage(title=title, slug=slug, summary="-", jp=2))
        CourseCompetency.objects.create(course=course, competency=Competency.objects.get(code=code))


def seed_period(unit: UnitKerja, size: int, nomor: int) -> Periode:
    periode, _ = Periode.objects.get_or_create(tahun=2099, jenis="triwulan", nomor=nomor)
    Recommendation.objects.filter(evaluasi__periode=periode).delete()
    Evaluasi.objects.filter(periode=periode).delete()
    pegawai = list(Pegawai.objects.filter(unit=unit).order_by("pk").values_list("pk", flat=True))
    flags = [{"AK": {"perlu_pembinaan": True}}, {"KL": {"perlu_pembinaan": True}}, {}]
    Evaluasi.objects.bulk_create(
        [
            Evaluasi(
                pegawai_id=pk,
                periode=periode,
                rating_hasil=CELLS[i % 9][0],
                rating_perilaku=CELLS[i % 9][1],
                predikat=predikat_for(*CELLS[i % 9]),
                perilaku_catatan=flags[i % 4] if i % 4 < 2 else {},
            )
            for i, pk in enumerate(pegawai[:size])
        ],
        batch_size=5000,
    )
    return periode


def timed(periode: Periode, unit: UnitKerja) -> tuple[float, int, dict]:
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        counts = recommendations_generate(periode_id=periode.pk, scope=Scope.of([unit.path]))
        elapsed = time.perf_counter() - started
    return elapsed, len(queries), counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--cleanup", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Benchmark ini butuh PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    all_nips = nips(max(args.sizes))
    if args.cleanup:
        periodes = Periode.objects.filter(tahun=2099)
        Recommendation.objects.filter(evaluasi__periode__in=periodes).delete()
        Evaluasi.objects.filter(periode__in=periodes).delete()
        Pegawai.objects.filter(unit__kode=UNIT).delete()
        get_user_model().objects.filter(nip__in=all_nips).delete()
        UnitKerja.objects.filter(kode=UNIT).delete()
        return
    unit = ensure_pegawai(all_nips)
    ensure_courses()
    for nomor, size in enumerate(args.sizes, start=1):
        periode = seed_period(unit, size, nomor)
        first, q1, counts = timed(periode, unit)
        again, q2, counts2 = timed(periode, unit)
        print(
            f"{size:>7,} evaluasi: first run {first:6.2f} s, {q1} queries, "
            f"{counts['evaluasi']:,} matched, {counts['dibuat']:,} created | "
            f"re-run {again:6.2f} s, {q2} queries, {counts2['dibuat']} created"
        )


if __name__ == "__main__":
    main()
