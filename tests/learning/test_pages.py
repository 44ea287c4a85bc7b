import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from learning.models import CourseIndexPage, CoursePage, LessonPage
from portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Wagtail's page-tree assertions, borrowed from its TestCase for pytest functions."""
    return WagtailPageTestCase(methodName="assertCanCreateAt")


def test_catalogue_sits_under_the_home_page_only(tree):
    tree.assertCanCreateAt(HomePage, CourseIndexPage)
    tree.assertCanNotCreateAt(Page, CourseIndexPage)
    tree.assertCanNotCreateAt(CoursePage, CourseIndexPage)


def test_courses_sit_in_the_catalogue_and_lessons_in_courses(tree):
    tree.assertCanCreateAt(CourseIndexPage, CoursePage)
    tree.assertCanNotCreateAt(HomePage, CoursePage)
    tree.assertCanCreateAt(CoursePage, LessonPage)
    tree.assertCanNotCreateAt(CourseIndexPage, LessonPage)
    tree.assertCanNotCreateAt(LessonPage, LessonPage)


def test_course_page_defaults_to_e_learning_and_converts_jp_to_minutes(course, settings):
    settings.JP_MINUTES = 45
    assert course.jenis_diklat_id == 16
    assert course.jp_minutes == 3 * 45


def test_course_page_lists_lessons_in_tree_order(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    content = response.content.decode()
    positions = [content.index(lesson.title) for lesson in course.lessons()]
    assert positions == sorted(positions)
    assert "Masuk untuk mengikuti kursus" in content


def test_lesson_is_closed_to_anonymous_visitors(client, course):
    lesson = course.lessons().first()
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "/akun/" in response["Location"]


def test_lesson_sends_a_pegawai_who_is_not_enrolled_to_the_course(client, course, pegawai):
    client.force_login(pegawai)
    response = client.get(course.lessons().first().url)
    assert response.status_code == 302
    assert response["Location"] == course.url
