"""Uncached rendering cost stays flat as articles, tags and values grow."""

import pytest

from .factories import make_article, make_image, make_value_page

ARTICLE_PAGE_MAX = 12
INDEX_MAX = 15
CODES = ("BP", "AK", "KO", "HA", "LO", "AD", "KL")


def _fill(index, count: int):
    image = make_image()
    return [
        make_article(
            index,
            tags=(f"tag-{n % 5}", f"topik-{n % 3}"),
            values=(CODES[n % 7], CODES[(n + 1) % 7]),
            hero_image=image,
            hero_image_alt="Ilustrasi",
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("size", [3, 30])
def test_article_index_queries_are_bounded(
    client, article_index, django_assert_max_num_queries, size
):
    _fill(article_index, size)
    client.get("/artikel/")  # renditions are created on first view
    for path in ("/artikel/", "/artikel/tag/tag-1/", "/artikel/nilai/AK/"):
        with django_assert_max_num_queries(INDEX_MAX):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_article_page_queries_are_bounded(
    client, article_index, django_assert_max_num_queries, size
):
    article = _fill(article_index, size)[0]
    client.get(article.url)
    with django_assert_max_num_queries(ARTICLE_PAGE_MAX):
        assert client.get(article.url).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_home_and_value_page_queries_are_bounded(
    client, home, article_index, value_index, django_assert_max_num_queries, size
):
    _fill(article_index, size)
    value_page = None
    for code in CODES:
        value_page = make_value_page(value_index, code)
    for path in ("/", value_page.url):
        client.get(path)
        with django_assert_max_num_queries(INDEX_MAX):
            assert client.get(path).status_code == 200


def test_article_hero_is_responsive_and_costs_no_extra_query(
    client, article_index, django_assert_max_num_queries
):
    article = _fill(article_index, 3)[0]
    client.get(article.url)  # renditions are made on the first view
    with django_assert_max_num_queries(ARTICLE_PAGE_MAX):
        html = client.get(article.url).content.decode()
    hero = html[html.index('<figure class="hero-image">') :]
    hero = hero[: hero.index("</figure>")]
    srcset = hero[hero.index('srcset="') :]
    assert all(f".width-{width}.format-webp.webp " in srcset for width in (480, 800, 1200))
    assert 'sizes="(max-width: 46rem) calc(100vw - 2rem), 46rem"' in hero
    assert 'fetchpriority="high"' in hero
