from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from . import throttling
from .selectors import find_user_by_login

LOCKED_MESSAGE = _(
    "Terlalu banyak percobaan masuk yang gagal. Demi keamanan akun, coba lagi dalam "
    "%(minutes)d menit atau atur ulang kata sandi."
)


class ThrottledLoginMixin:
    """Say plainly when sign-in is refused by the throttle, instead of "wrong password"."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and throttling.is_locked(self.request, username):
            minutes = max(1, throttling.account_limit().window_seconds // 60)
            # Still counts as a failed attempt, for the audit trail.
            from django.contrib.auth.signals import user_login_failed

            user_login_failed.send(
                sender=__name__, credentials={"username": username}, request=self.request
            )
            raise forms.ValidationError(LOCKED_MESSAGE, code="locked", params={"minutes": minutes})
        return super().clean()


_PROFILE_FIELDS = ("nip", "display_name")


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
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


class AdminLoginForm(ThrottledLoginMixin, WagtailLoginForm):
    """Wagtail's admin sign-in, under the same throttle."""
