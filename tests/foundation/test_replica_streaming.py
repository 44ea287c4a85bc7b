"""The router against a real PostgreSQL streaming replica (``bash .ci/replica start``).

Run with ``DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:5433/<database>``. The test
database is created on the primary; the replica streams it like everything else, so this
module points the ``replica`` alias (a MIRROR of the primary while the database is set
up) at the replica's host and port. Without the variable the module is skipped; with a
variable naming the primary itself (no replica could be started) the routing is still
checked through the second alias, and the recovery checks are skipped.
"""

import os
import time

import dj_database_url
import pytest

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from foundation.replica import COOKIE, use_replica
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_REPLICA_URL"),
        reason="DATABASE_REPLICA_URL tidak diset: replika streaming tidak diuji",
    ),
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
]


@pytest.fixture(autouse=True)
def replica():
    """The ``replica`` connection, on the replica server, reading the test database."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("Replika streaming butuh PostgreSQL")
    target = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    conn = connections["replica"]
    saved = conn.settings_dict
    conn.close()
    conn.settings_dict = {**saved, "HOST": target["HOST"], "PORT": target["PORT"]}
    try:
        yield conn
    finally:
        conn.close()
        conn.settings_dict = saved


def _in_recovery(conn) -> bool:
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


def _caught_up(replica, timeout: float = 15) -> None:
    """Wait until the replica has replayed everything the primary committed so far."""
    if not _in_recovery(replica):
        return  # the "replica" is the primary itself
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise TimeoutError("replika tertinggal lebih dari 15 detik")


def test_the_replica_alias_is_a_streaming_standby(replica):
    if not _in_recovery(replica):
        # CI starts a real one (.ci/replica) and says so: there this is a failure.
        assert not os.environ.get("BINA_EXPECT_REAL_REPLICA"), "replika bukan standby"
        pytest.skip("DATABASE_REPLICA_URL menunjuk primary: bukan replika nyata")
    with replica.cursor() as cursor:
        cursor.execute("SELECT status FROM pg_stat_wal_receiver")
        assert cursor.fetchone()[0] == "streaming"
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == connections["default"].settings_dict["NAME"]


def test_a_dashboard_reads_from_the_replica(client, replica):
    user = UserFactory()
    client.force_login(user)
    _caught_up(replica)
    with (
        CaptureQueriesContext(replica) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(reverse("learning:belajar_saya"))
    assert response.status_code == 200
    assert len(on_replica) > 0
    # The session is the one read the primary answers (a fresh login must find it).
    assert all("django_session" in q["sql"] for q in on_primary), on_primary.captured_queries
    assert COOKIE not in response.cookies


def test_after_a_write_the_client_reads_the_primary_then_the_replica_again(
    client, replica, monkeypatch
):
    user = UserFactory()
    client.force_login(user)
    _caught_up(replica)
    # Any POST counts as a write (this one is an invalid form: nothing saved).
    response = client.post(reverse("learning:record_add"), {})
    assert COOKIE in response.cookies
    with CaptureQueriesContext(replica) as on_replica:
        assert client.get(reverse("learning:belajar_saya")).status_code == 200
    assert len(on_replica) == 0

    later = time.time() + settings.BINA_READ_YOUR_WRITES_SECONDS + 1
    monkeypatch.setattr(signing.time, "time", lambda: later)
    with CaptureQueriesContext(replica) as on_replica:
        assert client.get(reverse("learning:belajar_saya")).status_code == 200
    assert len(on_replica) > 0


def test_writes_under_use_replica_go_to_the_primary_and_are_read_back_there(replica):
    with use_replica():
        with CaptureQueriesContext(replica) as on_replica:
            assert not User.objects.filter(username="baru-ditulis").exists()
        assert len(on_replica) == 1
        user = UserFactory(username="baru-ditulis")  # an INSERT on a standby would raise
        with CaptureQueriesContext(replica) as on_replica:
            # Read-your-writes: straight after the write, before the replica replays it.
            assert User.objects.filter(pk=user.pk).exists()
        assert len(on_replica) == 0
    assert not Session.objects.exists()
