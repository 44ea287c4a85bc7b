"""Whole-response cache for anonymous views of Wagtail pages.

Only responses of ``wagtail.views.serve`` (and of views marked ``anonymous_page_cache``)
are cached, only for GET/HEAD requests that
carry no session or messages cookie (so nobody logged in, nobody with a flash message
or a page password) and only when the response sets no cookie itself. Publishing,
unpublishing, moving or deleting any page bumps a generation number stored with every
entry, so every cached page is dropped at once: listings, feeds and the home page
all depend on other pages, and precise invalidation is not worth its bugs here.

An entry is the final bytes (and their gzip, made once) with the status and headers the
whole middleware stack gave the rendered page; a hit sends them as one chunk. The hottest
entries are also kept in each process's memory (:mod:`portal.local_cache`), whose
generation is read from Redis at most once a second: a publish reaches the other
processes within that second.

While Redis is down the cache (``foundation.cache.ResilientRedisCache``) answers every lookup
with a miss and drops every store: pages are rendered and served uncached, never a 500.
A publish during the outage cannot bump the generation, and a Redis that was cut off
rather than restarted still holds the old pages, so the first process to reach Redis
again bumps it (:func:`invalidate_after_outage`).
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from wagtail import views as wagtail_views

from foundation.request_id import RESPONSE_HEADER, accept_or_generate

from .local_cache import LocalTier

GENERATION_KEY = "portal:page-cache:generation"
# Only these query parameters make a distinct cached page; any other (tracking tags,
# random strings) is served uncached, so nobody can fill the cache with variants.
CACHED_PARAMETERS = frozenset({"halaman"})
CACHE_HEADER = "X-Bina-Cache"
# Pages are stored gzipped too (once, when stored), so a hit costs no compression and
# sends a phone a quarter of the bytes; tiny bodies are not worth it.
MIN_COMPRESS_BYTES = 200
# Headers of one response only, never replayed from the cache.
PER_RESPONSE_HEADERS = frozenset({"x-request-id", "content-length", "content-encoding"})

_tier: LocalTier | None = None  # this process's in-process tier, see local_tier()


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def current_generation(request) -> int:
    """The generation this request already read (the middleware's lookup), or a fresh read."""
    return getattr(request, "_portal_cache_generation", None) or generation()


def invalidate_all() -> None:
    if _tier is not None:
        _tier.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: any future key already differs
        cache.set(GENERATION_KEY, 2, timeout=None)


def invalidate_after_outage(**kwargs) -> None:
    """Receiver of ``foundation.cache.cache_recovered``: drop what a lost bump should
    have dropped."""
    invalidate_all()


def invalidate_on_change(**kwargs) -> None:
    """Signal receiver: drop now, and again once committed, so a request that rendered
    the old content during the transaction cannot keep it cached."""
    invalidate_all()
    transaction.on_commit(invalidate_all)


def _timeout() -> int:
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 600)


def _cacheable_request(request) -> bool:
    """Decided from the request line and cookies alone, before any other middleware: no
    session cookie means nobody is logged in, so the session and auth layers can be
    skipped for a hit."""
    if request.method not in ("GET", "HEAD") or _timeout() <= 0:
        return False
    if not CACHED_PARAMETERS.issuperset(request.GET.keys()):
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False  # SecurityMiddleware redirects it to https
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)


def _served_by_wagtail(path: str) -> bool:
    """Only page URLs may have an entry: other anonymous GETs (the health check, login,
    certificate checks) must not pay a Redis round trip."""
    return _resolves_to_serve(path, get_urlconf())


@functools.lru_cache(maxsize=4096)
def _resolves_to_serve(path: str, urlconf) -> bool:
    # Bounded, so random paths cannot grow it; the URLconf is fixed for a process.
    try:
        return is_cached_view(resolve(path, urlconf).func)
    except Resolver404:
        return False


def is_cached_view(view_func) -> bool:
    """Wagtail's page view, or a read-only public view marked ``anonymous_page_cache``
    (kinerja_link.participation's service pages)."""
    return view_func is wagtail_views.serve or getattr(view_func, "anonymous_page_cache", False)


