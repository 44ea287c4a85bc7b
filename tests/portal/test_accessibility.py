"""Structure screen readers rely on: one h1, no skipped heading levels, alt on images."""

from html.parser import HTMLParser

import pytest

from .factories import make_article, make_image, make_standard_page, make_value_page


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.images_without_alt = 0
        self.landmarks: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "img" and "alt" not in attributes:
            self.images_without_alt += 1
        if tag in {"main", "nav", "header", "footer"}:
            self.landmarks.add(tag)


@pytest.fixture
def pages(home, article_index, value_index):
    image = make_image()
    article = make_article(
        article_index, tags=("skp",), values=("AK",), hero_image=image, hero_image_alt="Ilustrasi"
    )
    make_article(article_index, tags=("skp",), hero_image=image, hero_image_alt="Ilustrasi")
    value = make_value_page(value_index, "AK")
    about = make_standard_page(home, title="Tentang")
    return [
        "/",
        "/artikel/",
        "/artikel/tag/skp/",
        article.url,
        "/nilai-berakhlak/",
        value.url,
        about.url,
        "/cari/?q=artikel",
    ]


def test_pages_have_landmarks_ordered_headings_and_alt_text(client, pages):
    for path in pages:
        outline = Outline()
        outline.feed(client.get(path).content.decode())
        assert outline.headings.count(1) == 1, path
        assert outline.headings[0] == 1, path
        skips = [
            b for a, b in zip(outline.headings, outline.headings[1:], strict=False) if b > a + 1
        ]
        assert not skips, (path, outline.headings)
        assert outline.images_without_alt == 0, path
        assert {"main", "nav", "header", "footer"} <= outline.landmarks, path
