from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from . import throttling
from .selectors import find_user_by_login


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
