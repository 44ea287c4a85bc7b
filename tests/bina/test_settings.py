"""How the environment becomes settings: SQLite or PostgreSQL, eager Celery or Redis."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bina.settings.environment import cache_settings, celery_settings, database_settings

ROOT = Path(__file__).resolve().parents[2]
# Variables the test process may carry (the browser tests set the async one) that a
# deployment never has.
TEST_ONLY_ENV = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV}


def test_database_defaults_to_a_sqlite_file(tmp_path):
    config = database_settings(None, tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


def test_database_url_selects_postgresql(tmp_path):
    config = database_settings("postgres://bina:rahasia@db.internal:6432/bina", tmp_path / "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 6432, "bina")
    assert config["USER"] == "bina"
    assert config["CONN_HEALTH_CHECKS"] is True


def test_without_redis_celery_is_eager_and_cache_is_local():
    assert celery_settings(None)["CELERY_TASK_ALWAYS_EAGER"] is True
    assert celery_settings(None)["CELERY_TASK_EAGER_PROPAGATES"] is True
    assert cache_settings(None)["default"]["BACKEND"].endswith("LocMemCache")


def test_without_redis_the_memory_broker_logs_no_warning(caplog):
    """`make demo` needs no services: its in-memory broker URL names a host, so kombu
    does not warn "No hostname was supplied" when Celery describes the connection."""
    from kombu import Connection

    caplog.set_level(logging.WARNING)
    Connection(celery_settings(None)["CELERY_BROKER_URL"]).as_uri()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_with_redis_celery_and_cache_use_it():
    url = "redis://127.0.0.1:6379/4"
    celery = celery_settings(url)
    assert celery["CELERY_TASK_ALWAYS_EAGER"] is False
    assert celery["CELERY_BROKER_URL"] == url
    assert celery["CELERY_RESULT_BACKEND"] == url
    caches = cache_settings(url)
    assert caches["default"]["BACKEND"] == "foundation.cache.ResilientRedisCache"
    assert caches["default"]["LOCATION"] == caches["strict"]["LOCATION"] == url
    # A Redis that does not answer must not hold a request for ever (redis-py's default).
    assert caches["default"]["OPTIONS"]["socket_timeout"] <= 1
    assert caches["strict"]["RAISE_WHEN_UNREACHABLE"] is True
    assert not caches["default"].get("RAISE_WHEN_UNREACHABLE")
    assert caches["renditions"]["BACKEND"].endswith("LocMemCache")


def test_sessions_do_not_live_in_the_cache(settings):
    """A Redis outage must not sign everybody out: sessions are in the database."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def _settings_in_subprocess(module: str, **env: str) -> dict:
    script = (
        "import json, django; from django.conf import settings as s; django.setup();"
        "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'],"
        " 'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL,"
        " 'cache': s.CACHES['default']['BACKEND'], 'lang': s.LANGUAGE_CODE,"
        " 'tz': s.TIME_ZONE, 'languages': [c for c, _ in s.LANGUAGES]}))"
    )
    clean = clean_environ()
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SETTINGS_MODULE": module, "PYTHONPATH": "site:.", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_dev_settings_without_services(tmp_path):
    resolved = _settings_in_subprocess("bina.settings.dev", BINA_VAR_DIR=str(tmp_path))
    assert resolved["engine"] == "django.db.backends.sqlite3"
    assert resolved["eager"] is True
    assert resolved["cache"].endswith("LocMemCache")
    assert resolved["lang"] == "id"
    assert resolved["languages"] == ["id", "en"]
    assert resolved["tz"] == "Asia/Jakarta"


def test_dev_settings_with_services(tmp_path):
    resolved = _settings_in_subprocess(
        "bina.settings.dev",
        BINA_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/bina",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert resolved["engine"] == "django.db.backends.postgresql"
    assert resolved["eager"] is False
    assert resolved["broker"] == "redis://127.0.0.1:6379/0"
    assert resolved["cache"].endswith("RedisCache")


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "bina.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-only-" + "x" * 10,
    "ALLOWED_HOSTS": "bina.example.go.id",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/bina",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "PYTHONPATH": "site:.",
}


def test_production_passes_check_deploy_with_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean_environ(), **PRODUCTION_ENV},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {**clean_environ(), **PRODUCTION_ENV}
    env.pop(missing)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert missing in result.stderr
