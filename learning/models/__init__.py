"""Learning models, split by kind: the competency dictionary, pages (content) and records."""

from .competency import Competency, CompetencyKind, CompetencyQuerySet
from .pages import CourseCompetency, CourseIndexPage, CourseLevel, CoursePage, LessonPage
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
    "Competency",
    "CompetencyKind",
    "CompetencyQuerySet",
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
    "VerificationStatus",
]
