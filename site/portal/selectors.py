"""Reads the public pages need. Everything here is live and public only: a page under a
view restriction (login, group or password) or a draft never reaches a public listing.
"""

from django.apps import apps
from django.db.models import Prefetch, Q, QuerySet

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from .models import ArticleIndexPage, ArticlePage, ValueIndexPage, ValuePage

# Renditions every article card and hero uses; prefetched so a list costs one query.
CARD_RENDITION = "fill-640x360"


def public_articles(
    *, index: ArticleIndexPage | None = None, tag: Tag | None = None, value=None
) -> QuerySet[ArticlePage]:
    articles = ArticlePage.objects.live().public()
    if index is not None:
        articles = articles.child_of(index)
    if tag is not None:
        articles = articles.filter(tagged_items__tag=tag)
    if value is not None:
        articles = articles.filter(values=value)
    return articles.order_by("-date", "-pk")


def article_cards(articles: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """What a card shows (image, tags, values) in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return articles.defer_streamfields().prefetch_related(
        Prefetch("hero_image", queryset=images), "tags", "values"
    )


def featured_articles(*, limit: int = 3) -> list[ArticlePage]:
    articles = article_cards(public_articles()).order_by("-featured", "-date", "-pk")
    return list(articles[:limit])


def related_articles(article: ArticlePage, *, tags, values, limit: int = 3) -> list[ArticlePage]:
    """Articles sharing a tag or a value with this one, newest first."""
    if not tags and not values:
        return []
    shared = Q(tagged_items__tag__in=tags) | Q(values__in=values)
    ids = (
        public_articles()
        .filter(shared)
        .exclude(pk=article.pk)
        .values_list("pk", flat=True)
        .distinct()
    )
    return list(article_cards(public_articles()).filter(pk__in=ids)[:limit])


def public_tag(slug: str, *, index: ArticleIndexPage) -> Tag | None:
    carriers = public_articles(index=index)
    tags = Tag.objects.filter(slug=slug, portal_articlepagetag_items__content_object__in=carriers)
    return tags.distinct().first()


def berakhlak_value(code: str):
    Competency = apps.get_model("learning", "Competency")
    return Competency.objects.values_berakhlak().filter(code__iexact=code).first()


def value_pages() -> list[ValuePage]:
    return list(
        ValuePage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("competency")
        .order_by("competency__sort_order")
    )


def search_public_pages(query: str):
    """Published public pages matching ``query``, best match first (a lazy search result)."""
    return Page.objects.live().public().filter(depth__gt=1).search(query, operator="and")


def specific_pages(pages: list[Page]) -> list[Page]:
    """The specific page objects for one page of search results, in one query per type."""
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [by_pk[p.pk] for p in pages if p.pk in by_pk]


def portal_sections() -> dict[str, str]:
    """URLs of the article and value indexes, for the navigation and feed links."""
    urls = {}
    for key, model in (("articles", ArticleIndexPage), ("values", ValueIndexPage)):
        page = model.objects.live().public().first()
        if page is not None:
            urls[key] = page.get_url()
    return urls
