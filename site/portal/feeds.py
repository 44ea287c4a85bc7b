"""RSS 2.0 and Atom feeds of public articles, for the whole site or one tag."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .selectors import public_articles

FEED_SIZE = 20


class ArticleFeed(Feed):
    def __init__(self, *, index, tag=None, atom: bool = False):
        super().__init__()
        self.index = index
        self.tag = tag
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed
        self.language = "id"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index) -> str:
        if self.tag is not None:
            return _("Bina ASN · Artikel bertanda “%(tag)s”") % {"tag": self.tag.name}
        return _("Bina ASN · %(title)s") % {"title": index.title}

    def link(self, index) -> str:
        url = index.get_url(self.request)
        if self.tag is not None:
            url += index.reverse_subpage("by_tag", args=[self.tag.slug])
        return url

    def description(self, index) -> str:
        return index.intro or _("Artikel sosialisasi nilai BerAKHLAK dan e-Kinerja untuk ASN.")

    def subtitle(self, index) -> str:  # Atom's name for the description
        return self.description(index)

    def items(self, index):
        articles = public_articles(index=index, tag=self.tag).defer_streamfields()
        return articles.prefetch_related("tags")[:FEED_SIZE]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item) -> str:
        return item.author

    def item_categories(self, item) -> list[str]:
        return [tag.name for tag in item.tags.all()]
