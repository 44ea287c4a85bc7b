"""Pembinaan pages, included at the site root: sessions and feedback under ``tim-saya/``
(the "Tim Saya" page itself lives elsewhere), the pegawai's view and notifications."""

from django.urls import path

from . import views

app_name = "pembinaan"

urlpatterns = [
    path("tim-saya/sesi/", views.session_list, name="session_list"),
    path("tim-saya/sesi/baru/", views.session_create, name="session_create"),
    path("tim-saya/umpan-balik/baru/", views.feedback_create, name="feedback_create"),
    path("umpan-balik/", views.umpan_balik, name="umpan_balik"),
    path("umpan-balik/<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("umpan-balik/sesi/<int:pk>/", views.session_detail, name="session_detail"),
    # Under /kinerja/ beside the SKP page it is posted from.
    path("kinerja/bukti/<int:pk>/rhk/", views.evidence_rhk, name="bukti_rhk"),
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
