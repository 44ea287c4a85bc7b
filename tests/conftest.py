import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from django.conf import settings as django_settings
from django.db import connection

from bina.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_page_generation():
    """Page ids are reused between tests (rolled back), the cache is not: a new generation
    makes every cached page and fragment of an earlier test stale."""
    from portal.page_cache import invalidate_all

    invalidate_all()


def _database_url_for_test_db() -> str:
    db = connection.settings_dict
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture
def celery_worker(transactional_db, django_db_serialized_rollback):
    """A real Celery worker process consuming this test run's own queues on Redis (every
    kind: bina/settings/queues.py).

    Tasks sent while it runs go through the broker to that process, which works on
    the same test database. Skipped without REDIS_URL (a laptop with no services);
    CI always sets it.
    """
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL tidak diset: tes dengan worker Celery nyata dilewati")
    if connection.vendor != "postgresql":
        pytest.skip("Worker Celery nyata butuh basis data bersama (PostgreSQL)")
    connection.close()  # the worker must not inherit a connection mid-transaction
    queue = django_settings.CELERY_TASK_DEFAULT_QUEUE
    node = f"{queue}@localhost"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bina.settings.test",
        "DATABASE_URL": _database_url_for_test_db(),
        "CELERY_TEST_QUEUE": queue,
        # Files the test stores (uploads, PDFs) must be where the worker looks for them.
        "BINA_TEST_MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "bina",
        "worker",
        "-Q",
        ",".join(django_settings.BINA_CELERY_QUEUES),
        "-n",
        node,
        "--pool",
        "prefork",
        "--concurrency",
        "1",
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "WARNING",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    celery_app.conf.task_always_eager = False
    try:
        _wait_for_worker(node, process)
        yield process
    finally:
        celery_app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for_worker(node: str, process: subprocess.Popen, timeout: float = 90) -> None:
    # Generous: a worker boots in ~3 s alone, but much slower on a loaded 2-core machine.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Worker Celery berhenti dengan kode {process.returncode}")
        if celery_app.control.ping(destination=[node], timeout=0.5):
            return
    raise TimeoutError(f"Worker Celery tidak siap dalam {timeout:.0f} detik")
