import pytest

from portal.models import ARTICLES_PER_PAGE

from .factories import make_article, make_value_page


def _titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_index_lists_live_articles_newest_first_with_pagination(client, article_index):
    articles = [make_article(article_index) for _ in range(ARTICLES_PER_PAGE + 2)]
    make_article(article_index, title="Masih draf", live=False)
    newest_first = sorted(articles, key=lambda a: (a.date, a.pk), reverse=True)

    first = client.get("/artikel/")
    second = client.get("/artikel/?halaman=2")

    assert first.status_code == 200
    assert _titles(first) == [a.title for a in newest_first[:ARTICLES_PER_PAGE]]
    assert _titles(second) == [a.title for a in newest_first[ARTICLES_PER_PAGE:]]
    assert "Halaman 1 dari 2" in first.content.decode()
    assert "Masih draf" not in first.content.decode() + second.content.decode()


def test_tag_filter_has_a_clean_url(client, article_index):
    make_article(article_index, title="Tentang SKP", tags=("e-kinerja", "skp"))
    make_article(article_index, title="Tentang pelayanan", tags=("pelayanan",))

    response = client.get("/artikel/tag/e-kinerja/")

    assert response.status_code == 200
    assert _titles(response) == ["Tentang SKP"]
    assert "Artikel bertanda “e-kinerja”" in response.content.decode()


def test_unknown_tag_or_tag_only_on_drafts_is_404(client, article_index):
    make_article(article_index, title="Draf", tags=("rahasia-draf",), live=False)
    assert client.get("/artikel/tag/tidak-ada/").status_code == 404
    assert client.get("/artikel/tag/rahasia-draf/").status_code == 404


def test_value_filter_by_code(client, article_index):
    make_article(article_index, title="Soal integritas", values=("AK",))
    make_article(article_index, title="Soal layanan", values=("BP",))

    response = client.get("/artikel/nilai/ak/")

    assert response.status_code == 200
    assert _titles(response) == ["Soal integritas"]
    assert "Akuntabel" in response.content.decode()
    # A guide or a manajerial competency is not a BerAKHLAK value.
    assert client.get("/artikel/nilai/AK-1/").status_code == 404
    assert client.get("/artikel/nilai/MJ-INT/").status_code == 404


def test_article_page_shows_related_articles_and_breadcrumbs(client, article_index):
    article = make_article(article_index, title="Utama", tags=("skp",), values=("AK",))
    make_article(article_index, title="Sama tag", tags=("skp",))
    make_article(article_index, title="Sama nilai", values=("AK",))
    make_article(article_index, title="Tak terkait", tags=("lain",), values=("HA",))

    response = client.get(article.url)

    related = [a.title for a in response.context["related_articles"]]
    assert sorted(related) == ["Sama nilai", "Sama tag"]
    html = response.content.decode()
    assert 'aria-label="Jejak navigasi"' in html
    assert '<a href="/artikel/">Artikel</a>' in html
    assert '<li aria-current="page">Utama</li>' in html
    assert 'href="/artikel/tag/skp/"' in html and 'href="/artikel/nilai/AK/"' in html


def test_related_articles_are_a_cached_fragment_refreshed_by_any_publish(
    client, article_index, django_assert_max_num_queries
):
    article = make_article(article_index, title="Utama", tags=("skp",))
    first = client.get(article.url)
    assert "artikel-terkait" not in first.content.decode()

    newcomer = make_article(article_index, title="Pendatang baru", tags=("skp",))
    # Not published through Wagtail yet, so the fragment still holds: no related query.
    html = client.get(article.url).content.decode()
    assert "Pendatang baru" not in html

    newcomer.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "artikel-terkait" in html and "Pendatang baru" in html


def test_value_page_shows_its_three_guides_and_articles(client, value_index, article_index):
    page = make_value_page(value_index, "KO")
    make_article(article_index, title="Belajar 20 JP", values=("KO",))
    make_article(article_index, title="Bukan kompeten", values=("LO",))

    response = client.get(page.url)

    assert [g.code for g in response.context["guides"]] == ["KO-1", "KO-2", "KO-3"]
    assert [a.title for a in response.context["related_articles"]] == ["Belajar 20 JP"]
    assert "Membantu orang lain belajar" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/nilai-berakhlak/"])
def test_home_and_value_index_show_the_values(client, home, value_index, article_index, path):
    for code in ("BP", "AK", "KO", "HA", "LO", "AD", "KL"):
        make_value_page(value_index, code)
    make_article(article_index, title="Pilihan redaksi", featured=True)

    response = client.get(path)

    assert [p.competency.code for p in response.context["value_pages"]] == [
        "BP",
        "AK",
        "KO",
        "HA",
        "LO",
        "AD",
        "KL",
    ]
    if path == "/":
        assert [a.title for a in response.context["featured_articles"]] == ["Pilihan redaksi"]


def test_navigation_links_to_the_sections(client, article_index, value_index):
    html = client.get("/").content.decode()
    assert '<a href="/artikel/">Artikel</a>' in html
    assert '<a href="/nilai-berakhlak/">Nilai BerAKHLAK</a>' in html
    assert '<a href="/cari/">Cari</a>' in html


def test_value_page_links_the_courses_that_teach_the_value(
    client, value_index, article_index, django_assert_max_num_queries
):
    from tests.learning.factories import make_course, make_index

    index = make_index()
    guide_course = make_course(title="Belajar dari rekan", competencies=("KO-2",), index=index)
    value_course = make_course(title="Kompeten: Terus Belajar", competencies=("KO",), index=index)
    make_course(title="Loyal kepada negara", competencies=("LO",), index=index)
    draft = make_course(title="Draf kompeten", competencies=("KO",), index=index)
    draft.unpublish()
    page = make_value_page(value_index, "KO")

    with django_assert_max_num_queries(40):
        response = client.get(page.url)

    html = response.content.decode()
    assert "Kursus untuk nilai ini" in html
    # The course that names the value itself comes first, then one that teaches a guide.
    assert [c.title for c in response.context["value_courses"]] == [
        value_course.title,
        guide_course.title,
    ]
    assert f'href="{value_course.url}"' in html and f'href="{guide_course.url}"' in html
    assert "Loyal kepada negara" not in html and "Draf kompeten" not in html
