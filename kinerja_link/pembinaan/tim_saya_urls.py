from django.urls import path

from . import tim_saya_views as views

app_name = "tim_saya"

urlpatterns = [
    path("", views.index, name="index"),
    path("tugaskan/", views.assign, name="assign"),
    path("rekomendasi/<int:pk>/terima/", views.recommendation_accept, name="recommendation_accept"),
    path(
        "rekomendasi/<int:pk>/abaikan/", views.recommendation_dismiss, name="recommendation_dismiss"
    ),
    path("penugasan/<int:pk>/batalkan/", views.assignment_cancel, name="assignment_cancel"),
]
