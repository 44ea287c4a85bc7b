"""The Django cache on Redis, made to survive Redis being down.

Everything the cache holds can be rebuilt (anonymous pages, the portal's section links,
Wagtail's site root paths and image renditions), so a Redis outage may cost speed but
never a request. :class:`ResilientRedisCache` is Django's ``RedisCache`` plus:

- **A miss instead of an error.** An operation that Redis cannot serve (refused, timed
  out, still loading, out of memory, read-only replica) answers like an empty cache:
  ``get`` gives the default, ``get_many`` nothing, ``add`` False, ``incr`` ValueError,
  writes are dropped. Other errors (a bad key, ``incr`` of a key that really is missing)
  behave as in Django.
- **A circuit breaker.** After such an error Redis is left alone for
  ``BINA_CACHE_RETRY_SECONDS``: a Redis that does not answer must not cost every call its
  socket timeout. The state is per process and per Redis location, shared by the aliases.
- **Quiet logs.** One warning per ``BINA_CACHE_WARNING_SECONDS`` per process while Redis
  is unreachable, with the number of calls answered without it, and one line when it is
  back. Then :data:`cache_recovered` is sent: writes during the outage were lost, so
  whoever depends on one (the page cache's generation bump on publish) can redo it.

Callers with a fallback of their own (login throttling counts failed sign-ins in the
database) use :data:`STRICT_ALIAS`: the same Redis and breaker, but an unreachable Redis
raises :class:`CacheUnavailable` instead of looking like a miss.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import redis

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal

logger = logging.getLogger(__name__)

STRICT_ALIAS = "strict"
# Redis cannot serve: refused, reset, timed out, still loading its data, out of memory,
# or a replica left read-only by a failover. Other errors are bugs and still raise.
UNREACHABLE = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.OutOfMemoryError,
    redis.exceptions.ReadOnlyError,
)

cache_recovered = Signal()  # sent with location=<host:port> when Redis answers again
_MISSING = object()


class CacheUnavailable(Exception):
    """Redis cannot be reached (strict alias only; the default alias answers a miss)."""


@dataclass
class _Health:
    """What this process knows about one Redis location."""

    location: str
    down_since: float | None = None
    failed_at: float = 0.0
    warned_at: float | None = None
    answered_without: int = 0

    def open(self, now: float) -> bool:
        """The breaker is open: Redis failed less than BINA_CACHE_RETRY_SECONDS ago."""
        retry = getattr(settings, "BINA_CACHE_RETRY_SECONDS", 5)
        return self.down_since is not None and now < self.failed_at + retry

    def failed(self, error: Exception | None, now: float) -> None:
        self.answered_without += 1
        if error is None:  # skipped by the breaker, nothing new to say
            return
        self.down_since = self.down_since or now
        self.failed_at = now
        interval = getattr(settings, "BINA_CACHE_WARNING_SECONDS", 60)
        if self.warned_at is None or now - self.warned_at >= interval:
            self.warned_at = now
            logger.warning(
                "Redis cache at %s unreachable for %.0f s (%s); %d cache calls answered "
                "without it so far; pages are served uncached, login throttling counts in "
                "the database",
                self.location,
                now - self.down_since,
                error,
                self.answered_without,
            )

    def recovered(self, now: float) -> None:
        logger.info(
            "Redis cache at %s reachable again after %.0f s; %d cache calls were answered "
            "without it",
            self.location,
            now - (self.down_since or now),
            self.answered_without,
        )
        self.down_since, self.warned_at, self.answered_without = None, None, 0


_health: dict[str, _Health] = {}


def _location(server) -> str:
    """host:port of the first server, never the password a URL may carry."""
    first = server[0] if isinstance(server, list | tuple) else str(server).split(",")[0]
    parts = urlsplit(first)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname}:{parts.port or 6379}/{parts.path.lstrip('/') or '0'}"


class SharedClientRedisCacheClient(RedisCacheClient):
    """One ``redis.Redis`` per connection pool instead of one per cache call.

    Django builds a client for every call, and redis-py's constructor fills a table of ~170
    response callbacks each time: about a quarter of the cost of serving a cached page. A
    client is safe to share (it takes a connection from the pool per command).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that answers a miss (or raises :class:`CacheUnavailable` under
    ``"RAISE_WHEN_UNREACHABLE": True``) when Redis is down, instead of failing the request."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._raise = bool(params.get("RAISE_WHEN_UNREACHABLE", False))
        location = _location(server)
        self._health = _health.setdefault(location, _Health(location))

    def _call(self, operation, miss, *args, **kwargs):
        health, now = self._health, time.monotonic()
        if health.open(now):
            return self._unavailable(miss, None, now)
        try:
            if health.down_since is not None:
                self._probe()
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            return self._unavailable(miss, error, time.monotonic())

    def _probe(self) -> None:
        """After an outage, PING first and announce the recovery before the operation runs:
        receivers (the page cache's generation bump) must act before anything is read."""
        self._cache.get_client(None, write=True).ping()
        self._health.recovered(time.monotonic())
        responses = cache_recovered.send_robust(sender=type(self), location=self._health.location)
        for receiver, error in responses:
            if isinstance(error, Exception):
                logger.error("cache_recovered receiver %r failed: %r", receiver, error)

    def _unavailable(self, miss, error: Exception | None, now: float):
        self._health.failed(error, now)
        if self._raise:
            raise CacheUnavailable(self._health.location) from error
        return miss

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._call(super().incr, _MISSING, key, delta, version)
        if result is _MISSING:
            raise ValueError(f"Key '{key}' not found: the cache is unreachable.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
