from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # apps.py also holds BinaUsersConfig
    name = "accounts"
    verbose_name = _("Akun")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from . import auth_events  # noqa: F401 - connects the auth signal receivers
        from .role_audit import on_groups_changed

        m2m_changed.connect(
            on_groups_changed,
            sender=get_user_model().groups.through,
            dispatch_uid="accounts.role_audit.groups",
        )


class BinaUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the NIP and display name on its forms."""

    user_viewset = "accounts.viewsets.UserViewSet"
