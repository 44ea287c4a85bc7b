from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Pembelajaran")

    def ready(self):
        from foundation.deletion import audit_deletions

        from .models import (
            Certificate,
            Enrolment,
            LearningRecord,
            LessonCompletion,
            ReactionResponse,
        )

        # Records of learning: a deletion that is allowed is audited row by row.
        audit_deletions(Enrolment, LessonCompletion, LearningRecord, Certificate, ReactionResponse)
