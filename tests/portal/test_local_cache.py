"""The page cache's hit path: one chunk per response, headers replayed right, and the
in-process tier in front of Redis (bounded, and stale for at most a second after another
process publishes)."""

import gzip

import pytest

from django.core.cache import cache

from portal import page_cache
from portal.local_cache import LocalTier
from portal.models import ArticlePage
from portal.page_cache import CACHE_HEADER, GENERATION_KEY

from .factories import make_article


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def clock(settings, monkeypatch):
    """This process's in-process tier, on a clock the test moves."""
    clock = FakeClock()
    tier = LocalTier(max_bytes=4 * 1024 * 1024, clock=clock)
    settings.PORTAL_PAGE_CACHE_LOCAL_BYTES = tier.max_bytes
    monkeypatch.setattr(page_cache, "_tier", tier)
    return clock


@pytest.fixture
def redis_calls(monkeypatch):
    calls = []
    real = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: calls.append(keys) or real(keys))
    return calls


def chunks(response) -> int:
    """Items of the WSGI iterable: the server writes each one to the socket separately."""
    return len(list(response))


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
def test_a_feed_hit_is_one_chunk_whatever_the_clients_encoding(client, article_index, encoding):
    """The feed generator writes the XML in hundreds of small pieces; a hit (and the miss
    that stored it) is sent as one."""
    for number in range(5):
        make_article(article_index, title=f"Artikel umpan {number}")
    miss = client.get("/artikel/rss/", HTTP_ACCEPT_ENCODING=encoding)
    hit = client.get("/artikel/rss/", HTTP_ACCEPT_ENCODING=encoding)

    assert (miss[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
    assert miss.streaming is False and hit.streaming is False
    assert chunks(miss) == chunks(hit) == 1
    body = gzip.decompress(hit.content) if encoding else hit.content
    assert body == miss.content
    assert b"Artikel umpan 4" in body
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_replays_the_pages_headers_with_its_own_request_id_and_negotiated_encoding(
    client, article_index
):
    article = make_article(article_index, title="Tajuk")
    miss = client.get(article.url)
    plain = client.get(article.url)
    packed = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip")

    assert plain[CACHE_HEADER] == packed[CACHE_HEADER] == "hit"
    for response in (plain, packed):
        assert {v.strip() for v in response["Vary"].split(",")} >= {"Accept-Encoding"}
        assert response.get("Cache-Control") == miss.get("Cache-Control")
        assert response["Content-Type"] == miss["Content-Type"]
        assert response["Content-Security-Policy"] == miss["Content-Security-Policy"]
        assert chunks(response) == 1
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert plain.content == miss.content
    request_ids = {miss["X-Request-ID"], plain["X-Request-ID"], packed["X-Request-ID"]}
    assert len(request_ids) == 3  # each response its own, never the stored one
    echoed = client.get(article.url, HTTP_X_REQUEST_ID="lb-123")
    assert echoed["X-Request-ID"] == "lb-123"


def test_hits_come_from_process_memory_without_asking_redis(
    client, article_index, clock, redis_calls
):
    article = make_article(article_index)
    assert client.get(article.url)[CACHE_HEADER] == "miss"
    redis_calls.clear()
    for _ in range(3):
        assert client.get(article.url)[CACHE_HEADER] == "hit"
    assert redis_calls == []

    clock.now += 1.5  # the generation is a second old: one round trip, then memory again
    assert client.get(article.url)[CACHE_HEADER] == "hit"
    assert client.get(article.url)[CACHE_HEADER] == "hit"
    assert len(redis_calls) == 1


def test_a_publish_in_another_process_is_seen_within_a_second(client, article_index, clock):
    article = make_article(article_index, title="Versi lama")
    client.get(article.url)
    assert client.get(article.url)[CACHE_HEADER] == "hit"

    # Another worker publishes: the row changes and the generation in Redis moves on;
    # this process's tier is not told.
    ArticlePage.objects.filter(pk=article.pk).update(title="Versi baru")
    cache.incr(GENERATION_KEY)

    clock.now += 0.5
    stale = client.get(article.url)
    assert stale[CACHE_HEADER] == "hit" and "Versi lama" in stale.content.decode()

    clock.now += 0.6  # 1.1 s after this process last read the generation
    fresh = client.get(article.url)
    assert fresh[CACHE_HEADER] == "miss"
    assert "Versi baru" in fresh.content.decode()


def test_a_publish_in_this_process_empties_its_memory_at_once(client, article_index, clock):
    article = make_article(article_index, title="Sebelum terbit")
    client.get(article.url)
    article.title = "Sesudah terbit"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Sesudah terbit" in response.content.decode()


def test_two_processes_share_redis_but_not_memory():
    """The lookup itself, with two tiers as two worker processes."""
    first_clock, second_clock = FakeClock(), FakeClock()
    first = LocalTier(max_bytes=1_000_000, clock=first_clock)
    second = LocalTier(max_bytes=1_000_000, clock=second_clock)
    page_cache.invalidate_all()
    current = page_cache.generation()
    entry = (current, 200, (("Content-Type", "text/html"),), b"lama", None)
    cache.set("portal:page:test", entry)

    assert page_cache.lookup("portal:page:test", first)[0] == entry
    assert page_cache.lookup("portal:page:test", second)[0] == entry

    cache.incr(GENERATION_KEY)  # a publish somewhere else
    assert page_cache.lookup("portal:page:test", first)[0] == entry  # within its second
    first_clock.now += 1.0
    second_clock.now += 1.0
    assert page_cache.lookup("portal:page:test", first) == (None, current + 1)
    assert page_cache.lookup("portal:page:test", second) == (None, current + 1)
    assert len(first) == len(second) == 0


def test_memory_is_bounded_least_recently_used_first():
    tier = LocalTier(max_bytes=800)
    tier.observe(7)
    for name in "abcd":
        tier.put(name, name, 100, 7)
    tier.get("a")  # used: survives the next eviction
    for name in "efgh":
        tier.put(name, name, 100, 7)
    tier.put("i", "i", 100, 7)
    assert tier.size <= 800
    assert tier.get("a") == "a" and tier.get("b") is None
    tier.put("big", "big", 101, 7)  # above an eighth of the budget: not kept
    assert tier.get("big") is None
    tier.put("old", "old", 10, 6)  # another generation's entry: not kept
    assert tier.get("old") is None


def test_the_tier_forgets_when_redis_cannot_give_the_generation(
    client, article_index, clock, monkeypatch
):
    article = make_article(article_index)
    client.get(article.url)
    assert client.get(article.url)[CACHE_HEADER] == "hit"

    monkeypatch.setattr(cache, "get_many", lambda keys: {})  # Redis down: every read a miss
    monkeypatch.setattr(cache, "get", lambda key, default=None, version=None: default)
    clock.now += 1.1
    assert client.get(article.url)[CACHE_HEADER] == "miss"
    assert len(page_cache._tier) == 0
