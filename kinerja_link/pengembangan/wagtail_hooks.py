"""Pengembangan's registrations with Wagtail: admin screens and log-action labels."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from foundation.personal_data import PERSONAL_TEXT_COLUMNS_HOOK

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
        (
            "pengembangan.l3.answer",
            _("Penilaian pascapelatihan"),
            _("Menilai perubahan perilaku setelah pelatihan"),
        ),
    ):
        actions.register_action(action, label, message)


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def pengembangan_personal_text_columns():
    # The pimpinan's comment and the reasons (copied from recommendations) may name people.
    from .models import (
        PenilaianKompetensi,
        PenilaianPascaPelatihan,
        RencanaItem,
        RencanaPengembangan,
    )

    return [
        (RencanaPengembangan, ("pimpinan_comment",)),
        (RencanaItem, ("reason",)),
        (PenilaianKompetensi, ("note",)),
        (PenilaianPascaPelatihan, ("note",)),
    ]
