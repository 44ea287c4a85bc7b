from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "kinerja"

# "Tim Saya" moved to /tim-saya/ (kinerja_link.pembinaan.urls.tim_saya_patterns).
tim_saya_moved = login_required(
    RedirectView.as_view(pattern_name="tim_saya:index", permanent=True, query_string=True)
)

urlpatterns = [
    path("saya/", views.kinerja_saya, name="saya"),
    path("tim/", tim_saya_moved, name="tim"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai"),
    path("skp/<int:pk>/", views.skp_dokumen, name="skp"),
    path("ekspor/", views.ekspor, name="ekspor"),
    path("evaluasi/<int:pk>/perilaku/", views.perilaku_notes, name="perilaku_notes"),
]
