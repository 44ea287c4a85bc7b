"""Pembinaan pages, included at the site root: sessions and feedback under ``tim-saya/``
(the "Tim Saya" page itself lives elsewhere), the pegawai's view and notifications."""

from django.urls import path

from . import mentoring_views, rencana_views, views

app_name = "pembinaan"

urlpatterns = [
    path("tim-saya/sesi/", views.session_list, name="session_list"),
    path("tim-saya/sesi/baru/", views.session_create, name="session_create"),
    path("tim-saya/umpan-balik/baru/", views.feedback_create, name="feedback_create"),
    # Coaches and mentors beyond the pimpinan (issue 16 §2).
    path("tim-saya/penunjukan/", mentoring_views.appointment_list, name="appointment_list"),
    path(
        "tim-saya/penunjukan/<int:pk>/akhiri/",
        mentoring_views.appointment_end_view,
        name="appointment_end",
    ),
    path("mentee-saya/", mentoring_views.mentee_saya, name="mentee_saya"),
    path(
        "umpan-balik/sesi/<int:pk>/umpan-balik-sesi/",
        mentoring_views.session_evaluate_view,
        name="session_evaluate",
    ),
    path(
        "umpan-balik/sesi/<int:pk>/penilaian-kompetensi/",
        mentoring_views.competency_rate_view,
        name="competency_rate",
    ),
    path("umpan-balik/", views.umpan_balik, name="umpan_balik"),
    path("umpan-balik/<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("umpan-balik/sesi/<int:pk>/", views.session_detail, name="session_detail"),
    # Under /kinerja/ beside the SKP page it is posted from.
    path("kinerja/bukti/<int:pk>/rhk/", views.evidence_rhk, name="bukti_rhk"),
    # Rencana aksi per RHK, the dialog kinerja, realisasi and bukti dukung (issue 15 §3).
    path(
        "kinerja/rhk/<int:rhk_pk>/rencana-aksi/",
        rencana_views.rencana_aksi_create,
        name="rencana_aksi_create",
    ),
    path("kinerja/rencana-aksi/<int:pk>/", rencana_views.rencana_aksi_detail, name="rencana_aksi"),
    path(
        "kinerja/rencana-aksi/<int:pk>/ubah/",
        rencana_views.rencana_aksi_update,
        name="rencana_aksi_update",
    ),
    path(
        "kinerja/rencana-aksi/<int:pk>/keputusan/",
        rencana_views.rencana_aksi_decide,
        name="rencana_aksi_decide",
    ),
    path(
        "kinerja/rencana-aksi/<int:pk>/komentar/",
        rencana_views.rencana_aksi_comment,
        name="rencana_aksi_comment",
    ),
    path(
        "kinerja/rencana-aksi/<int:pk>/realisasi/",
        rencana_views.rencana_aksi_realisasi,
        name="rencana_aksi_realisasi",
    ),
    path("kinerja/rencana-aksi/<int:pk>/bukti/", rencana_views.bukti_add, name="bukti_dukung_add"),
    path(
        "kinerja/bukti-dukung/<int:pk>/hapus/",
        rencana_views.bukti_delete,
        name="bukti_dukung_delete",
    ),
    path(
        "kinerja/bukti-dukung/<int:pk>/berkas/", rencana_views.bukti_file, name="bukti_dukung_file"
    ),
    path("notifikasi/", views.notification_list, name="notifications"),
    path("notifikasi/pengaturan/", views.notification_settings, name="notification_settings"),
    path("notifikasi/baca-semua/", views.notification_read_all, name="notification_read_all"),
    path("notifikasi/<int:pk>/buka/", views.notification_open, name="notification_open"),
]

# "Tim Saya" itself, included at ``tim-saya/`` under its own namespace.
tim_saya_patterns = (
    [
        path("", views.tim_saya, name="index"),
        path("tugaskan/", views.tim_saya_assign, name="assign"),
        path(
            "rekomendasi/<int:pk>/terima/",
            views.tim_saya_recommendation_accept,
            name="recommendation_accept",
        ),
        path(
            "rekomendasi/<int:pk>/abaikan/",
            views.tim_saya_recommendation_dismiss,
            name="recommendation_dismiss",
        ),
        path(
            "penugasan/<int:pk>/batalkan/",
            views.tim_saya_assignment_cancel,
            name="assignment_cancel",
        ),
    ],
    "tim_saya",
)
