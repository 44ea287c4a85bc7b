"""Reads the public pages need. Everything here is live and public only: a page under a
view restriction (login, group or password) or a draft never reaches a public listing.
"""

import re
from collections.abc import Sequence

from django.db.models import Exists, F, Model, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Length, Substr

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search.backends.base import BaseSearchResults

from competencies.models import Competency

from .models import ArticleIndexPage, ArticlePage, ValuePage

# Rendition filter specs used by the templates (article_card.html, article_page.html);
# prefetched with the image so a page of cards costs one rendition query.
CARD_RENDITION = "fill-640x360"
# The hero's srcset (phones take the 480 or 800) and the social-card crop.
HERO_RENDITIONS = (
    "width-480|format-webp",
    "width-800|format-webp",
    "width-1200|format-webp",
    "fill-1200x630",
)


def _without_restricted(pages: PageQuerySet) -> PageQuerySet:
    """Like Wagtail's ``.public()``, but as a NOT EXISTS subquery instead of a query run
    up front: a page is private when a view restriction sits on it or on an ancestor,
    i.e. on a page whose path is a prefix of its path."""
    restricted_ancestor = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return pages.filter(~Exists(restricted_ancestor))


def public_articles(
    *, index: ArticleIndexPage | None = None, tag: Tag | None = None, value: Model | None = None
) -> PageQuerySet:
    articles = _without_restricted(ArticlePage.objects.live())
    if index is not None:
        articles = articles.child_of(index)
    if tag is not None:
        articles = articles.filter(tagged_items__tag=tag)
    if value is not None:
        articles = articles.filter(values=value)
    return articles.order_by("-date", "-pk")


def published_article_count(*, year: int) -> int:
    """Socialisation articles the public can read, dated in ``year`` (transparency page)."""
    articles: QuerySet[ArticlePage] = public_articles().filter(date__year=year)
    return articles.count()


def _with_renditions(articles: PageQuerySet, *specs: str) -> PageQuerySet:
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return articles.select_related("hero_image").prefetch_related(
        Prefetch("hero_image__renditions", queryset=renditions)
    )


def article_cards(articles: PageQuerySet, *, taxonomy: bool = True) -> PageQuerySet:
    """What a card shows (image, and tags and values unless left out) in fixed queries."""
    articles = _with_renditions(articles.defer_streamfields(), CARD_RENDITION)
    return articles.prefetch_related("tags", "values") if taxonomy else articles


def article_for_route(index: ArticleIndexPage, slug: str) -> ArticlePage | None:
    """A live article with what its page shows, in the fewest queries."""
    articles = ArticlePage.objects.child_of(index).live().filter(slug=slug)
    article: ArticlePage | None = (
        _with_renditions(articles, *HERO_RENDITIONS).prefetch_related("tags", "values").first()
    )
    return article


def featured_articles(*, limit: int = 3) -> list[ArticlePage]:
    articles = article_cards(public_articles()).order_by("-featured", "-date", "-pk")
    return list(articles[:limit])


def related_articles(
    article: ArticlePage,
    *,
    tags: Sequence[Tag],
    values: Sequence[Model],
    limit: int = 3,
) -> list[ArticlePage]:
    """Articles sharing a tag or a value with this one, newest first (cards without chips)."""
    if not tags and not values:
        return []
    shared = Q(tagged_items__tag__in=tags) | Q(values__in=values)
    ids = public_articles().filter(shared).exclude(pk=article.pk).values("pk")
    related = public_articles().filter(pk__in=ids)
    return list(article_cards(related, taxonomy=False)[:limit])


def public_tag(slug: str, *, index: ArticleIndexPage) -> Tag | None:
    carriers = public_articles(index=index)
    tags = Tag.objects.filter(slug=slug, portal_articlepagetag_items__content_object__in=carriers)
    return tags.distinct().first()


def berakhlak_value(code: str) -> Competency | None:
    return Competency.objects.values_berakhlak().filter(code__iexact=code).first()


def value_pages() -> list[ValuePage]:
    return list(
        ValuePage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("competency")
        .order_by("competency__sort_order")
    )


MAX_SEARCH_TERMS = 10


def search_public_pages(query: str) -> PageQuerySet | BaseSearchResults:
    """Published public pages matching every word of ``query``, best match first.

    Only word characters reach the backend: quotes and operators typed by a visitor
    would otherwise be parsed by SQLite FTS5 / PostgreSQL tsquery and could fail.
    """
    terms = re.findall(r"\w+", query)[:MAX_SEARCH_TERMS]
    pages = Page.objects.live().public().filter(depth__gt=1)
    if not terms:
        return pages.none()
    return pages.search(" ".join(terms), operator="and")


def specific_pages(pages: list[Page]) -> list[Page]:
    """The specific page objects for one page of search results, in one query per type."""
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [by_pk[p.pk] for p in pages if p.pk in by_pk]


# Other apps' sections (the course catalogue) are added by the wiring: bina.page_tree.
SECTION_TYPES = {
    ("portal", "articleindexpage"): "articles",
    ("portal", "valueindexpage"): "values",
    ("portal", "transparencypage"): "transparency",
}


def portal_sections() -> dict[str, str]:
    """URLs of the article index, the value index and the course catalogue, in one query
    (every page of every app shows them in the navigation)."""
    of_type = Q()
    for app_label, model in SECTION_TYPES:
        of_type |= Q(content_type__app_label=app_label, content_type__model=model)
    pages = _without_restricted(Page.objects.live().filter(of_type)).select_related("content_type")
    urls: dict[str, str] = {}
    for page in pages.order_by("path"):
        key = SECTION_TYPES[(page.content_type.app_label, page.content_type.model)]
        urls.setdefault(key, page.get_url())
    return urls
