"""Admin registrations of the quiz (loaded from `learning.wagtail_hooks`)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from learning.quiz.viewsets import QuestionBankGroup

register_snippet(QuestionBankGroup)


@hooks.register("register_log_actions")
def register_quiz_log_actions(actions):
    for action, label in (
        ("learning.quiz.attempt_start", _("Mulai kuis")),
        ("learning.quiz.attempt_submit", _("Kirim kuis")),
        ("learning.quiz.attempt_autoclose", _("Kuis ditutup otomatis")),
        ("learning.quiz.essay_grade", _("Menilai uraian")),
        ("learning.quiz.import", _("Impor soal")),
    ):
        actions.register_action(action, label, label)


@hooks.register("register_admin_menu_item")
def register_marking_queue_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    from accounts.roles import Role, has_role

    class PengelolaMenuItem(MenuItem):
        def is_shown(self, request):
            return has_role(request.user, Role.PENGELOLA)

    return PengelolaMenuItem(
        _("Penilaian uraian"), reverse("quiz:marking_queue"), icon_name="edit", order=306
    )


@hooks.register("register_admin_urls")
def register_question_import_url():
    from django.urls import path

    from learning.quiz.admin_views import question_import

    return [path("bank-soal/impor/", question_import, name="learning_question_import")]


@hooks.register("register_admin_menu_item")
def register_question_import_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    class ImportMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("learning.add_question")

    return ImportMenuItem(
        _("Impor soal"), reverse("learning_question_import"), icon_name="upload", order=307
    )
