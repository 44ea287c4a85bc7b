from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Akun")


class BinaUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the NIP and display name on its forms."""

    user_viewset = "accounts.viewsets.UserViewSet"
