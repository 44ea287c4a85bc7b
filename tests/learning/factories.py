"""Builders for learning's page tree and records in tests."""

import itertools

from wagtail.models import Page, Site

from competencies.models import Competency
from learning.models import CourseCompetency, CourseIndexPage, CoursePage, LessonPage
from portal.models import HomePage

_seq = itertools.count(1)


def make_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Beranda", slug="beranda")
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    return home


def make_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is None:
        index = make_home().add_child(instance=CourseIndexPage(title="Katalog", slug="katalog"))
    return index


def make_course(
    *, lessons: int = 3, competencies: tuple[str, ...] = ("BP-1",), index=None, **fields
) -> CoursePage:
    n = next(_seq)
    defaults = {
        "title": f"Kursus {n}",
        "slug": f"kursus-{n}",
        "summary": "Ringkasan kursus.",
        "jp": 2,
    }
    course = CoursePage(**{**defaults, **fields})
    (index or make_index()).add_child(instance=course)
    for order, code in enumerate(competencies):
        CourseCompetency.objects.create(
            course=course, competency=Competency.objects.get(code=code), sort_order=order
        )
    for i in range(lessons):
        course.add_child(
            instance=LessonPage(
                title=f"Pelajaran {i + 1}",
                slug=f"pelajaran-{n}-{i + 1}",
                body=[("paragraph", "<p>Isi pelajaran.</p>")],
            )
        )
    return CoursePage.objects.get(pk=course.pk)


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(course.lessons())


def action_url(page, name: str) -> str:
    """The URL of one of a page's routes (enrol, done, start): actions are page routes."""
    return page.url + page.reverse_subpage(name)
