"""The pengelola's dashboard (issue #15): figures for the units they manage, a flat
number of queries, and links to import, JP verification and the export."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from kinerja_link.dashboard import pengelola_dashboard
from kinerja_link.models import SKP, ImportJob, Periode, UnitKerja
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from tests.factories import PegawaiFactory, UserFactory

from .factories import EvaluasiFactory, PeriodeFactory

pytestmark = pytest.mark.django_db
URL = "kinerja_dasbor:index"
# Wagtail's admin page costs 7-11 queries on its own (tests/performance); the dashboard
# adds a fixed handful.
BUDGET = 20


def annual():
    return Periode.objects.get_or_create(tahun=2026, jenis="tahunan", nomor=0)[0]


def pending_jp(pegawai):
    today = datetime.date(2026, 10, 1)
    return LearningRecord.objects.create(
        user=pegawai.user,
        source=LearningRecordSource.EXTERNAL,
        title="Bimtek",
        jp=Decimal(8),
        start_date=today,
        end_date=today,
        verification_status=VerificationStatus.PENDING,
    )


def test_figures_cover_the_managed_units_only(org):
    periode = PeriodeFactory()
    job = ImportJob.objects.create(original_name="tw3.csv", created_by=org.pengelola.user)
    for person in org.staff[:2]:
        EvaluasiFactory(pegawai=person, periode=periode, import_job=job)
    EvaluasiFactory(pegawai=org.other, periode=periode)  # Bidang B: not theirs
    SKP.objects.create(pegawai=org.staff[0], periode=annual())
    pending_jp(org.staff[1])
    pending_jp(org.other)

    figures = pengelola_dashboard(user=org.pengelola.user)

    [row] = figures["periodes"]
    assert (row.periode, row.evaluasi, row.last_job) == (periode, 2, job)
    [unit] = figures["units"]  # Bidang A only
    # kepala, 3 staff and the pengelola are active in Bidang A; two were evaluated.
    assert (unit.kode, unit.pegawai, unit.dinilai, unit.belum_dinilai) == ("KW.A", 5, 2, 3)
    assert unit.tanpa_skp == figures["tanpa_skp_total"] == 4
    assert org.staff[0] not in figures["tanpa_skp"] and org.other not in figures["tanpa_skp"]
    assert figures["jp_pending"] == 1
    assert pengelola_dashboard(user=org.staff[0].user) is None


def test_page_links_the_export_and_is_for_pengelola(client, org):
    client.force_login(org.pengelola.user)
    page = client.get(reverse(URL))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="{reverse("kinerja:ekspor")}"' in html
    assert f'href="{reverse("learning:verification_list")}"' in html
    assert "Belum ada evaluasi di unit yang Anda kelola" in html

    client.force_login(org.staff[0].user)
    assert client.get(reverse(URL)).status_code in (302, 403)


def test_kinerja_menu_links_the_dashboard_and_the_export(client, org):
    client.force_login(org.pengelola.user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(URL) in html
    assert reverse("kinerja:ekspor") in html


def grow(org, n):
    """n pegawai in n units under Bidang A, each evaluated, half with an SKP and a pending JP."""
    periode = PeriodeFactory()
    while UnitKerja.objects.filter(path__startswith=org.unit_a.path).count() <= n:
        k = UnitKerja.objects.count()
        unit = org.unit_a.add_child(nama=f"Seksi {k}", kode=f"KW.A.{k}")
        person = PegawaiFactory(unit=unit, pejabat_penilai=org.kepala)
        EvaluasiFactory(pegawai=person, periode=periode)
        if k % 2:
            SKP.objects.create(pegawai=person, periode=annual())
            pending_jp(person)
        org.unit_a.refresh_from_db()


def test_query_count_is_flat(client, org, django_assert_max_num_queries):
    client.force_login(org.pengelola.user)
    counts = []
    for size in (2, 20):
        grow(org, size)
        client.get(reverse(URL))
        with django_assert_max_num_queries(BUDGET) as captured:
            assert client.get(reverse(URL)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_superuser_sees_every_unit(org):
    periode = PeriodeFactory()
    EvaluasiFactory(pegawai=org.other, periode=periode)
    figures = pengelola_dashboard(user=UserFactory(is_superuser=True))
    assert {u.kode for u in figures["units"]} == {"KW.A", "KW.B"}  # the root has no pegawai


def test_the_unit_table_goes_by_pages(client, org):
    """A Pemda has a thousand units: the per-unit table shows 50 a page, with page links."""
    from kinerja_link.dashboard_admin import UNITS_PER_PAGE

    client.force_login(org.pengelola.user)
    grow(org, UNITS_PER_PAGE + 5)
    first = client.get(reverse(URL)).content.decode()
    second = client.get(reverse(URL) + "?p=2").content.decode()
    units = list(UnitKerja.objects.filter(path__startswith=org.unit_a.path).order_by("path"))
    last = units[-1]
    assert f"({last.kode})" not in first and f"({last.kode})" in second
    assert first.count("<small>(KW.A") == UNITS_PER_PAGE
    assert 'class="pagination"' in first
