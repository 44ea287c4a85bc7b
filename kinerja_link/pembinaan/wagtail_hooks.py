"""Audit-log actions of sessions, feedback and notification preferences."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_pembinaan_log_actions(actions):
    actions.register_action(
        "kinerja_link.session.create", _("Sesi pembinaan"), _("Mencatat sesi pembinaan")
    )
    actions.register_action(
        "kinerja_link.feedback.create", _("Umpan balik"), _("Memberi umpan balik")
    )
    actions.register_action(
        "kinerja_link.team.rejected",
        _("Ditolak: di luar tim"),
        _("Permintaan menyebut pegawai di luar tim"),
    )
    actions.register_action(
        "kinerja_link.notification.preference",
        _("Pengaturan surel"),
        _("Mengubah pengaturan surel pengingat"),
    )
