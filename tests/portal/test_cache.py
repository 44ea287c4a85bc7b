"""Anonymous page views are cached whole and dropped on publish/unpublish."""

import gzip

import pytest

from wagtail.models import PageViewRestriction

from portal.models import ArticlePage
from portal.page_cache import CACHE_HEADER
from tests.factories import UserFactory

from .factories import make_article


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_second_anonymous_view_is_served_from_cache(
    client, article_index, django_assert_num_queries
):
    article = make_article(article_index, title="Versi pertama")
    first = client.get(article.url)
    assert first[CACHE_HEADER] == "miss"

    ArticlePage.objects.filter(pk=article.pk).update(title="Diubah diam-diam")
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second[CACHE_HEADER] == "hit"
    assert "Versi pertama" in second.content.decode()


def test_publishing_invalidates_cached_pages(client, article_index):
    article = make_article(article_index, title="Judul lama")
    client.get("/artikel/")
    client.get(article.url)

    article.title = "Judul baru"
    article.save_revision().publish()

    assert "Judul baru" in client.get(article.url).content.decode()
    listing = client.get("/artikel/")
    assert listing[CACHE_HEADER] == "miss"
    assert "Judul baru" in listing.content.decode()


def test_unpublishing_invalidates_cached_pages(client, article_index):
    article = make_article(article_index, title="Akan ditarik")
    assert client.get(article.url).status_code == 200
    assert "Akan ditarik" in client.get("/artikel/").content.decode()

    article.unpublish()

    assert client.get(article.url).status_code == 404
    assert "Akan ditarik" not in client.get("/artikel/").content.decode()


def test_logged_in_views_never_use_the_shared_cache(client, article_index):
    article = make_article(article_index, title="Untuk semua")
    client.get(article.url)  # cached for the public
    client.force_login(UserFactory())

    response = client.get(article.url)

    assert CACHE_HEADER not in response
    assert "Keluar" in response.content.decode()  # the personal header, not the cached one


def test_query_string_is_part_of_the_key_and_other_views_are_not_cached(client, article_index):
    for _ in range(11):
        make_article(article_index)
    first = client.get("/artikel/")
    second = client.get("/artikel/?halaman=2")
    assert first[CACHE_HEADER] == second[CACHE_HEADER] == "miss"
    assert first.context["page_obj"].number == 1 and second.context["page_obj"].number == 2
    assert CACHE_HEADER not in client.get("/cari/?q=artikel")
    assert CACHE_HEADER not in client.get("/artikel/?utm_source=acak123")


def test_cache_can_be_switched_off(client, settings, article_index):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    article = make_article(article_index)
    client.get(article.url)
    assert CACHE_HEADER not in client.get(article.url)


def test_password_protected_page_is_never_cached(client, article_index):
    article = make_article(article_index, title="Berkata sandi")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x1")
    client.get(article.url)
    response = client.get(article.url)
    assert response.status_code == 200
    assert CACHE_HEADER not in response
    assert "Berkata sandi" not in response.content.decode()


def test_a_hit_still_gets_the_security_headers_and_keeps_languages_apart(client, article_index):
    """Hits are answered before the session and locale layers, but inside the security
    ones; and the language those layers would pick is part of the key."""
    article = make_article(article_index, title="Dua bahasa")
    client.get(article.url)
    hit = client.get(article.url)
    assert hit[CACHE_HEADER] == "hit"
    assert "script-src" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Content-Language"] == "id"

    english = client.get(article.url, HTTP_ACCEPT_LANGUAGE="en")
    assert english[CACHE_HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert client.get(article.url, HTTP_ACCEPT_LANGUAGE="en")[CACHE_HEADER] == "hit"


def test_a_cached_page_is_not_served_to_a_logged_in_user_with_an_old_session_cookie(
    client, article_index
):
    article = make_article(article_index, title="Publik")
    client.get(article.url)
    client.cookies["sessionid"] = "kedaluwarsa"  # not a valid session: still not the cache
    response = client.get(article.url)
    assert CACHE_HEADER not in response


def test_hits_are_sent_gzipped_to_clients_that_accept_it(client, article_index):
    article = make_article(article_index, title="Dipadatkan sekali")
    client.get(article.url)

    packed = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(article.url)

    assert packed[CACHE_HEADER] == plain[CACHE_HEADER] == "hit"
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2
    assert int(packed["Content-Length"]) == len(packed.content)
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed["Vary"]
    assert "Dipadatkan sekali" in plain.content.decode()


def test_anonymous_requests_for_other_views_never_ask_the_cache(client, monkeypatch):
    from django.core.cache import cache

    asked = []
    real = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: asked.append(keys) or real(keys))

    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert asked == []
