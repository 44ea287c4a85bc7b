"""Issue #18, "Editors": the editor role works the question bank; admin type names are
Indonesian."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role
from learning.quiz.bank import category_for_path, questions_import
from learning.quiz.models import Question, QuestionCategory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GIFT = (
    "::Satu::Nilai dasar ASN?{=BerAKHLAK ~Lainnya}\n\n"
    "::Dua::Singkatan SKP?{=Sasaran Kinerja Pegawai}\n"
)


def staff(role: Role):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(staff(Role.EDITOR))
    return client


def test_editor_imports_questions_with_preview_then_confirm(editor_client):
    url = reverse("quiz_question_import")
    assert editor_client.get(url).status_code == 200
    data = {"content": GIFT, "fmt": "gift", "category": "BerAKHLAK/Akuntabel"}
    preview = editor_client.post(url, data)
    html = preview.content.decode()
    assert preview.status_code == 200 and "Isian singkat" in html and "Pilihan ganda" in html
    assert "short_answer" not in html and "single_choice" not in html
    assert not Question.objects.exists()
    confirm = editor_client.post(url, {**data, "confirm": "1"})
    assert confirm.status_code == 302
    assert Question.objects.count() == 2
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in menu


def test_editor_edits_a_question_and_the_change_is_a_revision_by_them(editor_client):
    questions_import(source=GIFT, fmt="gift", category_path="Bank")
    question = Question.objects.get(name="Satu")
    listing = editor_client.get(reverse("wagtailsnippets_quiz_question:list"))
    assert listing.status_code == 200
    assert "Pilihan ganda" in listing.content.decode()
    response = editor_client.post(
        reverse("wagtailsnippets_quiz_question:edit", args=[question.pk]),
        {
            "category": question.category_id,
            "definition": "::Satu::Nilai dasar ASN?{=BerAKHLAK ~Panca Prasetya}",
            "idnumber": "",
            "default_mark": "1",
            "tags": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert "Panca Prasetya" in str(question.data)
    assert question.revisions.count() == 2
    assert question.latest_revision.user == response.wsgi_request.user
    history = editor_client.get(
        reverse("wagtailsnippets_quiz_question:history", args=[question.pk])
    )
    assert history.status_code == 200


def test_editor_adds_a_category(editor_client):
    parent = category_for_path(("BerAKHLAK",))
    response = editor_client.post(
        reverse("wagtailsnippets_quiz_questioncategory:add"),
        {"name": "Harmonis", "parent": parent.pk, "description": ""},
    )
    assert response.status_code == 302
    assert QuestionCategory.objects.get(name="Harmonis").path == "BerAKHLAK/Harmonis"


@pytest.mark.parametrize("role", [Role.PEGAWAI, Role.PENGELOLA])
def test_other_roles_still_cannot_import(client, role):
    client.force_login(staff(role))
    response = client.get(reverse("quiz_question_import"))
    assert response.status_code in (302, 403)
