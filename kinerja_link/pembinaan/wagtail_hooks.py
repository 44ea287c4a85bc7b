"""Pembinaan's registrations with Wagtail: admin screens in the Kinerja menu, permission
policies, log-action labels, and its answer to the export's follow-up hook."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from foundation.permission_policies import WRITE_ACTIONS, ServiceWrittenPolicy
from foundation.personal_data import PERSONAL_TEXT_COLUMNS_HOOK
from learning.dashboard import DASHBOARD_PANEL_HOOK, DashboardPanel

from ..exporting import EVIDENCE_ROWS_HOOK, FOLLOW_UP_HOOK
from ..selectors import KINERJA_PAGE_HOOK, SKP_PAGE_HOOK
from .models import PembinaanRule, Recommendation
from .selectors import assignments_panel_context
from .viewsets import PEMBINAAN_VIEWSETS

# Rules are revised, not deleted (recommendations keep pointing at them); recommendations
# are written by the rules and decided on Tim Saya, not edited in the admin.
register_permission_policy(PembinaanRule, ServiceWrittenPolicy(PembinaanRule, forbidden={"delete"}))
register_permission_policy(
    Recommendation, ServiceWrittenPolicy(Recommendation, forbidden=WRITE_ACTIONS)
)


@hooks.register("register_admin_viewset")
def register_pembinaan_viewsets():
    return [viewset() for viewset in PEMBINAAN_VIEWSETS]


@hooks.register(KINERJA_PAGE_HOOK)
def kinerja_page_evidence(*, pegawai, skp):
    """The evidence on the SKP, per value and per RHK, and competency progress."""
    from .skp_page import skp_evidence_context

    return skp_evidence_context(pegawai=pegawai, skp=skp)


@hooks.register(SKP_PAGE_HOOK)
def skp_page_rencana_aksi(*, user, skp, as_staff):
    """Per RHK: the rencana aksi with their status, and the evidence offered for it."""
    from .rencana_page import skp_rencana_context

    return skp_rencana_context(user=user, skp=skp, as_staff=as_staff)


@hooks.register(EVIDENCE_ROWS_HOOK)
def export_evidence_rows(*, periode, unit):
    from .exporting import evidence_rows

    return evidence_rows(periode=periode, unit=unit)


@hooks.register(FOLLOW_UP_HOOK)
def export_follow_ups(*, periode, evaluasi_ids):
    """The export's follow-ups: what was recommended and assigned after each evaluation."""
    from .exporting import follow_ups_for

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


@hooks.register("register_log_actions")
def register_mentoring_log_actions(actions):
    for action, label, message in (
        ("pembinaan.appointment.create", _("Penunjukan coach/mentor"), _("Menunjuk coach/mentor")),
        ("pembinaan.appointment.end", _("Penunjukan diakhiri"), _("Mengakhiri penunjukan")),
        (
            "pembinaan.session_evaluation.save",
            _("Umpan balik atas sesi"),
            _("Memberi umpan balik atas sesi (B.1.8)"),
        ),
        (
            "pembinaan.competency_rating.save",
            _("Penilaian kompetensi"),
            _("Menilai kompetensi setelah sesi (B.1.9)"),
        ),
    ):
        actions.register_action(action, label, message)


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


@hooks.register("register_log_actions")
def register_rencana_aksi_log_actions(actions):
    for action, label, message in (
        (
            "kinerja_link.rencana_aksi.submit",
            _("Rencana aksi diajukan"),
            _("Mengajukan rencana aksi"),
        ),
        (
            "kinerja_link.rencana_aksi.approve",
            _("Rencana aksi disetujui"),
            _("Menyetujui rencana aksi"),
        ),
        (
            "kinerja_link.rencana_aksi.revise",
            _("Rencana aksi perlu perbaikan"),
            _("Mengembalikan rencana aksi untuk perbaikan"),
        ),
        (
            "kinerja_link.rencana_aksi.comment",
            _("Dialog kinerja"),
            _("Menulis komentar dialog kinerja"),
        ),
        (
            "kinerja_link.rencana_aksi.realisasi",
            _("Realisasi"),
            _("Mencatat realisasi rencana aksi"),
        ),
    ):
        actions.register_action(action, label, message)


@hooks.register(DASHBOARD_PANEL_HOOK)
def assignments_panel() -> DashboardPanel:
    """Assignments from pimpinan on "Belajar Saya"."""
    return DashboardPanel(
        slot="assignments",
        template_name="kinerja_link/panels/assignments.html",
        get_context=assignments_panel_context,
    )


@hooks.register(PERSONAL_TEXT_COLUMNS_HOOK)
def pembinaan_personal_text_columns():
    # "Umpan balik dari <nama>", evidence titles and recommendation reasons name people.
    from .models import (
        BuktiDukung,
        Notification,
        Recommendation,
        RencanaAksi,
        RencanaAksiKomentar,
        SkpEvidence,
    )

    return [
        (Notification, ("title", "body")),
        (SkpEvidence, ("title",)),
        (Recommendation, ("reason",)),
        (RencanaAksi, ("text", "realisasi")),
        (RencanaAksiKomentar, ("text",)),
        (BuktiDukung, ("title",)),
    ]
