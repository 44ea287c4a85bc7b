"""Reads of read-only pages from a PostgreSQL streaming replica, with read-your-writes.

Active only when ``DATABASE_REPLICA_URL`` gives a ``replica`` database alias (settings add
``ReplicaRouter`` and the alias together); without it every query goes to ``default`` and
``ReplicaMiddleware`` returns at once.

Reads go to the replica only where asked for, never by default:
- a view named in ``BINA_REPLICA_VIEWS`` (GET/HEAD; ``BINA_REPLICA_ANONYMOUS_VIEWS`` only
  for visitors who are not logged in, e.g. Wagtail's page serving), chosen by the middleware;
- a block or function under ``use_replica()`` (an export or report service).

Even there a read stays on the primary when:
- the request is not GET/HEAD, or its client wrote less than
  ``BINA_READ_YOUR_WRITES_SECONDS`` ago (a signed cookie set on every response to a
  non-GET request and to a logged-in GET that wrote): someone who just saved sees it;
- this request or block has already asked for a write connection (a write, or a read made
  for a write: ``select_for_update``, ``get_or_create``);
- the primary is inside a transaction (it may have written, and its snapshot is the truth).

Writes always go to the primary and migrations run only there. Sessions are read from the
primary too (a fresh login must find its session).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ContextDecorator, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
COOKIE = "bina_primary"
_COOKIE_SALT = "foundation.replica"
_SAFE_METHODS = frozenset({"GET", "HEAD"})
# Apps whose rows are read right after being written by another request.
_PRIMARY_ONLY_APPS = frozenset({"sessions"})


@dataclass
class _Routing:
    """Where this request's (or block's) reads may go."""

    pinned: bool = False  # recent write by this client, or an unsafe method
    wrote: bool = False  # a write connection was asked for
    replica_depth: int = 0  # > 0 while inside use_replica() or an allow-listed view


_routing: ContextVar[_Routing | None] = ContextVar("bina_db_routing", default=None)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def reads_from_replica() -> bool:
    """True when a read made now, without ``using``, would go to the replica."""
    state = _routing.get()
    if state is None or state.replica_depth == 0 or state.pinned or state.wrote:
        return False
    return not connections[DEFAULT_DB_ALIAS].in_atomic_block


class use_replica(ContextDecorator):
    """Let reads in this block (or function) go to the replica, within the rules above."""

    def __enter__(self) -> use_replica:
        state = _routing.get()
        self._token = None
        if state is None:
            state = _Routing()
            self._token = _routing.set(state)
        state.replica_depth += 1
        self._state = state
        return self

    def __exit__(self, *exc: object) -> None:
        self._state.replica_depth -= 1
        if self._token is not None:
            _routing.reset(self._token)


@contextmanager
def request_routing(*, pinned: bool) -> Iterator[_Routing]:
    """One routing state for a request (the middleware; tests of the router)."""
    state = _Routing(pinned=pinned)
    token = _routing.set(state)
    try:
        yield state
    finally:
        _routing.reset(token)


class ReplicaRouter:
    """Django database router: see the module docstring."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if model._meta.app_label not in _PRIMARY_ONLY_APPS and reads_from_replica():
            return REPLICA
        # Explicitly the primary: Django would otherwise follow an instance hint back to the
        # replica it was read from, after this request wrote.
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        state = _routing.get()
        if state is not None:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary.
        same_data = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in same_data and obj2._state.db in same_data:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None


def _recently_wrote(request: Any) -> bool:
    stamp = request.get_signed_cookie(
        COOKIE, default=None, salt=_COOKIE_SALT, max_age=settings.BINA_READ_YOUR_WRITES_SECONDS
    )
    return stamp is not None


def _logged_in(request: Any) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _view_may_use_replica(request: Any) -> bool:
    match = request.resolver_match
    if match is None or request.method not in _SAFE_METHODS:
        return False
    if match.view_name in settings.BINA_REPLICA_VIEWS:
        return True
    if match.view_name in settings.BINA_REPLICA_ANONYMOUS_VIEWS:
        return not _logged_in(request)
    return False


class ReplicaMiddleware:
    """Chooses, per request, whether the view's reads may go to the replica.

    Placed after the authentication middleware (anonymous-only views check the user).
    """

    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        if not replica_configured():
            return self.get_response(request)
        unsafe = request.method not in _SAFE_METHODS
        with request_routing(pinned=unsafe or _recently_wrote(request)) as state:
            response = self.get_response(request)
        # A GET that wrote pins only a logged-in user: an anonymous visitor's cookie would
        # keep the page out of the page cache.
        if unsafe or (state.wrote and _logged_in(request)):
            response.set_signed_cookie(
                COOKIE,
                "1",
                salt=_COOKIE_SALT,
                max_age=settings.BINA_READ_YOUR_WRITES_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request: Any, view_func: Any, args: Any, kwargs: Any) -> None:
        state = _routing.get()
        if state is not None and not state.pinned and _view_may_use_replica(request):
            # Left raised until the response is made: the template renders inside it.
            state.replica_depth += 1
        return None
