"""Pengembangan's registrations with Wagtail: admin screens and log-action labels."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .viewsets import PENGEMBANGAN_VIEWSETS


@hooks.register("register_admin_viewset")
def register_pengembangan_viewsets():
    return [viewset() for viewset in PENGEMBANGAN_VIEWSETS]


@hooks.register("register_log_actions")
def register_pengembangan_log_actions(actions):
    for action, label, message in (
        ("pengembangan.idp.create", _("IDP disusun"), _("Menyusun konsep rencana pengembangan")),
        ("pengembangan.idp.edit", _("IDP diubah"), _("Mengubah rencana pengembangan")),
        ("pengembangan.idp.submit", _("IDP diajukan"), _("Mengajukan rencana pengembangan")),
        ("pengembangan.idp.disetujui", _("IDP disetujui"), _("Menyetujui rencana pengembangan")),
        (
            "pengembangan.idp.dikembalikan",
            _("IDP dikembalikan"),
            _("Mengembalikan rencana pengembangan untuk diperbaiki"),
        ),
    ):
        actions.register_action(action, label, message)
