"""Login throttling per account and per client address.

Counters live in the cache (Redis in production, shared by every web process) in fixed
windows that start at the first failure. The identifier typed is resolved to the account
first and the counter is the account's: its NIP, e-mail and username (in any case, with
any spacing) share one count, so five failures by NIP also lock sign-in by e-mail. An
identifier that names no account is counted by itself (normalised), so it locks after
the same number of failures with the same message: the lock reveals no account. The
client address is REMOTE_ADDR; X-Forwarded-For is read only when
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
from .selectors import users_by_login


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


@dataclass(frozen=True)
class Account:
    """Whom a typed identifier names, for counting: the account, or the identifier alone."""

    digest: str
    user_id: int | None


def _keyed(salt: str, value: str) -> str:
    """Keyed with SECRET_KEY: neither Redis nor the AuthEvent table holds a bare NIP hash."""
    return salted_hmac(salt, value, algorithm="sha256").hexdigest()[:32]


def identifier_digest(identifier: str) -> str:
    return _keyed("accounts.throttling", _normalised(identifier))


def user_digest(user_id: int) -> str:
    # A salt of its own: no identifier anyone can type digests to an account's key.
    return _keyed("accounts.throttling.user", str(user_id))


def resolve(request, identifier: str) -> Account:
    """The account ``identifier`` names; one query, remembered for the rest of the request
    (the form, the backend and the failure receiver all ask)."""
    memo = request.__dict__.setdefault("_bina_login_accounts", {}) if request else {}
    if identifier not in memo:
        user_id = users_by_login(identifier).values_list("pk", flat=True).first()
        digest = identifier_digest(identifier) if user_id is None else user_digest(user_id)
        memo[identifier] = Account(digest, user_id)
    return memo[identifier]


def account_digest(request, identifier: str) -> str:
    return resolve(request, identifier).digest


def digests_of(user) -> set[str]:
    """Every digest a user's failed sign-ins may carry: the account's, and those of its
    identifiers (rows written before failures were counted per account)."""
    identifiers = (user.nip, user.email, user.username)
    return {user_digest(user.pk)} | {identifier_digest(v) for v in identifiers if v}


def _account_key(digest: str) -> str:
    return f"login-fail:acct:{digest}"


def _address_key(request) -> str:
    return f"login-fail:addr:{client_address(request)}"


def _cache():
    return caches[STRICT_ALIAS]


def _failure_counts(request, identifier: str) -> failed_logins.FailureCounts:
    account = resolve(request, identifier)
    account_key, address_key = _account_key(account.digest), _address_key(request)
    try:
        found = _cache().get_many([account_key, address_key])
    except CacheUnavailable:
        return failed_logins.recent_failures(
            user_id=account.user_id,
            account_digest=account.digest,
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
        account_key = _account_key(account_digest(request, identifier))
        _increment(account_key, account_limit().window_seconds)
        _increment(_address_key(request), address_limit().window_seconds)


def clear_account(user) -> None:
    """A successful login clears the account's counter, not the address's."""
    # Without Redis the database counts only failures after the last successful sign-in.
    with contextlib.suppress(CacheUnavailable):
        _cache().delete(_account_key(user_digest(user.pk)))
