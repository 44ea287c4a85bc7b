"""Security headers on every kind of response, not only the sign-in page.

The page cache stores whole responses and the admin has its own policy, so each of
these is a place where a header could go missing: a Wagtail page (rendered, then served
from the cache), a signed-in page, an error page, a Wagtail admin page.
"""

import pytest

from foundation.security_headers import ADMIN_POLICY, PERMISSIONS_POLICY, PUBLIC_POLICY
from portal.page_cache import CACHE_HEADER
from tests.factories import PegawaiFactory, UserFactory
from tests.portal.factories import make_article, make_article_index, make_home

pytestmark = pytest.mark.django_db

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_public_headers(response) -> None:
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, name
    assert response.headers["Content-Security-Policy"] == PUBLIC_POLICY
    assert response.headers["X-Frame-Options"] == "DENY"
    script_src = next(d for d in PUBLIC_POLICY.split("; ") if d.startswith("script-src"))
    assert "unsafe-inline" not in script_src


def test_wagtail_page_rendered_and_from_the_page_cache(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    article = make_article(make_article_index(make_home()))
    rendered, cached = client.get(article.url), client.get(article.url)
    assert (rendered[CACHE_HEADER], cached[CACHE_HEADER]) == ("miss", "hit")
    assert_public_headers(rendered)
    assert_public_headers(cached)


def test_signed_in_page_and_error_page(client):
    client.force_login(PegawaiFactory().user)
    assert_public_headers(client.get("/belajar-saya/"))
    missing = client.get("/tidak-ada-halaman-ini/")
    assert missing.status_code == 404
    assert_public_headers(missing)


def test_admin_has_its_own_policy_and_still_refuses_foreign_framing(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, name
    assert response.headers["Content-Security-Policy"] == ADMIN_POLICY
    assert "frame-ancestors 'self'" in ADMIN_POLICY
    assert response.headers["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
