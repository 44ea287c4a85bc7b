"""A private Redis and restartable Celery workers for the fault tests.

The shared Redis is never touched: each test that kills or stops something gets its own
``redis-server`` on a free port (no persistence, in a temp dir), and this process's Celery
app and the workers talk to it. The workers are real ``celery -A bina worker`` processes
against the test database, started in their own process group so ``kill -9`` takes the
main process and its pool child at once, as a crashed machine would. They run with the
production broker settings (visibility timeout of an hour included).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from kombu import Connection

from django.conf import settings as django_settings
from django.db import connection

from bina.celery import app as celery_app
from bina.settings.environment import cache_settings
from tests.conftest import ROOT, _database_url_for_test_db, _wait_for_worker


def require_services() -> None:
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL tidak diset: tes gangguan Celery/Redis butuh Redis dan worker nyata")
    if connection.vendor != "postgresql":
        pytest.skip("Tes gangguan Celery/Redis butuh PostgreSQL (basis data bersama dengan worker)")
    require_redis_server()


def require_redis_server() -> None:
    if not shutil.which("redis-server"):
        pytest.skip("redis-server tidak ada: tes gangguan butuh Redis sekali pakai")


def free_port() -> int:
    """A port nothing listens on once this returns: a Redis that is down (refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A throwaway redis-server that a test may stop and start again on the same port."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.directory),
            "--logfile",
            str(self.directory / "redis.log"),
        ]
        self.process = subprocess.Popen(command)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("redis-server sekali pakai tidak siap")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        """SIGSTOP: connections are still accepted but nothing answers (a network cut)."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


def use_cache_at(settings, url: str) -> None:
    """Point Django's cache aliases (not Celery) at ``url``, with this test's own keys."""
    settings.CACHES = cache_settings(url, key_prefix=f"outage-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def dead_cache(settings):
    """The cache's Redis refuses every connection; it is tried again on every call."""
    settings.BINA_CACHE_RETRY_SECONDS = 0
    use_cache_at(settings, f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def cache_redis(settings, tmp_path):
    """A private redis-server as the cache only (Celery stays eager): stop, freeze, restart."""
    require_redis_server()
    redis = PrivateRedis(tmp_path)
    redis.start()
    settings.BINA_CACHE_RETRY_SECONDS = 0
    use_cache_at(settings, redis.url)
    try:
        yield redis
    finally:
        if redis.process and redis.process.poll() is None:
            redis.thaw()
        redis.stop()


@pytest.fixture
def private_redis(tmp_path):
    require_services()
    redis = PrivateRedis(tmp_path)
    redis.start()
    conf = celery_app.conf
    saved = (conf.broker_url, conf.result_backend, conf.task_always_eager)
    conf.broker_url = conf.result_backend = redis.url
    conf.task_always_eager = False
    celery_app._after_fork()  # drop pooled connections to the shared Redis
    try:
        yield redis
    finally:
        conf.broker_url, conf.result_backend, conf.task_always_eager = saved
        celery_app._after_fork()
        redis.stop()


# Whatever the calling shell says, the workers run with the production values of these.
PRODUCTION_ONLY = (
    "CELERY_VISIBILITY_TIMEOUT",
    "CELERY_UNACKED_RESTORE_INTERVAL",
    "CELERY_UNACKED_RESTORE_THROTTLE",
    "BINA_IMPORT_STALE_SECONDS",
    "BINA_OUTBOX_RUNNING_GRACE_SECONDS",
)


class Workers:
    """Start, kill -9 and restart real Celery workers on the private Redis."""

    def __init__(self, redis: PrivateRedis, var_dir: Path):
        self.queue = django_settings.CELERY_TASK_DEFAULT_QUEUE
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bina.settings.test",
            "DATABASE_URL": _database_url_for_test_db(),
            "REDIS_URL": redis.url,
            "CELERY_TEST_QUEUE": self.queue,
            "BINA_VAR_DIR": str(var_dir),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        }
        for name in PRODUCTION_ONLY:
            self.env.pop(name, None)
        self.processes: list[subprocess.Popen] = []
        self.started = 0

    def start(self) -> subprocess.Popen:
        self.started += 1
        node = f"{self.queue}-{self.started}@localhost"
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
        process = subprocess.Popen(command, env=self.env, cwd=ROOT, start_new_session=True)
        self.processes.append(process)
        _wait_for_worker(node, process, timeout=60)
        return process

    def kill_all(self, process: subprocess.Popen) -> None:
        """kill -9 the worker and its pool child at once (a crashed machine)."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def kill_pool_child(self, process: subprocess.Popen) -> None:
        """kill -9 only the pool process running the task (OOM killer, segfault)."""
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        for pid in children:
            os.kill(int(pid), signal.SIGKILL)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)


@pytest.fixture
def workers(private_redis, transactional_db, django_db_serialized_rollback, tmp_path, settings):
    """Workers share files with this process: both use ``tmp_path`` as their var dir."""
    connection.close()  # a worker must not inherit a connection mid-transaction
    settings.MEDIA_ROOT = tmp_path / "test-media"  # what bina.settings.test makes of it
    pool = Workers(private_redis, tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


def redeliver_unacked(redis: PrivateRedis) -> None:
    """What the broker does once the visibility timeout (an hour) has passed: put every
    message a dead worker took and never acknowledged back in its queue."""
    with Connection(redis.url, transport_options={"visibility_timeout": 0}) as broker:
        broker.default_channel.qos.restore_visible(num=1000)


def wait_until(condition, *, timeout: float, interval: float = 0.2, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"tidak terpenuhi dalam {timeout} detik: {what}")