def _key(request) -> str:
    # LocaleMiddleware has not run yet: ask the same function it asks (no i18n_patterns).
    language = translation.get_language_from_request(request)
    return f"portal:page:{language}:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


def read_current(key: str):
    """What was stored under ``key`` with the current generation, as ``(generation,
    *values)``: returns (values or None, current generation).

    One round trip (``get_many`` of the generation and the entry): a page-cache hit costs
    a single Redis call, which is what makes cached pages nearly as cheap as a trivial view.
    """
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1:], current
    return None, current


def _serve_hit(request, entry) -> HttpResponse:
    """A response built from the stored bytes: one body chunk, so one socket write, whatever
    the client's encoding (a feed rendered by ``Feed.write`` was hundreds of chunks)."""
    _, status, headers, body, gzipped = entry
    response = HttpResponse(body, status=status, headers=headers)
    if gzipped is not None and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response.content = gzipped
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(response.content))
    response.headers[CACHE_HEADER] = "hit"
    # The request-id middleware does not run for a hit; the header stays on every response.
    response.headers[RESPONSE_HEADER] = accept_or_generate(request.META.get("HTTP_X_REQUEST_ID"))
    return response


def local_tier() -> LocalTier | None:
    """This process's in-process tier (``PORTAL_PAGE_CACHE_LOCAL_BYTES``, 0 = none)."""
    global _tier
    size = getattr(settings, "PORTAL_PAGE_CACHE_LOCAL_BYTES", 16 * 1024 * 1024)
    if size <= 0:
        return None
    if _tier is None or _tier.max_bytes != size:
        _tier = LocalTier(max_bytes=size)
    return _tier


def _entry_size(entry) -> int:
    return len(entry[3]) + len(entry[4] or b"")


def lookup(key: str, tier: LocalTier | None):
    """The current entry for ``key`` and the current generation: from this process's
    memory while its generation is less than a second old, else from Redis in one round
    trip (which also refreshes the generation and keeps the entry in memory)."""
    if tier is not None and tier.fresh():
        entry = tier.get(key)
        if entry is not None:
            return entry, tier.generation
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        # No generation yet, or Redis is down: nothing may be kept in memory either, or
        # a publish during the outage would go unseen.
        if tier is not None:
            tier.forget()
        return None, generation()
    entry = found.get(key)
    if entry is not None and entry[0] != current:
        entry = None
    if tier is not None:
        tier.observe(current)
        if entry is not None:
            tier.put(key, entry, _entry_size(entry), current)
    return entry, current


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page responses.

    It is the first middleware: a hit is answered before request ids, security headers,
    session, locale, CSRF and auth run (the stored headers are those the whole stack put
    on the rendered page), and a response is stored only after every middleware has had
    its chance to set a cookie on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        candidate = None
        if _cacheable_request(request) and _served_by_wagtail(request.path_info):
            candidate = _key(request)
            entry, generation_now = lookup(candidate, local_tier())
            if entry is not None:
                return _serve_hit(request, entry)
            request._portal_cache_generation = generation_now
        response = self.get_response(request)
        if candidate is not None and getattr(request, "_portal_cache_page", False):
            self._store(candidate, request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Runs after every middleware's request phase, so request.user is known here.
        user = getattr(request, "user", None)
        request._portal_cache_page = is_cached_view(view_func) and not (
            user is not None and user.is_authenticated
        )

    def _store(self, key, request, response) -> None:
        if response.status_code != 200 or response.cookies or response.streaming:
            return
        if "private" in response.get("Cache-Control", "") or getattr(request, "is_preview", False):
            return
        patch_vary_headers(response, ("Accept-Encoding",))
        body = response.content
        response.content = body  # one chunk for this response too
        gzipped = compress_string(body) if len(body) >= MIN_COMPRESS_BYTES else None
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        )
        generation_then = request._portal_cache_generation
        # Stored with the generation read before rendering: a publish during the render
        # bumps it, so this entry is already stale and never served.
        entry = (generation_then, response.status_code, headers, body, gzipped)
        cache.set(key, entry, _timeout())
        tier = local_tier()
        if tier is not None:
            tier.put(key, entry, _entry_size(entry), generation_then)
        response[CACHE_HEADER] = "miss"
