"""Turn environment variables into Django settings.

Kept apart from ``base.py`` as plain functions so tests can check how each
variable resolves without reloading the settings module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


def database_settings(database_url: str | None, sqlite_path: Path) -> dict[str, Any]:
    """``DATABASE_URL`` when given, otherwise a SQLite file (the demo needs no services)."""
    if database_url:
        config = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path)}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the dev server read while a seed or a task writes.
        config["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}
    return config


def replica_database_settings(replica_url: str | None) -> dict[str, Any] | None:
    """The streaming replica named by ``DATABASE_REPLICA_URL``, or None without it.

    Tests never create a database on it (a replica is read-only): the test runner points it
    at the primary's test database (``MIRROR``); ``tests/foundation/test_replica_streaming.py``
    turns it to the real replica, which streams that database from the primary.
    """
    if not replica_url:
        return None
    config = dj_database_url.parse(replica_url, conn_max_age=60, conn_health_checks=True)
    config["TEST"] = {"MIRROR": "default"}
    return config


def cache_settings(redis_url: str | None, key_prefix: str = "bina") -> dict[str, Any]:
    """Redis when ``REDIS_URL`` is set; otherwise process-local memory.

    Two aliases on the same store: ``default`` answers a miss when Redis is down
    (``foundation.cache.ResilientRedisCache``), ``strict`` raises
    ``foundation.cache.CacheUnavailable`` for callers that have a fallback of their own
    (login throttling).

    Wagtail writes every rendition it hands out back to the "renditions" cache, on every
    call, even when the page prefetched it: in Redis that was five network writes per
    article view. Process memory makes the write free; pages prefetch their renditions, so
    this cache only spares the query for images inside StreamField bodies.
    """
    if redis_url:
        default = {
            "BACKEND": "foundation.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            "TIMEOUT": 300,
            # A Redis that does not answer costs one call this long, then the breaker
            # skips it (BINA_CACHE_RETRY_SECONDS); redis-py's default is to wait forever.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    else:
        default = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": key_prefix,
        }
    renditions = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"{key_prefix}-renditions",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
    return {
        "default": default,
        "strict": {**default, "RAISE_WHEN_UNREACHABLE": True},
        "renditions": renditions,
    }


def celery_settings(redis_url: str | None) -> dict[str, Any]:
    """Redis as broker and result backend, or eager in-process execution without it."""
    if redis_url:
        return {
            "CELERY_BROKER_URL": redis_url,
            "CELERY_RESULT_BACKEND": redis_url,
            "CELERY_TASK_ALWAYS_EAGER": False,
        }
    return {
        # With a host: kombu warns "No hostname was supplied" for a bare "memory://".
        "CELERY_BROKER_URL": "memory://localhost/",
        "CELERY_RESULT_BACKEND": "cache+memory://",
        "CELERY_TASK_ALWAYS_EAGER": True,
        # Eager tasks raise like plain calls, so errors are never silently swallowed.
        "CELERY_TASK_EAGER_PROPAGATES": True,
    }
