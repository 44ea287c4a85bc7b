"""Reads about accounts shared by sign-in, password reset and the throttle."""

from django.db.models import Q, QuerySet

from .models import User
from .nip import normalize_nip


def users_by_login(identifier: str) -> QuerySet[User]:
    """Users whose NIP, e-mail or username is ``identifier`` (at most one: all are unique)."""
    identifier = (identifier or "").strip()
    if not identifier:
        return User._default_manager.none()
    if "@" in identifier:
        lookup = Q(email__iexact=identifier)
    elif identifier.replace(" ", "").isdigit():
        lookup = Q(nip=normalize_nip(identifier))
    else:
        lookup = Q(username=identifier)
    return User._default_manager.filter(lookup)


def find_user_by_login(identifier: str) -> User | None:
    """The active-or-not user whose NIP, e-mail or username is ``identifier``, or None."""
    return users_by_login(identifier).first()
