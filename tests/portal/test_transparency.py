"""The public transparency page: renders the latest stored snapshot, never aggregates."""

import datetime
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

from kinerja_link.pembinaan.transparency import transparency_refresh
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from portal.models import HomePage, StandardPage
from portal.page_cache import CACHE_HEADER
from portal.transparency import (
    GroupFigures,
    RowKind,
    TransparencyPage,
    transparency_snapshot_store,
)
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

PORTAL = Path(__file__).resolve().parents[2] / "site" / "portal"
PAGE_MAX_QUERIES = 10


class TransparencyPageTree(WagtailPageTestCase):
    def test_only_under_the_home_page_and_without_children(self):
        self.assertAllowedParentPageTypes(TransparencyPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, TransparencyPage)
        self.assertAllowedSubpageTypes(TransparencyPage, set())


@pytest.fixture
def page(home):
    return home.add_child(
        instance=TransparencyPage(
            title="Transparansi", slug="transparansi", intro="<p>Angka <b>agregat</b>.</p>"
        )
    )


def _store(units: int, *, small: int = 0, computed_at=None):
    rows = [
        GroupFigures(RowKind.UNIT, "Kanwil Uji", f"Bidang {n:03d}", 20, 5, 7, 3)
        for n in range(units)
    ]
    rows += [
        GroupFigures(RowKind.UNIT, "Kanwil Uji", f"Seksi Kecil {n}", None, None, None, None)
        for n in range(small)
    ]
    rows.append(
        GroupFigures(
            RowKind.INSTANSI,
            "Kanwil Uji",
            "Kanwil Uji",
            20 * units + 9 * small,
            5 * units,
            7 * units,
            3 * units,
        )
    )
    return transparency_snapshot_store(
        year=2026,
        jp_target=20,
        articles_published=4,
        rows=rows,
        computed_at=computed_at or timezone.now(),
    )


def test_without_figures_the_page_says_so(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Angka transparansi belum dihitung" in response.content.decode()


def test_page_shows_the_latest_snapshot_in_an_accessible_table(client, page):
    _store(1, computed_at=timezone.make_aware(datetime.datetime(2026, 1, 5, 9, 0)))
    _store(2, small=2, computed_at=timezone.make_aware(datetime.datetime(2026, 11, 29, 13, 41)))

    html = client.get(page.url).content.decode()

    assert '<caption id="transparansi-1">' in html
    assert 'aria-labelledby="transparansi-1"' in html and 'scope="col"' in html
    assert html.count('<th scope="row">') == 5  # two units, two hidden, the total
    assert "Bidang 001" in html and "25%" in html and "Seluruh instansi" in html
    assert html.count("disembunyikan: kurang dari 10 orang") == 2
    assert "29 November 2026, 13:41" in html  # when, in the site's time zone
    assert "Angka <b>agregat</b>" in html
    assert "Artikel sosialisasi terbit tahun 2026" in html


def _page_queries(client, page, units: int) -> list[str]:
    _store(units, small=2)
    client.get(page.url)  # fills the section links and site root caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    assert response.content.decode().count('<th scope="row">') == units + 3
    return [query["sql"] for query in queries]


def test_page_queries_are_few_and_do_not_grow(client, page):
    few = _page_queries(client, page, 2)
    many = _page_queries(client, page, 60)
    assert len(few) == len(many) <= PAGE_MAX_QUERIES, "\n".join(many)
    assert sum("portal_transparencyrow" in sql for sql in many) == 1  # rows and snapshot: one


def test_no_names_or_nips_reach_the_page(client, page):
    root = UnitKerjaFactory(nama="Kanwil Privasi", kode="KWP")
    units = [UnitKerjaFactory(parent=root, nama=f"Bidang {n}") for n in "AB"]
    people = [PegawaiFactory(unit=units[n % 2]) for n in range(24)]
    people.append(PegawaiFactory(unit=UnitKerjaFactory(parent=root, nama="Seksi Kecil")))
    day = datetime.date(2026, 4, 1)
    for pegawai in people[:6]:
        LearningRecord.objects.create(
            user=pegawai.user,
            source=LearningRecordSource.EXTERNAL,
            title=pegawai.nama,
            jp=30,
            start_date=day,
            end_date=day,
            verification_status=VerificationStatus.VERIFIED,
        )
    transparency_refresh(year=2026)

    html = client.get(page.url).content.decode()

    assert "Bidang A" in html and "Seksi Kecil" in html
    for pegawai in people:
        assert pegawai.nama not in html
        assert pegawai.nip not in html


@pytest.fixture
def _cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


@pytest.mark.usefixtures("_cache_on")
def test_anonymous_page_is_public_and_cached(client, page, django_assert_num_queries):
    _store(2)
    first = client.get(page.url)
    assert first.status_code == 200 and first[CACHE_HEADER] == "miss"
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        second = client.get(page.url)
    assert second[CACHE_HEADER] == "hit"


@pytest.mark.usefixtures("_cache_on")
def test_a_new_snapshot_drops_the_cached_page(client, page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _store(2)
    assert "Bidang 001" in client.get(page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        _store(5)

    response = client.get(page.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Bidang 004" in response.content.decode()


@pytest.mark.usefixtures("_cache_on")
def test_logged_in_views_are_private_and_not_shared(client, page):
    _store(2)
    client.get(page.url)
    client.force_login(UserFactory())
    response = client.get(page.url)
    assert CACHE_HEADER not in response
    assert "private" in response["Cache-Control"]


def test_home_teaser_and_footer_link(client, page):
    _store(2)
    html = client.get("/").content.decode()
    assert "25%" in html and "Lihat angka per unit kerja" in html
    assert f'href="{page.url}"' in html


def test_home_teaser_hidden_when_the_total_is_suppressed(client, page):
    transparency_snapshot_store(
        year=2026,
        jp_target=20,
        articles_published=0,
        computed_at=timezone.now(),
        rows=[GroupFigures(RowKind.INSTANSI, "Kecil", "Kecil", None, None, None, None)],
    )
    response = client.get("/")
    assert response.status_code == 200
    assert "Lihat angka per unit kerja" not in response.content.decode()


@pytest.mark.django_db
def test_demo_shows_figures_on_the_transparency_page(client):
    call_command("seed_demo")

    html = client.get("/transparansi/").content.decode()

    assert "Seluruh instansi" in html and "Bidang Pelayanan Publik" in html
    # The Kepala Kantor and one staff member sit directly under the instansi: hidden.
    assert "Langsung di bawah instansi" in html
    assert "disembunyikan: kurang dari 10 orang" in html
    assert 'href="/transparansi/"' in client.get("/").content.decode()
