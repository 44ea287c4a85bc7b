from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .audit_source import sign_in_source
from .role_audit import ROLE_CHANGE


@hooks.register("register_audit_source")
def register_sign_in_audit_source():
    return sign_in_source()


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    actions.register_action(ROLE_CHANGE, _("Peran diubah"), _("Mengubah peran pengguna"))
