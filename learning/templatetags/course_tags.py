from django import template

from learning.course_sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def course_page_sections(context, course):
    """What other apps add to the course page (the quiz, for one)."""
    return render_sections(course, context.flatten())
