from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from . import throttling
from .nip import normalize_nip


def find_user_by_login(identifier: str):
    """The active-or-not user whose NIP, e-mail or username is ``identifier``, or None."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    user_model = get_user_model()
    if "@" in identifier:
        lookup = Q(email__iexact=identifier)
    elif identifier.replace(" ", "").isdigit():
        lookup = Q(nip=normalize_nip(identifier))
    else:
        lookup = Q(username=identifier)
    return user_model._default_manager.filter(lookup).first()


class NipOrEmailBackend(ModelBackend):
    """Authenticate with a NIP, an e-mail address or (for staff accounts) a username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        if throttling.is_locked(request, username):
            # Refuse without checking the password, so guessing stays pointless.
            return None
        user = find_user_by_login(username)
        if user is None:
            # Spend the same time as a real check so response time does not reveal accounts.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
