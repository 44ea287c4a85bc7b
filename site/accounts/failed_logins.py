"""The database's count of recent failed sign-ins: the throttle's fallback without Redis.

Every failed sign-in is an ``AuthEvent`` row anyway, with the account's keyed digest and
the client address, so counting needs no extra write and starts with the failures made
while Redis was still up. Windows slide (the last ``window`` seconds) where the cache's
are fixed; an account's count starts again after its last successful sign-in, as the
cache's counter is cleared by one.
"""

from __future__ import annotations

import datetime
import ipaddress
from typing import NamedTuple

from django.db.models import Count, DateTimeField, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import AuthEvent


class FailureCounts(NamedTuple):
    account: int
    address: int


def _valid_address(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # "unknown": no address to count by
        return None


def recent_failures(
    *, user_id: int | None, account_digest: str, address: str, window_seconds: int
) -> FailureCounts:
    """Failed sign-ins in the last ``window_seconds``: for the account since its last
    successful sign-in, and from the client address. One query."""
    since = timezone.now() - datetime.timedelta(seconds=window_seconds)
    account_since: Value | Coalesce = Value(since, output_field=DateTimeField())
    if user_id is not None:
        last_success = AuthEvent.objects.filter(
            kind=AuthEvent.Kind.LOGIN, user_id=user_id, created_at__gte=since
        ).order_by("-created_at")
        account_since = Coalesce(Subquery(last_success.values("created_at")[:1]), account_since)
    counted = {
        "account": Count(
            "pk", filter=Q(account_digest=account_digest, created_at__gt=account_since)
        )
    }
    valid_address = _valid_address(address)
    if valid_address:
        counted["address"] = Count("pk", filter=Q(ip_address=valid_address))
    counts = AuthEvent.objects.filter(
        kind=AuthEvent.Kind.LOGIN_FAILED, created_at__gte=since
    ).aggregate(**counted)
    return FailureCounts(counts["account"], counts.get("address", 0))
