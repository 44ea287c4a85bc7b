"""One runner per import job, and whether one is alive, through a PostgreSQL advisory lock.

The lock is a session lock: it is freed when the runner leaves, or when its connection dies
with it (a worker killed with ``kill -9`` closes its socket at once; for a machine that
vanishes, the keepalives set here make PostgreSQL drop the connection within a minute).
Elsewhere (SQLite: dev, demo, the eager test run) there are no concurrent workers and
every caller may run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# pg_try_advisory_lock(IMPORT_LOCK_CLASS, job id)
IMPORT_LOCK_CLASS = 7301
# Server-side TCP keepalives for the runner's session (idle 30 s, then 3 probes 10 s apart),
# set in the statement that takes the lock.
KEEPALIVES = (
    "set_config('tcp_keepalives_idle', '30', false), "
    "set_config('tcp_keepalives_interval', '10', false), "
    "set_config('tcp_keepalives_count', '3', false)"
)


def _key(job_id: int) -> list[int]:
    return [IMPORT_LOCK_CLASS, job_id % 2**31]


def _try_lock(job_id: int, *, keepalives: bool = False) -> bool:
    extra = f", {KEEPALIVES}" if keepalives else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_try_advisory_lock(%s, %s){extra}", _key(job_id))
        return bool(cursor.fetchone()[0])


def _unlock(job_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _key(job_id))


@contextmanager
def single_runner(job_id: int) -> Iterator[bool]:
    """Yield whether this process may run the job. A broker redelivering a long task, or
    the recovery sweep queueing it again, then cannot have it run twice at once."""
    if connection.vendor != "postgresql":
        yield True
        return
    mine = _try_lock(job_id, keepalives=True)
    try:
        yield mine
    finally:
        if mine:
            _unlock(job_id)


def runner_alive(job_id: int) -> bool:
    """Whether some session runs the job now. Only PostgreSQL can tell; elsewhere False,
    and the heartbeat alone decides."""
    if connection.vendor != "postgresql":
        return False
    if not _try_lock(job_id):
        return True
    _unlock(job_id)
    return False
