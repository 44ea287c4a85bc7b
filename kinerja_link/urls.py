from django.urls import path

from . import views

app_name = "kinerja"

urlpatterns = [
    path("saya/", views.kinerja_saya, name="saya"),
    path("tim/", views.tim_saya, name="tim"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai"),
    path("ekspor/", views.ekspor, name="ekspor"),
    path("bukti/<int:pk>/rhk/", views.evidence_rhk, name="bukti_rhk"),
    path("evaluasi/<int:pk>/perilaku/", views.perilaku_notes, name="perilaku_notes"),
]
