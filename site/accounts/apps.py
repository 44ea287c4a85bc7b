from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # apps.py also holds BinaUsersConfig
    name = "accounts"
    verbose_name = _("Akun")

    def ready(self):
        from . import auth_events  # noqa: F401 - connects the auth signal receivers


class BinaUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the NIP and display name on its forms."""

    user_viewset = "accounts.viewsets.UserViewSet"
