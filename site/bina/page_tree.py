"""Where one app's pages hang in another app's tree: the joints of the site's page tree.

Each app closes its own subtree (``parent_page_types``/``subpage_types`` within the app);
the places where apps meet name pages of two apps, so they are declared here, in the wiring
that knows every app, instead of a lower app naming a higher one.
"""

from learning.models import CourseIndexPage, CoursePage
from portal.selectors import SECTION_TYPES

JOINTS = {
    # The course catalogue is a section of the public site, under the home page.
    (CourseIndexPage, "parent_page_types"): ["portal.HomePage"],
    # A course holds its lessons and its quizzes.
    (CoursePage, "subpage_types"): ["learning.LessonPage", "quiz.QuizPage"],
}


# Sections of the public site's header that live in other apps (content type -> key).
SECTIONS = {("learning", "courseindexpage"): "courses"}


def join_page_tree() -> None:
    for (page_type, attribute), page_types in JOINTS.items():
        setattr(page_type, attribute, page_types)
    SECTION_TYPES.update(SECTIONS)
