import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

import feedparser
import pytest

from portal.sitemaps import RequestHostSitemap

from .factories import make_article, make_standard_page, make_value_page

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def articles(article_index):
    return [
        make_article(article_index, title="SKP dan RHK", tags=("e-kinerja",), values=("AK",)),
        make_article(article_index, title="Pelayanan prima", tags=("pelayanan",)),
        make_article(article_index, title="Belum terbit", tags=("e-kinerja",), live=False),
    ]


@pytest.mark.parametrize(
    ("path", "version"), [("/artikel/rss/", "rss20"), ("/artikel/atom/", "atom10")]
)
def test_site_feeds_are_valid_and_list_live_articles(client, articles, path, version):
    response = client.get(path)
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.language == "id"
    assert sorted(entry.title for entry in feed.entries) == ["Pelayanan prima", "SKP dan RHK"]
    skp = next(e for e in feed.entries if e.title == "SKP dan RHK")
    assert skp.link == "http://testserver/artikel/" + articles[0].slug + "/"
    assert skp.summary == "Ringkasan artikel."
    assert [t.term for t in skp.tags] == ["e-kinerja"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_tag_feed_lists_only_that_tag(client, articles, kind):
    feed = feedparser.parse(client.get(f"/artikel/tag/e-kinerja/{kind}/").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["SKP dan RHK"]
    assert "e-kinerja" in feed.feed.title
    assert client.get(f"/artikel/tag/tidak-ada/{kind}/").status_code == 404


def test_pages_advertise_feeds_canonical_and_social_meta(client, articles):
    html = client.get(articles[0].url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/artikel/rss/"' in html and 'href="/artikel/atom/"' in html
    assert f'<link rel="canonical" href="http://testserver{articles[0].url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="SKP dan RHK">' in html
    assert '<meta name="twitter:card"' in html
    assert '<html lang="id">' in html

    tag_page = client.get("/artikel/tag/e-kinerja/").content.decode()
    assert 'href="/artikel/tag/e-kinerja/rss/"' in tag_page


def sitemap_locations(client, **extra) -> list[str]:
    """Every URL of the sitemap: the index, then each section page it names."""
    index = client.get("/sitemap.xml", **extra)
    assert index.status_code == 200
    found = []
    for node in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", SITEMAP_NS):  # noqa: S314
        parts = urlsplit(node.text)
        section = client.get(parts.path, dict(parse_qsl(parts.query)), **extra)
        found += [
            url.text
            for url in ET.fromstring(section.content).findall("sm:url/sm:loc", SITEMAP_NS)  # noqa: S314
        ]
    return found


def test_sitemap_lists_exactly_the_public_live_pages(client, home, articles, value_index):
    make_value_page(value_index, "AK")
    about = make_standard_page(home, title="Tentang")

    locations = set(sitemap_locations(client))
    expected = {
        f"http://testserver{path}"
        for path in [
            "/",
            "/artikel/",
            articles[0].url,
            articles[1].url,
            "/nilai-berakhlak/",
            "/nilai-berakhlak/ak/",
            about.url,
        ]
    }
    assert locations == expected


def test_sitemap_names_the_host_the_request_came_to(client, home, articles, settings):
    """The Site record says localhost:80 (the demo's default); robots.txt and the sitemap
    both name the host the crawler asked."""
    settings.ALLOWED_HOSTS = ["bina.example.go.id"]
    index = client.get("/sitemap.xml", HTTP_HOST="bina.example.go.id", secure=True)
    assert b"<loc>https://bina.example.go.id/sitemap-halaman.xml</loc>" in index.content
    locations = sitemap_locations(client, HTTP_HOST="bina.example.go.id", secure=True)
    assert locations and all(loc.startswith("https://bina.example.go.id/") for loc in locations), (
        locations
    )
    robots = client.get("/robots.txt", HTTP_HOST="bina.example.go.id", secure=True)
    assert "Sitemap: https://bina.example.go.id/sitemap.xml" in robots.content.decode()


@pytest.mark.parametrize("pages", [3, 9])
def test_sitemap_is_paged_and_each_response_costs_the_same(
    client, article_index, monkeypatch, django_assert_max_num_queries, pages
):
    """Sections of ``limit`` URLs: neither the index nor a section grows with the site."""
    monkeypatch.setattr(RequestHostSitemap, "limit", 2)
    for number in range(pages):
        make_article(article_index, title=f"Artikel peta {number}")
    client.get("/sitemap.xml")  # warm the site root paths
    with django_assert_max_num_queries(5):
        index = client.get("/sitemap.xml")
    sections = ET.fromstring(index.content).findall("sm:sitemap/sm:loc", SITEMAP_NS)  # noqa: S314
    assert len(sections) == (pages + 2 + 1) // 2  # home, index and the articles, 2 a page
    last = urlsplit(sections[-1].text)
    with django_assert_max_num_queries(8):
        section = client.get(last.path, dict(parse_qsl(last.query)))
    assert 1 <= section.content.count(b"<url>") <= 2
    assert len(sitemap_locations(client)) == pages + 2


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_every_page_advertises_the_feeds(client, article_index):
    body = client.get("/akun/masuk/").content.decode()
    assert 'type="application/rss+xml"' in body
    assert 'type="application/atom+xml"' in body
