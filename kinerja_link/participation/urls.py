from django.urls import path

from . import views

app_name = "partisipasi"

urlpatterns = [
    path("", views.index, name="index"),
    path("unit/<int:unit_id>/", views.unit_detail, name="unit"),
    path("<uuid:public_id>/", views.layanan_detail, name="layanan"),
    path("<uuid:public_id>/survei/", views.survey, name="survei"),
    path("<uuid:public_id>/terima-kasih/", views.thanks, name="terima_kasih"),
    path("<uuid:public_id>/masukan/", views.feedback_layanan, name="masukan"),
    path("<uuid:public_id>/qr.svg", views.qr, name="qr"),
    path("<uuid:public_id>/poster/", views.poster, name="poster"),
    path("artikel/<int:page_id>/masukan/", views.feedback_article, name="masukan_artikel"),
]
