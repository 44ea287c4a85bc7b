from django.urls import path

from learning import reaction_views, views

app_name = "learning"

urlpatterns = [
    path("belajar-saya/", views.belajar_saya, name="belajar_saya"),
    path("belajar-saya/catatan/tambah/", views.external_record_create, name="record_add"),
    path("belajar-saya/catatan/<int:pk>/bukti/", views.record_proof, name="record_proof"),
    path(
        "belajar-saya/sertifikat/<uuid:uuid>/unduh/",
        views.certificate_download,
        name="certificate_download",
    ),
    path(
        "belajar-saya/kursus/<int:enrolment_pk>/survei/",
        reaction_views.reaction_survey,
        name="reaction_survey",
    ),
    path("belajar-saya/verifikasi/", views.verification_list, name="verification_list"),
    path(
        "belajar-saya/verifikasi/<int:pk>/", views.verification_decide, name="verification_decide"
    ),
    path("sertifikat/<uuid:uuid>/", views.certificate_verify, name="certificate_verify"),
]
