"""The replica router's decisions, with or without a replica running.

The middleware is driven through Django's real resolver and signed cookies; instead of
querying, the view records where the router would send a read. The real streaming replica
is exercised in ``test_replica_streaming.py``.
"""

import time

import pytest

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.core import signing
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve

from accounts.models import User
from foundation.replica import (
    COOKIE,
    ReplicaMiddleware,
    ReplicaRouter,
    request_routing,
    use_replica,
)

router = ReplicaRouter()


def test_reads_stay_on_the_primary_unless_asked():
    assert router.db_for_read(User) == "default"
    with use_replica():
        assert router.db_for_read(User) == "replica"
    assert router.db_for_read(User) == "default"


def test_writes_go_to_the_primary_and_pin_the_rest_of_the_block():
    with use_replica():
        assert router.db_for_write(User) == "default"
        # Read-your-writes within the block: the row just written is not on the replica yet.
        assert router.db_for_read(User) == "default"
    with use_replica():
        assert router.db_for_read(User) == "replica"  # a new block starts clean


def test_a_pinned_request_reads_the_primary_even_under_use_replica():
    with request_routing(pinned=True), use_replica():
        assert router.db_for_read(User) == "default"


def test_sessions_are_always_read_from_the_primary():
    with use_replica():
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(User) == "replica"


@pytest.mark.django_db
def test_inside_a_transaction_reads_stay_on_the_primary():
    # The test runs inside a transaction on the primary, as a request's atomic block would;
    # outside one the same block reads the replica (the tests above).
    with use_replica():
        with transaction.atomic():
            assert router.db_for_read(User) == "default"
        assert router.db_for_read(User) == "default"


def test_migrations_only_on_the_primary():
    assert router.allow_migrate("replica", "accounts") is False
    assert router.allow_migrate("default", "accounts") is None


def test_rows_from_the_replica_and_the_primary_may_be_related():
    from_replica, from_primary, elsewhere = User(), User(), User()
    from_replica._state.db, from_primary._state.db, elsewhere._state.db = (
        "replica",
        "default",
        "other",
    )
    assert router.allow_relation(from_replica, from_primary) is True
    assert router.allow_relation(from_replica, elsewhere) is None


# --- The middleware: which views, which methods, read-your-writes -------------------------


@pytest.fixture
def replica_alias(settings, monkeypatch):
    """The middleware acts only when a replica alias is configured; no query is made."""
    monkeypatch.setitem(settings.DATABASES, "replica", dict(settings.DATABASES["default"]))
    settings.BINA_READ_YOUR_WRITES_SECONDS = 10


def _serve(request, *, user=None):
    """Run ``request`` through the middleware the way Django's handler does, recording
    where the view's reads would go and whether it wrote."""
    seen = {}
    request.resolver_match = resolve(request.path_info)
    request.user = user or AnonymousUser()

    def view(request):
        seen["read"] = router.db_for_read(User)
        if request.GET.get("tulis"):
            router.db_for_write(User)
            seen["after_write"] = router.db_for_read(User)
        return HttpResponse("ok")

    def handler(request):
        middleware.process_view(request, view, (), {})
        return view(request)

    middleware = ReplicaMiddleware(handler)
    response = middleware(request)
    return seen, response


def test_an_allow_listed_dashboard_reads_the_replica(replica_alias, rf: RequestFactory):
    seen, response = _serve(rf.get("/belajar-saya/"), user=User(pk=1))
    assert seen["read"] == "replica"
    assert COOKIE not in response.cookies


def test_other_views_and_unsafe_methods_read_the_primary(replica_alias, rf: RequestFactory):
    assert _serve(rf.get("/belajar-saya/catatan/tambah/"), user=User(pk=1))[0]["read"] == "default"
    assert _serve(rf.post("/belajar-saya/"), user=User(pk=1))[0]["read"] == "default"


def test_public_pages_use_the_replica_only_for_visitors(replica_alias, rf: RequestFactory):
    assert _serve(rf.get("/artikel/apa-saja/"))[0]["read"] == "replica"
    assert _serve(rf.get("/artikel/apa-saja/"), user=User(pk=1))[0]["read"] == "default"


def test_a_write_pins_the_client_to_the_primary_until_the_window_ends(
    replica_alias, rf: RequestFactory, monkeypatch
):
    user = User(pk=1)
    _, response = _serve(rf.post("/belajar-saya/catatan/tambah/"), user=user)
    cookie = response.cookies[COOKIE]
    assert cookie["max-age"] == 10 and cookie["httponly"]

    request = rf.get("/belajar-saya/")
    request.COOKIES[COOKIE] = cookie.value
    assert _serve(request, user=user)[0]["read"] == "default"

    # Eleven seconds later the same cookie no longer pins (its signature carries the time).
    later = time.time() + 11
    monkeypatch.setattr(signing.time, "time", lambda: later)
    request = rf.get("/belajar-saya/")
    request.COOKIES[COOKIE] = cookie.value
    assert _serve(request, user=user)[0]["read"] == "replica"


def test_a_forged_cookie_does_not_pin(replica_alias, rf: RequestFactory):
    request = rf.get("/belajar-saya/")
    request.COOKIES[COOKIE] = "1:forged:signature"
    assert _serve(request, user=User(pk=1))[0]["read"] == "replica"


def test_a_get_that_wrote_pins_a_logged_in_user_but_not_a_visitor(
    replica_alias, rf: RequestFactory
):
    seen, response = _serve(rf.get("/belajar-saya/", {"tulis": "1"}), user=User(pk=1))
    assert (seen["read"], seen["after_write"]) == ("replica", "default")
    assert COOKIE in response.cookies
    # A visitor's cookie would keep the page out of the anonymous page cache.
    _, response = _serve(rf.get("/artikel/apa-saja/", {"tulis": "1"}))
    assert COOKIE not in response.cookies


def test_without_a_replica_the_middleware_changes_nothing(
    rf: RequestFactory, settings, monkeypatch
):
    monkeypatch.delitem(settings.DATABASES, "replica", raising=False)
    seen, response = _serve(rf.post("/belajar-saya/"), user=User(pk=1))
    assert seen["read"] == "default"
    assert COOKIE not in response.cookies
