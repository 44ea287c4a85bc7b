"""Page builders for the portal tests (plain functions: Wagtail pages are added to a tree)."""

import datetime
import io
import itertools

from PIL import Image as PillowImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from competencies.models import Competency
from portal.models import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    StandardPage,
    ValueIndexPage,
    ValuePage,
)

_numbers = itertools.count(1)


def make_home() -> HomePage:
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Beranda", slug=f"beranda-{next(_numbers)}")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def make_article_index(home: HomePage) -> ArticleIndexPage:
    return home.add_child(instance=ArticleIndexPage(title="Artikel", slug="artikel"))


def make_value_index(home: HomePage) -> ValueIndexPage:
    return home.add_child(instance=ValueIndexPage(title="Nilai BerAKHLAK", slug="nilai-berakhlak"))


def make_value_page(index: ValueIndexPage, code: str) -> ValuePage:
    value = Competency.objects.get(code=code)
    return index.add_child(
        instance=ValuePage(
            title=value.name,
            slug=value.code.lower(),
            competency=value,
            definition=value.description,
        )
    )


def make_standard_page(parent: Page, **fields) -> StandardPage:
    number = next(_numbers)
    fields.setdefault("title", f"Halaman {number}")
    return parent.add_child(instance=StandardPage(slug=f"halaman-{number}", **fields))


def make_image(title: str = "Gambar uji"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 36), (122, 31, 31)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"uji-{next(_numbers)}.png")
    )


def make_article(
    index: ArticleIndexPage,
    *,
    title: str | None = None,
    tags: tuple[str, ...] = (),
    values: tuple[str, ...] = (),
    body_text: str = "Isi artikel untuk pengujian.",
    live: bool = True,
    **fields,
) -> ArticlePage:
    number = next(_numbers)
    fields.setdefault("date", datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300))
    article = ArticlePage(
        title=title or f"Artikel nomor {number}",
        slug=f"artikel-{number}",
        summary=fields.pop("summary", "Ringkasan artikel."),
        author="Penulis Uji",
        body=[("paragraph", RichText(f"<p>{body_text}</p>"))],
        live=live,
        **fields,
    )
    article.tags.set(list(tags))
    article.values.set(list(Competency.objects.filter(code__in=values)))
    index.add_child(instance=article)
    return article
