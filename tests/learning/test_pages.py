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


def test_course_page_says_what_each_duration_is(client, course, settings):
    """JP are credited time, the estimate is study time: each says which it is, both in
    minutes ("3 JP (135 menit)" beside "Perkiraan 45 menit" read as a contradiction)."""
    settings.JP_MINUTES = 45
    course.estimated_minutes = 60
    course.save_revision().publish()
    content = client.get(course.url).content.decode()
    assert "<strong>3 JP</strong> (diakui 135 menit)" in content
    assert "Waktu belajar sekitar 60 menit" in content
    assert "Perkiraan" not in content


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


def test_course_page_shows_only_my_own_progress(client, course, pegawai, other_pegawai):
    from learning import services

    services.enrolment_create(user=other_pegawai, course=course)
    services.lesson_complete(user=other_pegawai, lesson=course.lessons().first())
    client.force_login(pegawai)
    body = client.get(course.url).content.decode()
    assert "33% selesai" not in body
    assert "Ikuti kursus" in body


@pytest.mark.parametrize("lessons", [2, 10])
def test_course_and_lesson_query_counts_are_flat(
    client, index, pegawai, lessons, django_assert_max_num_queries
):
    from learning import services

    from .factories import make_course

    course = make_course(lessons=lessons, competencies=("BP", "MJ-PP"), sequential=True)
    services.enrolment_create(user=pegawai, course=course)
    first = course.lessons().first()
    services.lesson_complete(user=pegawai, lesson=first)
    client.force_login(pegawai)
    for url in (course.url, first.url):
        client.get(url)
        with django_assert_max_num_queries(23) as captured:  # +1: notification badge
            assert client.get(url).status_code == 200
        print(f"\n{url} with {lessons} lessons: {len(captured)} queries")
