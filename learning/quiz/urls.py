from django.urls import path

from learning.quiz import views

app_name = "quiz"

urlpatterns = [
    path("belajar/kuis/percobaan/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path(
        "belajar/kuis/percobaan/<int:attempt_id>/simpan/",
        views.attempt_autosave,
        name="autosave",
    ),
    path("belajar/kuis/percobaan/<int:attempt_id>/kirim/", views.attempt_submit, name="submit"),
    path("belajar/kuis/percobaan/<int:attempt_id>/ulasan/", views.attempt_review, name="review"),
    path("belajar/kuis/penilaian/", views.marking_queue, name="marking_queue"),
    path("belajar/kuis/penilaian/<int:answer_id>/", views.essay_grade, name="essay_grade"),
    path("belajar/kuis/<int:quiz_id>/laporan/", views.quiz_report, name="report"),
]
