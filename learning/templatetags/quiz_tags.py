from django import template

register = template.Library()


@register.simple_tag
def course_quizzes(course):
    """The live quizzes of a course, for the course page."""
    from learning.quiz.models import QuizPage

    return list(QuizPage.objects.child_of(course).live().order_by("path"))
