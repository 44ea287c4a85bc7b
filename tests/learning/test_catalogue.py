import pytest

from learning.models import CoursePage
from learning.selectors import CatalogueFilters, filter_courses

from .factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(index):
    return {
        "pelayanan": make_course(title="Layanan Prima", competencies=("BP-2",), jp=2),
        "akuntabel": make_course(title="Integritas Kerja", competencies=("AK", "MJ-INT"), jp=4),
        "adaptif": make_course(title="Inovasi Layanan Publik", competencies=("AD-2",), jp=8),
    }


def titles(params) -> set[str]:
    qs = filter_courses(CoursePage.objects.live(), CatalogueFilters.from_params(params))
    return set(qs.values_list("title", flat=True))


def test_value_filter_matches_the_value_and_its_guides(courses):
    assert titles({"nilai": "BP"}) == {"Layanan Prima"}
    assert titles({"nilai": "AK"}) == {"Integritas Kerja"}


def test_competency_and_kind_filters(courses):
    assert titles({"kompetensi": "MJ-INT"}) == {"Integritas Kerja"}
    assert titles({"jenis": "manajerial"}) == {"Integritas Kerja"}
    assert titles({"jenis": "panduan"}) == {"Layanan Prima", "Inovasi Layanan Publik"}


def test_jp_buckets(courses):
    assert titles({"jp": "1-2"}) == {"Layanan Prima"}
    assert titles({"jp": "3-5"}) == {"Integritas Kerja"}
    assert titles({"jp": "6-"}) == {"Inovasi Layanan Publik"}


def test_search_and_combined_filters(courses):
    assert titles({"q": "layanan"}) == {"Layanan Prima", "Inovasi Layanan Publik"}
    assert titles({"q": "layanan", "jp": "6-"}) == {"Inovasi Layanan Publik"}


def test_unknown_filter_values_are_ignored_not_errors(courses):
    assert titles({"jenis": "bogus", "jp": "x"}) == {c.title for c in courses.values()}


def test_a_course_with_two_matching_guides_is_listed_once(index):
    make_course(title="Dua Panduan", competencies=("KL-1", "KL-2"))
    assert list(
        filter_courses(CoursePage.objects.live(), CatalogueFilters(nilai="KL")).values_list(
            "title", flat=True
        )
    ) == ["Dua Panduan"]


def test_catalogue_page_renders_filters_and_results(client, courses, index):
    response = client.get(index.url, {"nilai": "AD"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Inovasi Layanan Publik" in body
    assert "Layanan Prima" not in body
    assert "1 kursus" in body


def test_unpublished_course_is_not_listed(client, courses, index):
    courses["adaptif"].unpublish()
    assert "Inovasi Layanan Publik" not in client.get(index.url).content.decode()


@pytest.mark.parametrize("extra", [2, 12])
def test_catalogue_query_count_is_flat(
    client, index, pegawai, django_assert_max_num_queries, extra
):
    for _ in range(extra):
        make_course(competencies=("BP", "BP-1", "MJ-KOM"))
    client.force_login(pegawai)
    client.get(index.url)  # warm caches (site root, content types)
    with django_assert_max_num_queries(16) as captured:  # +1 badge, +1 the pager's count
        response = client.get(index.url)
    print(f"\ncatalogue with {extra} courses: {len(captured)} queries")
    assert response.status_code == 200
    assert len(response.context["courses"]) == extra


@pytest.mark.parametrize("extra", [4, 10])
def test_catalogue_is_paged_keeping_filters_at_a_flat_cost(
    client, index, monkeypatch, django_assert_max_num_queries, extra
):
    """A page of the catalogue costs the same however many courses there are; the pager
    keeps the filters."""
    monkeypatch.setattr("learning.selectors.CATALOGUE_PAGE_SIZE", 3)
    for number in range(extra):
        make_course(title=f"Kursus {number:02d}", competencies=("BP", "BP-1"))
    client.get(index.url, {"nilai": "BP"})  # warm caches (site root, content types)
    with django_assert_max_num_queries(11):  # the same at 4 and at 10 courses
        first = client.get(index.url, {"nilai": "BP"})
    body = first.content.decode()
    assert [c.title for c in first.context["courses"]] == ["Kursus 00", "Kursus 01", "Kursus 02"]
    assert f"{extra} kursus" in body
    assert 'href="?nilai=BP&amp;halaman=2"' in body
    assert "Halaman 1 dari" in body
    last = client.get(index.url, {"nilai": "BP", "halaman": "999"})  # past the end: the last
    assert len(last.context["courses"]) == extra - 3 * ((extra - 1) // 3)
