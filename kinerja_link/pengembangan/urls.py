"""IDP pages, included at ``pengembangan/`` (namespace ``pengembangan``)."""

from django.urls import path

from . import evaluasi_views, views

app_name = "pengembangan"

urlpatterns = [
    path("", views.my_idp, name="mine"),
    path("susun/", views.draft, name="draft"),
    path("tim/", views.team_list, name="team"),
    path("unit/", views.unit_list, name="unit"),
    path("unit/akpk/", views.akpk_export, name="akpk"),
    path("tim/evaluasi/", evaluasi_views.evaluasi_team, name="evaluasi_team"),
    path("evaluasi/<int:pk>/nilai/", evaluasi_views.evaluasi_answer, name="evaluasi_answer"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ajukan/", views.submit, name="submit"),
    path("<int:pk>/putuskan/", views.decide, name="decide"),
    path("<int:pk>/cetak/", views.print_form, name="print"),
    path("<int:pk>/pdf/", views.pdf_form, name="pdf"),
]
