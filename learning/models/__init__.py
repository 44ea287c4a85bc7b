"""Learning models, split by kind: the competency dictionary, pages (content) and records."""

# The quiz lives in its own subpackage; imported here so Django sees its models (app "learning").
from learning.quiz.models import (
    AttemptState,
    Question,
    QuestionCategory,
    QuestionTag,
    QuizAnswer,
    QuizAttempt,
    QuizPage,
    QuizQuestion,
)

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
    "AttemptState",
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
    "Question",
    "QuestionCategory",
    "QuestionTag",
    "QuizAnswer",
    "QuizAttempt",
    "QuizPage",
    "QuizQuestion",
    "VerificationStatus",
]
