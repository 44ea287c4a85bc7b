"""The quiz's registrations: its admin, and its part in learning's seams (hooks)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from learning.completion import COMPLETION_REQUIREMENT_HOOK
from learning.course_sections import COURSE_PAGE_SECTION_HOOK
from learning.quiz.requirements import required_quizzes_passed
from learning.quiz.viewsets import QuestionBankGroup

register_snippet(QuestionBankGroup)
# A required quiz must be passed for the course to be complete.
hooks.register(COMPLETION_REQUIREMENT_HOOK, required_quizzes_passed)


@hooks.register(COURSE_PAGE_SECTION_HOOK)
def course_quiz_section(course, context) -> str:
    """The course's quizzes, listed below its lessons."""
    from learning.quiz.selectors import course_quizzes

    quizzes = course_quizzes(course)
    if not quizzes:
        return ""
    from learning.quiz.gain import gains

    request = context.get("request")
    user = getattr(request, "user", None)
    my_gain = None
    if user is not None and user.is_authenticated and any(q.is_pretest for q in quizzes):
        my_gain = gains(course_ids=[course.pk], user_ids=[user.pk]).get((course.pk, user.pk))
    return render_to_string(
        "quiz/includes/course_quiz.html",
        {**context, "quizzes": quizzes, "my_gain": my_gain},
        request=context.get("request"),
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_when_review_gives_answers_away(request, page):
    """After saving a quiz whose right answers show immediately while another attempt is
    allowed, say so at the top of the admin (the form's review panel says it too)."""
    from django.contrib import messages

    from learning.quiz.models import QuizPage
    from learning.quiz.panels import REVIEW_WARNING, review_leaks_answers

    page = page.specific
    if isinstance(page, QuizPage) and review_leaks_answers(
        review_right_answers=page.review_right_answers, max_attempts=page.max_attempts
    ):
        messages.warning(request, REVIEW_WARNING)


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

    return [path("bank-soal/impor/", question_import, name="quiz_question_import")]


@hooks.register("register_admin_menu_item")
def register_question_import_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    from learning.quiz.admin_views import may_import

    class ImportMenuItem(MenuItem):
        def is_shown(self, request):
            return may_import(request.user)

    return ImportMenuItem(
        _("Impor soal"), reverse("quiz_question_import"), icon_name="upload", order=307
    )
