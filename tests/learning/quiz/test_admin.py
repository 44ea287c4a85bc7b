import pytest

from django.urls import reverse

from learning.models import CoursePage, LessonPage
from learning.quiz.bank import category_for_path
from learning.quiz.models import Question, QuizPage
from tests.factories import UserFactory

from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_editor_writes_a_question_in_gift_and_gets_a_revision(admin_client):
    category = category_for_path(("Uji",))
    url = reverse("wagtailsnippets_quiz_question:add")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "category": category.pk,
            "definition": "::Makna Loyal:: Loyal berarti {=setia kepada NKRI ~bebas sendiri}",
            "idnumber": "LO-01",
            "default_mark": "1",
            "tags": "loyal",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question = Question.objects.get()
    assert (question.name, question.qtype, question.idnumber) == (
        "Makna Loyal",
        "single_choice",
        "LO-01",
    )
    assert question.latest_revision.content["data"]["choices"][0]["text"] == "setia kepada NKRI"
    edit = admin_client.get(reverse("wagtailsnippets_quiz_question:edit", args=[question.pk]))
    assert "setia kepada NKRI" in edit.content.decode()


def test_a_broken_definition_is_refused_with_the_reason(admin_client):
    category = category_for_path(("Uji",))
    response = admin_client.post(
        reverse("wagtailsnippets_quiz_question:add"),
        {"category": category.pk, "definition": "::A:: Teks {~satu ~dua}", "default_mark": "1"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["definition"]
    assert not Question.objects.exists()


def test_one_quiz_and_one_pre_test_per_course_and_only_under_a_course(course):
    assert QuizPage.can_create_at(course)
    make_quiz(course, [make_question()])
    assert QuizPage.can_create_at(CoursePage.objects.get(pk=course.pk))  # the pre-test
    make_quiz(course, [make_question()], is_pretest=True, required_for_completion=False)
    assert not QuizPage.can_create_at(CoursePage.objects.get(pk=course.pk))
    assert not QuizPage.can_create_at(LessonPage.objects.child_of(course).first())


def test_admin_import_previews_then_imports(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("quiz_question_import")
    assert admin_client.get(url).status_code == 200
    gift = "::Satu::Nilai dasar ASN?{=BerAKHLAK ~Lainnya}\n\n::Rusak::Teks {~a ~b}\n"
    upload = SimpleUploadedFile("bank.gift", gift.encode())
    preview = admin_client.post(url, {"file": upload, "fmt": "gift", "category": "Impor/Admin"})
    html = preview.content.decode()
    assert (
        preview.status_code == 200
        and "Pilihan ganda 1" in html
        and "single_choice" not in html
        and "Rusak" in html
    )
    assert not Question.objects.exists()
    confirm = admin_client.post(
        url, {"content": gift, "fmt": "gift", "category": "Impor/Admin", "confirm": "1"}
    )
    assert confirm.status_code == 302
    assert list(Question.objects.values_list("name", flat=True)) == ["Satu"]


def test_admin_import_needs_permission(client, pegawai):
    client.force_login(pegawai)
    response = client.get(reverse("quiz_question_import"))
    assert response.status_code in (302, 403)


def test_quiz_page_add_form_in_the_admin(admin_client, course):
    url = reverse("wagtailadmin_pages:add", args=["quiz", "quizpage", course.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "fixed_questions" in response.content.decode()


def test_quiz_edit_form_warns_when_right_answers_show_before_the_last_attempt(admin_client, course):
    from learning.quiz.models import ReviewWhen

    quiz = make_quiz(course, review_right_answers=ReviewWhen.IMMEDIATELY, max_attempts=3)
    url = reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    html = admin_client.get(url).content.decode()
    assert "quiz-review-warning" in html and "lebih dari satu percobaan" in html

    quiz.max_attempts = 1
    quiz.save()
    html = admin_client.get(url).content.decode()
    assert "quiz-review-warning" not in html and "Setelah kuis ditutup" in html

    quiz.max_attempts = 0  # unlimited attempts leak the key too
    quiz.save()
    assert "quiz-review-warning" in admin_client.get(url).content.decode()


def test_new_quizzes_show_right_answers_only_after_close_and_saving_unsafe_timing_warns(
    admin_client, course
):
    from learning.quiz.models import ReviewWhen

    assert QuizPage().review_right_answers == ReviewWhen.AFTER_CLOSE
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["quiz", "quizpage", course.pk])
    ).content.decode()
    assert "quiz-review-warning" not in html

    quiz = make_quiz(course, review_right_answers=ReviewWhen.IMMEDIATELY, max_attempts=2)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    form = response.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = nested_form_data(
        {
            **{k: v for k, v in data.items() if isinstance(v, str | int | bool)},
            "title": quiz.title,
            "slug": quiz.slug,
            "fixed_questions": inline_formset([]),
        }
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data, follow=True
    )
    assert "lebih dari satu percobaan" in response.content.decode()
