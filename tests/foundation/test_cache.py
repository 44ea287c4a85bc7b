"""The cache backend when Redis cannot be reached: a miss, or CacheUnavailable for "strict".

No Redis needed: a closed port stands for a Redis that is down, a socket that accepts
and never answers for one behind a network cut.
"""

from __future__ import annotations

import logging
import socket
import time

import pytest

from django.core.cache import caches

from bina.settings.environment import cache_settings
from foundation.cache import STRICT_ALIAS, CacheUnavailable
from tests.reliability.conftest import free_port


@pytest.fixture
def unreachable(settings):
    settings.BINA_CACHE_RETRY_SECONDS = 0
    settings.CACHES = cache_settings(f"redis://:geheim@127.0.0.1:{free_port()}/3")


@pytest.fixture
def silent_redis(settings):
    """Accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        settings.CACHES = cache_settings(f"redis://127.0.0.1:{server.getsockname()[1]}/0")
        yield


def test_default_alias_answers_a_miss(unreachable):
    cache = caches["default"]
    assert cache.get("x", "bawaan") == "bawaan"
    assert cache.get_many(["x", "y"]) == {}
    assert cache.add("x", 1) is False
    assert cache.set("x", 1) is None
    assert cache.delete("x") is False
    assert cache.has_key("x") is False
    assert cache.get_or_set("x", 5) == 5
    with pytest.raises(ValueError):
        cache.incr("x")


def test_strict_alias_raises_cache_unavailable(unreachable):
    with pytest.raises(CacheUnavailable):
        caches[STRICT_ALIAS].get("x")
    with pytest.raises(CacheUnavailable):
        caches[STRICT_ALIAS].incr("x")


def test_warning_names_the_host_but_never_the_password(unreachable, caplog):
    with caplog.at_level(logging.WARNING, logger="foundation.cache"):
        caches["default"].get("x")
    (record,) = [r for r in caplog.records if r.name == "foundation.cache"]
    assert "127.0.0.1" in record.getMessage()
    assert "geheim" not in record.getMessage()


def test_breaker_skips_a_silent_redis_after_one_timeout(silent_redis, settings):
    settings.BINA_CACHE_RETRY_SECONDS = 60
    cache = caches["default"]
    started = time.monotonic()
    assert cache.get("x") is None
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(20):
        assert cache.get("x") is None
    rest = time.monotonic() - started
    assert 0.5 <= first < 3  # one socket timeout
    assert rest < 0.5  # the breaker answers without trying Redis (not 20 × 1 s)

    settings.BINA_CACHE_RETRY_SECONDS = 0  # retry period over: Redis is tried again
    started = time.monotonic()
    cache.get("x")
    assert time.monotonic() - started >= 0.5
