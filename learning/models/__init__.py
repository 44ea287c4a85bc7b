"""Learning models, split by kind: pages (content) and records.

The competency taxonomy is `competencies.models`; the quiz models are `learning.quiz.models`.
"""

from .pages import CourseCompetency, CourseIndexPage, CourseLevel, CoursePage, LessonPage
from .reaction import ReactionQuestion, ReactionResponse
from .records import (
    Certificate,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    LearningRecord,
    LearningRecordSource,
    LessonCompletion,
    VerificationStatus,
)

__all__ = [
    "Certificate",
    "CourseCompetency",
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "EnrolmentStatus",
    "LearningRecord",
    "LearningRecordSource",
    "LessonCompletion",
    "LessonPage",
    "ReactionQuestion",
    "ReactionResponse",
    "VerificationStatus",
]
