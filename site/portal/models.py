"""Page types of the public portal.

Tree: HomePage → ArticleIndexPage → ArticlePage; HomePage → ValueIndexPage → ValuePage
(one per BerAKHLAK value); StandardPage under the home page or another StandardPage.
Other apps add their own sections under the home page through ``parent_page_types``,
which is why HomePage does not close its ``subpage_types``.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from competencies.models import CompetencyKind
from foundation.blocks import BaseStreamBlock

BERAKHLAK_VALUE = {"kind": CompetencyKind.BERAKHLAK_VALUE}
ARTICLES_PER_PAGE = 10


class RouteTrailMixin:
    """Remember the pages routing passed through, so breadcrumbs need no ancestor query."""

    def route(self, request, path_components):
        if path_components:
            request.portal_route_trail = [*getattr(request, "portal_route_trail", []), self]
        return super().route(request, path_components)


class HomePage(RouteTrailMixin, Page):
    """The site's root page: what Bina ASN is and where to go next."""

    hero_title = models.CharField(
        _("judul utama"), max_length=200, default="Bangga Melayani Bangsa"
    )
    hero_intro = models.TextField(
        _("pengantar"),
        blank=True,
        help_text=_("Satu atau dua kalimat di bawah judul utama."),
    )

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        from .selectors import featured_articles, value_pages
        from .transparency import latest_transparency

        context = super().get_context(request, *args, **kwargs)
        context["featured_articles"] = featured_articles(limit=3)
        context["value_pages"] = value_pages()
        figures = latest_transparency()
        context["transparency_headline"] = figures.headline if figures else None
        return context


class SectionIndexPage(RouteTrailMixin, Page):
    """A single section of the site under the home page, introduced by a short text."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class ArticleIndexPage(RoutablePageMixin, SectionIndexPage):
    """The article listing, with tag and value filters and the feeds."""

    subpage_types = ["portal.ArticlePage"]

    class Meta:
        verbose_name = _("indeks artikel")

    def _listing(self, request, articles, *, heading="", feed_tag=None):
        from django.core.paginator import Paginator

        page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("halaman"))
        context = {
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "heading": heading,
            "feed_tag": feed_tag,
        }
        return self.render(request, context_overrides=context)

    def route(self, request, path_components):
        # An article is fetched with its image, renditions, tags and values at once;
        # the index's own routes (tag/, nilai/, rss/...) keep precedence.
        if self.live and len(path_components) == 1 and not self._is_own_route(path_components[0]):
            from .selectors import article_for_route

            article = article_for_route(self, path_components[0])
            if article is not None:
                request.portal_route_trail = [*getattr(request, "portal_route_trail", []), self]
                return article.route(request, [])
        return super().route(request, path_components)

    def _is_own_route(self, component: str) -> bool:
        try:
            self.resolve_subpage(f"/{component}/")
        except Http404:
            return False
        return True

    @path("")
    def index_route(self, request):

        from .selectors import article_cards, public_articles

        return self._listing(request, article_cards(public_articles(index=self)))

    @path("tag/<slug:tag_slug>/")
    def by_tag(self, request, tag_slug):

        from .selectors import article_cards, public_articles

        tag = self._public_tag_or_404(tag_slug)
        articles = article_cards(public_articles(index=self, tag=tag))
        heading = _("Artikel bertanda “%(tag)s”") % {"tag": tag.name}
        return self._listing(request, articles, heading=heading, feed_tag=tag)

    @path("nilai/<str:code>/")
    def by_value(self, request, code):
        from .selectors import article_cards, berakhlak_value, public_articles

        value = berakhlak_value(code)
        if value is None:
            raise Http404
        articles = article_cards(public_articles(index=self, value=value))
        heading = _("Artikel tentang nilai %(value)s") % {"value": value.name}
        return self._listing(request, articles, heading=heading)

    @re_path(r"^(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        from .feeds import ArticleFeed

        return ArticleFeed(index=self, atom=kind == "atom")(request)

    @re_path(r"^tag/(?P<tag_slug>[-\w]+)/(?P<kind>rss|atom)/$", name="tag_feed")
    def tag_feed(self, request, tag_slug, kind):
        from .feeds import ArticleFeed

        tag = self._public_tag_or_404(tag_slug)
        return ArticleFeed(index=self, tag=tag, atom=kind == "atom")(request)

    def _public_tag_or_404(self, slug: str) -> Tag:
        """A tag that only restricted or draft articles carry does not exist for the public."""
        from .selectors import public_tag

        tag = public_tag(slug, index=self)
        if tag is None:
            raise Http404
        return tag


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "portal.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    """A socialisation article about BerAKHLAK, e-Kinerja or competency development."""

    summary = models.CharField(
        _("ringkasan"),
        max_length=300,
        help_text=_("Satu atau dua kalimat untuk daftar artikel, umpan, dan media sosial."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("teks alternatif gambar utama"),
        max_length=250,
        blank=True,
        help_text=_("Jelaskan isi gambar untuk pembaca layar. Wajib bila ada gambar."),
    )
    author = models.CharField(_("penulis"), max_length=150)
    date = models.DateField(_("tanggal terbit"), default=datetime.date.today)
    featured = models.BooleanField(_("tampilkan di beranda"), default=False)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tag"))
    values = ParentalManyToManyField(
        "competencies.Competency",
        verbose_name=_("nilai BerAKHLAK"),
        blank=True,
        limit_choices_to=BERAKHLAK_VALUE,
        related_name="articles",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Gambar utama")
        ),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("date"),
                FieldPanel("featured"),
                FieldPanel("tags"),
                FieldPanel("values", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Keterangan"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        # "akuntabel" finds the articles about Akuntabel.
        index.RelatedFields("values", [index.SearchField("name")]),
    ]

    parent_page_types = ["portal.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Isi teks alternatif untuk gambar utama.")})

    @property
    def published_at(self) -> datetime.datetime:
        """The publication date as an aware datetime (feeds need a time)."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(8, 0)))

    def get_context(self, request, *args, **kwargs):
        from .page_cache import current_generation
        from .selectors import related_articles

        context = super().get_context(request, *args, **kwargs)
        context["tags"] = list(self.tags.all())
        context["values"] = list(self.values.all())
        # Read only when the template's fragment cache misses (it is keyed by the page
        # cache generation, so any publish refreshes it): 13 ms of a 30 ms page at 10,000
        # pegawai and 100 articles.
        context["related_articles"] = SimpleLazyObject(
            lambda: related_articles(self, tags=context["tags"], values=context["values"])
        )
        context["page_generation"] = current_generation(request)
        return context


