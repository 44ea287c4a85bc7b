import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NipNotInPasswordValidator:
    """Reject a password that contains the user's NIP or its birth-date part.

    Django's similarity validator compares whole strings, so "Budi198609262015051001!"
    slips through it; a NIP is printed on every SK and easy to learn.
    """

    def validate(self, password, user=None):
        nip = getattr(user, "nip", None) or ""
        if not nip:
            return
        digits = re.sub(r"\D", "", password)
        if nip in digits or nip[:8] in digits:
            raise ValidationError(
                _("Kata sandi tidak boleh memuat NIP atau tanggal lahir pada NIP Anda."),
                code="password_contains_nip",
            )

    def get_help_text(self):
        return _("Kata sandi tidak boleh memuat NIP atau tanggal lahir Anda.")
