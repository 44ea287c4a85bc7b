"""A page restricted to logged-in users or to a group never reaches the public."""

import feedparser
import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from .factories import make_article, make_standard_page, make_value_page

TOKEN = "zq7rahasiaxk"


@pytest.fixture
def restricted(home, article_index, value_index):
    make_value_page(value_index, "AK")
    make_article(article_index, title="Artikel terbuka", tags=("umum",), values=("AK",))
    secret = make_article(
        article_index,
        title=f"Rapat internal {TOKEN}",
        summary=f"Ringkasan {TOKEN}",
        body_text=f"Isi {TOKEN}",
        tags=("umum", TOKEN),
        values=("AK",),
        featured=True,
    )
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    group_page = make_standard_page(home, title=f"Halaman moderator {TOKEN}")
    restriction = PageViewRestriction.objects.create(page=group_page, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name="Moderator"))
    make_standard_page(group_page, title=f"Anak halaman {TOKEN}")
    return secret


PUBLIC_PATHS = [
    "/",
    "/artikel/",
    "/artikel/tag/umum/",
    "/artikel/nilai/AK/",
    "/nilai-berakhlak/",
    "/nilai-berakhlak/ak/",
    "/cari/?q=rapat+internal",
    "/artikel/rss/",
    "/artikel/atom/",
    "/artikel/tag/umum/rss/",
    "/artikel/tag/umum/atom/",
    "/sitemap.xml",
    "/sitemap-halaman.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_token_absent_from_every_public_listing(client, restricted, path):
    response = client.get(path)
    assert response.status_code == 200
    assert TOKEN not in response.content.decode()


def test_search_for_the_token_finds_nothing(client, restricted):
    response = client.get("/cari/", {"q": TOKEN})
    assert list(response.context["page_obj"].object_list) == []


def test_public_listings_do_show_the_open_article(client, restricted):
    """The token test above would pass on empty pages; make sure they are not empty."""
    assert "Artikel terbuka" in client.get("/artikel/tag/umum/").content.decode()
    titles = [e.title for e in feedparser.parse(client.get("/artikel/rss/").content).entries]
    assert titles == ["Artikel terbuka"]


def test_restricted_tag_and_page_are_closed_to_the_public(client, restricted):
    assert client.get(f"/artikel/tag/{TOKEN}/").status_code == 404
    assert client.get(f"/artikel/tag/{TOKEN}/rss/").status_code == 404
    response = client.get(restricted.url)
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_restricting_a_section_hides_every_article_below_it(client, article_index):
    make_article(article_index, title=f"Di bawah indeks {TOKEN}", tags=("umum",))
    PageViewRestriction.objects.create(page=article_index, restriction_type="login")

    for path in ("/", "/artikel/rss/", "/sitemap-halaman.xml", f"/cari/?q=indeks+{TOKEN}"):
        response = client.get(path)
        assert f"Di bawah indeks {TOKEN}" not in response.content.decode()
    assert client.get("/artikel/").status_code == 302  # to the login page