class ValueIndexPage(SectionIndexPage):
    """The seven BerAKHLAK values."""

    subpage_types = ["portal.ValuePage"]

    class Meta:
        verbose_name = _("indeks nilai BerAKHLAK")

    def get_context(self, request, *args, **kwargs):
        from .selectors import value_pages

        context = super().get_context(request, *args, **kwargs)
        context["value_pages"] = value_pages()
        return context


class ValuePage(Page):
    """One BerAKHLAK value: definition, its three guides, related articles."""

    competency = models.OneToOneField(
        "competencies.Competency",
        verbose_name=_("nilai"),
        on_delete=models.PROTECT,
        limit_choices_to=BERAKHLAK_VALUE,
        related_name="value_page",
    )
    definition = models.TextField(_("definisi"), help_text=_("Makna nilai ini bagi ASN."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("competency"),
        FieldPanel("definition"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("definition"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.ValueIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nilai BerAKHLAK")
        verbose_name_plural = _("nilai BerAKHLAK")

    def get_context(self, request, *args, **kwargs):
        from learning.selectors import courses_for_value

        from .selectors import article_cards, public_articles

        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.competency.children.order_by("sort_order", "code")
        context["related_articles"] = article_cards(public_articles(value=self.competency))[:6]
        context["value_courses"] = courses_for_value(self.competency)
        return context


class StandardPage(RouteTrailMixin, Page):
    """A plain content page (about, privacy, contact)."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("halaman standar")


# The transparency page and its stored figures live in their own module.
from .transparency import TransparencyPage, TransparencyRow, TransparencySnapshot  # noqa: E402, F401
