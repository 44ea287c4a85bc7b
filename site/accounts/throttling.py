"""Login throttling per account and per client address.

Counters live in the cache (Redis in production, shared by every web process) in fixed
windows that start at the first failure. The account key is a hash of the normalised
identifier, so the counter follows the person whichever way they type their NIP. The
client address is REMOTE_ADDR; X-Forwarded-For is read only when BINA_TRUSTED_PROXIES
says how many proxies in front of us append to it, and then only the entry our own proxy
wrote, so a forged header cannot reset or dodge the counter.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

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


def _account_key(identifier: str) -> str:
    digest = hashlib.sha256(_normalised(identifier).encode()).hexdigest()[:32]
    return f"login-fail:acct:{digest}"


def _address_key(request) -> str:
    return f"login-fail:addr:{client_address(request)}"


def _count(key: str) -> int:
    return cache.get(key, 0)


def is_locked(request, identifier: str) -> bool:
    return _count(_account_key(identifier)) >= account_limit().attempts or (
        _count(_address_key(request)) >= address_limit().attempts
    )


def _increment(key: str, window: int) -> None:
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)


def record_failure(request, identifier: str) -> None:
    _increment(_account_key(identifier), account_limit().window_seconds)
    _increment(_address_key(request), address_limit().window_seconds)


def clear_account(identifier: str) -> None:
    """A successful login clears the account's counter, not the address's."""
    cache.delete(_account_key(identifier))
