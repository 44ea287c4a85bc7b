from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizConfig(AppConfig):
    """The quiz engine: question bank, quiz pages, attempts. Depends on learning, never
    the other way: learning learns of quizzes through the hooks in `wagtail_hooks`."""

    name = "learning.quiz"
    label = "quiz"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Kuis")

    def ready(self):
        from foundation.deletion import audit_deletions

        from .models import QuizAnswer, QuizAttempt

        audit_deletions(QuizAttempt, QuizAnswer)
