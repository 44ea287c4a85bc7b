"""Audit-log actions of sessions, feedback and notification preferences."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from ..exporting import FOLLOW_UP_HOOK


@hooks.register(FOLLOW_UP_HOOK)
def export_follow_ups(*, periode, evaluasi_ids):
    """The export's follow-ups come from the rules that match each evaluation."""
    from .rules import follow_ups_for

    return follow_ups_for(periode=periode, evaluasi_ids=evaluasi_ids)


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
