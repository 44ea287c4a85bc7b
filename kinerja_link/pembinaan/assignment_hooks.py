"""Labels for the assignment actions in Wagtail's history (imported by ``wagtail_hooks``)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    for action, label, message in (
        ("kinerja_link.assignment.create", _("Penugasan dibuat"), _("Menugaskan kursus")),
        # Old rows only: refusals are now written as "kinerja_link.team.rejected".
        (
            "kinerja_link.assignment.reject",
            _("Penugasan ditolak"),
            _("Penugasan ditolak: ada pegawai di luar tim"),
        ),
        ("kinerja_link.assignment.cancel", _("Penugasan dibatalkan"), _("Membatalkan penugasan")),
        (
            "kinerja_link.assignment.overdue",
            _("Penugasan lewat tenggat"),
            _("Penugasan melewati tenggat (tugas harian)"),
        ),
        (
            "kinerja_link.assignment.complete",
            _("Penugasan selesai"),
            _("Penugasan selesai lewat kursus"),
        ),
        (
            "kinerja_link.recommendation.accept",
            _("Rekomendasi diterima"),
            _("Menerima rekomendasi pembinaan"),
        ),
        (
            "kinerja_link.recommendation.dismiss",
            _("Rekomendasi diabaikan"),
            _("Mengabaikan rekomendasi pembinaan"),
        ),
    ):
        actions.register_action(action, label, message)
