"""Abuse control for the anonymous forms, without tracking anybody.

- **Rate limits** per client address and per service, in fixed windows in the cache. The
  address is stored only as a keyed hash (HMAC with SECRET_KEY, truncated) in a key that
  expires with its window: no table, no log, nothing that outlives the window.
- **Honeypot**: a field hidden from people (and from assistive technology) that bots fill.
- **Challenge**: a small sum in words ("tiga ditambah empat"), signed into the form so the
  server keeps no state; a signature older than ``CHALLENGE_MAX_AGE`` is refused.
- **Duplicates**: the same answer for the same service from the same address within
  ``DUPLICATE_WINDOW`` seconds is refused kindly (a double tap, a reload).

When the cache is down the limits are not enforced (the default cache alias answers misses):
the honeypot, the challenge and the duplicate check in the database still hold.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from accounts.throttling import client_address

CHALLENGE_SALT = "participation.challenge"
CHALLENGE_MAX_AGE = 60 * 60  # an hour to fill in the form
HONEYPOT_FIELD = "situs_web"

NUMBERS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def address_digest(request) -> str:
    """A keyed, truncated hash of the client address: a cache key, never stored elsewhere."""
    return salted_hmac("participation.address", client_address(request)).hexdigest()[:24]


def _hit(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _count(key: str) -> int:
    return cache.get(key, 0) or 0


def limit_reached(request, *, scope: str, target: str) -> bool:
    """Whether another submission now would break a limit (nothing is counted here)."""
    per_address = _setting("PARTICIPATION_MAX_PER_ADDRESS", 10)
    per_target = _setting("PARTICIPATION_MAX_PER_TARGET", 300)
    return (
        _count(f"participation:{scope}:addr:{address_digest(request)}") >= per_address
        or _count(f"participation:{scope}:target:{target}") >= per_target
    )


def count_submission(request, *, scope: str, target: str) -> None:
    window = _setting("PARTICIPATION_WINDOW_SECONDS", 3600)
    _hit(f"participation:{scope}:addr:{address_digest(request)}", window)
    _hit(f"participation:{scope}:target:{target}", window)


def is_duplicate(request, *, target: str, content: str) -> bool:
    """Record this submission; whether the same one came from the same address lately."""
    window = _setting("PARTICIPATION_DUPLICATE_SECONDS", 600)
    fingerprint = hashlib.sha256(f"{target}|{content}".encode()).hexdigest()[:24]
    key = f"participation:dup:{address_digest(request)}:{fingerprint}"
    return not cache.add(key, 1, timeout=window)


def challenge_new() -> tuple[str, str]:
    """A question in words and the signed token that carries its answer."""
    left, right = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    question = _("Berapa %(a)s ditambah %(b)s?") % {"a": NUMBERS[left], "b": NUMBERS[right]}
    token = signing.dumps({"s": left + right, "n": secrets.token_hex(4)}, salt=CHALLENGE_SALT)
    return question, token


def challenge_passed(token: str, answer: str) -> bool:
    try:
        data = signing.loads(token, salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
    except signing.BadSignature:
        return False
    answer = (answer or "").strip().lower()
    if answer in NUMBERS:
        answer = str(NUMBERS.index(answer))
    return answer.isdigit() and int(answer) == data.get("s")
