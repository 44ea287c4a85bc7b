from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "kinerja"

urlpatterns = [
    path("saya/", views.kinerja_saya, name="saya"),
    # "Tim Saya" moved to /tim-saya/ (kinerja_link.pembinaan.tim_saya_urls).
    path(
        "tim/",
        RedirectView.as_view(pattern_name="tim_saya:index", permanent=True, query_string=True),
        name="tim",
    ),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai"),
    path("ekspor/", views.ekspor, name="ekspor"),
]
