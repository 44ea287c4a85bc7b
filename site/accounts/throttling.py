"""Login throttling per account and per client address.

Counters live in the cache (Redis in production, shared by every web process) in fixed
windows that start at the first failure. The account key is a keyed digest of the
normalised identifier, so the counter follows the person whichever way they type their
NIP. The client address is REMOTE_ADDR; X-Forwarded-For is read only when
BINA_TRUSTED_PROXIES says how many proxies in front of us append to it, and then only
the entry our own proxy wrote, so a forged header cannot reset or dodge the counter.

When Redis cannot be reached the throttle neither fails open (brute force unhindered for
as long as Redis is down) nor closed (nobody can sign in): it counts the failed sign-ins
that ``AuthEvent`` recorded in the window instead (:mod:`accounts.failed_logins`), with
the same limits. The cache is used through the ``strict`` alias, which raises
``CacheUnavailable`` rather than answering "no failures" like the default alias would.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac

from foundation.cache import STRICT_ALIAS, CacheUnavailable

from . import failed_logins
from .nip import normalize_nip


@dataclass(frozen=True)
class Limit:
    attempts: int
    window_seconds: int


def account_limit() -> Limit:
    return Limit(settings.BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT, settings.BINA_LOGIN_WINDOW_SECONDS)


def address_limit() -> Limit:
    return Limit(settings.BINA_LOGIN_MAX_FAILURES_PER_ADDRESS, settings.BINA_LOGIN_WINDOW_SECONDS)


def client_address(request) -> str:
    if request is None:
        return "unknown"
    proxies = settings.BINA_TRUSTED_PROXIES
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _normalised(identifier: str) -> str:
    identifier = (identifier or "").strip().lower()
    if identifier.replace(" ", "").isdigit():
        identifier = normalize_nip(identifier)
    return identifier


def account_digest(identifier: str) -> str:
    """Keyed with SECRET_KEY: neither Redis nor the AuthEvent table holds a bare NIP hash."""
    normalised = _normalised(identifier)
    return salted_hmac("accounts.throttling", normalised, algorithm="sha256").hexdigest()[:32]


def _account_key(identifier: str) -> str:
    return f"login-fail:acct:{account_digest(identifier)}"


def _address_key(request) -> str:
    return f"login-fail:addr:{client_address(request)}"


def _cache():
    return caches[STRICT_ALIAS]


def _failure_counts(request, identifier: str) -> failed_logins.FailureCounts:
    account_key, address_key = _account_key(identifier), _address_key(request)
    try:
        found = _cache().get_many([account_key, address_key])
    except CacheUnavailable:
        return failed_logins.recent_failures(
            identifier=identifier,
            account_digest=account_digest(identifier),
            address=client_address(request),
            window_seconds=account_limit().window_seconds,
        )
    return failed_logins.FailureCounts(found.get(account_key, 0), found.get(address_key, 0))


def is_locked(request, identifier: str) -> bool:
    counts = _failure_counts(request, identifier)
    return counts.account >= account_limit().attempts or (
        counts.address >= address_limit().attempts
    )


def _increment(key: str, window: int) -> None:
    cache = _cache()
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)


def record_failure(request, identifier: str) -> None:
    # Without Redis the AuthEvent row written for this failure is what the database counts.
    with contextlib.suppress(CacheUnavailable):
        _increment(_account_key(identifier), account_limit().window_seconds)
        _increment(_address_key(request), address_limit().window_seconds)


def clear_account(identifier: str) -> None:
    """A successful login clears the account's counter, not the address's."""
    # Without Redis the database counts only failures after the last successful sign-in.
    with contextlib.suppress(CacheUnavailable):
        _cache().delete(_account_key(identifier))
