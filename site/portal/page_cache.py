"""Whole-response cache for anonymous views of Wagtail pages.

Only responses of ``wagtail.views.serve`` are cached, only for GET/HEAD requests that
carry no session or messages cookie (so nobody logged in, nobody with a flash message
or a page password) and only when the response sets no cookie itself. Publishing,
unpublishing, moving or deleting any page bumps a generation number stored with every
entry, so every cached page is dropped at once: listings, feeds and the home page
all depend on other pages, and precise invalidation is not worth its bugs here.

While Redis is down the cache (``bina.cache.ResilientRedisCache``) answers every lookup
with a miss and drops every store: pages are rendered and served uncached, never a 500.
A publish during the outage cannot bump the generation, and a Redis that was cut off
rather than restarted still holds the old pages, so the first process to reach Redis
again bumps it (:func:`invalidate_after_outage`).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from wagtail import views as wagtail_views

GENERATION_KEY = "portal:page-cache:generation"
# Only these query parameters make a distinct cached page; any other (tracking tags,
# random strings) is served uncached, so nobody can fill the cache with variants.
CACHED_PARAMETERS = frozenset({"halaman"})
CACHE_HEADER = "X-Bina-Cache"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate_all() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: any future key already differs
        cache.set(GENERATION_KEY, 2, timeout=None)


def invalidate_after_outage(**kwargs) -> None:
    """Receiver of ``bina.cache.cache_recovered``: drop what a lost bump should have dropped."""
    invalidate_all()


def invalidate_on_change(**kwargs) -> None:
    """Signal receiver: drop now, and again once committed, so a request that rendered
    the old content during the transaction cannot keep it cached."""
    invalidate_all()
    transaction.on_commit(invalidate_all)


def _timeout() -> int:
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 600)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or _timeout() <= 0:
        return False
    if not CACHED_PARAMETERS.issuperset(request.GET.keys()):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _key(request) -> str:
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"portal:page:{language}:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


def _lookup(key: str):
    """The cached response for ``key`` if it was stored under the current generation.

    One round trip (``get_many`` of the generation and the entry): a hit costs a single
    Redis call, which is what makes cached pages nearly as cheap as a trivial view.
    Returns (response or None, current generation).
    """
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1], current
    return None, current


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page responses.

    It sits near the top of MIDDLEWARE so that, when it stores a response, the session,
    CSRF and messages middlewares have already had their chance to set a cookie on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_portal_cache_key", None)
        if key is not None and response.get(CACHE_HEADER) != "hit":
            self._store(key, request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Runs after every middleware's request phase, so request.user is known here.
        if view_func is not wagtail_views.serve or not _cacheable_request(request):
            return None
        request._portal_cache_key = _key(request)
        cached, request._portal_cache_generation = _lookup(request._portal_cache_key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
        return cached

    def _store(self, key, request, response) -> None:
        if response.status_code != 200 or response.cookies or response.streaming:
            return
        if "private" in response.get("Cache-Control", "") or getattr(request, "is_preview", False):
            return
        response[CACHE_HEADER] = "miss"
        # Stored with the generation read before rendering: a publish during the render
        # bumps it, so this entry is already stale and never served.
        cache.set(key, (request._portal_cache_generation, response), _timeout())
