from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from .backends import find_user_by_login

_PROFILE_FIELDS = ("nip", "display_name")


class LoginForm(AuthenticationForm):
    """Sign in with a NIP or an e-mail address."""

    username = forms.CharField(
        label=_("NIP atau e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "NIP/e-mail atau kata sandi salah. Periksa kembali; huruf besar dan kecil "
            "pada kata sandi dibedakan."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi pengelola kepegawaian unit Anda."),
    }


class NipOrEmailPasswordResetForm(PasswordResetForm):
    """Password reset by NIP or e-mail; the link always goes to the address on file."""

    email = forms.CharField(label=_("NIP atau e-mail"), max_length=254)

    def get_users(self, email):
        user = find_user_by_login(email)
        if user is None or not user.is_active or not user.email or not user.has_usable_password():
            return []
        return [user]


class NewPasswordForm(SetPasswordForm):
    """Django's form, in the words the rest of the site uses ("kata sandi")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")


class _ProfileFieldsMixin:
    """Name fields are optional here: pegawai carry their full name in ``display_name``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False


class WagtailUserCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(_PROFILE_FIELDS)


class WagtailUserEditForm(_ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(_PROFILE_FIELDS)
