"""Sections other apps add to a course page, below the lesson list, through a Wagtail hook.

Learning knows nothing of quizzes; the quiz app registers in its ``wagtail_hooks.py``::

    @hooks.register(COURSE_PAGE_SECTION_HOOK)  # "bina_course_page_section"
    def course_quiz_section(course, context) -> str:
        return render_to_string("quiz/includes/course_quiz.html", {...})

Each hook receives the course page and the page's template context (a dict, with
``request`` and ``enrolment``) and returns HTML, or an empty string for nothing to show.
"""

from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from wagtail import hooks

COURSE_PAGE_SECTION_HOOK = "bina_course_page_section"


def render_sections(course, context: dict) -> SafeString:
    """Every registered section, in hook order. Hooks return rendered (escaped) HTML."""
    parts = (section(course, context) for section in hooks.get_hooks(COURSE_PAGE_SECTION_HOOK))
    return format_html_join("", "{}", ((part,) for part in parts if part))
