"""The sitemap names the origin the request came to, as robots.txt does.

Wagtail builds each location from the Site record's hostname and port; a deployment
whose Site still says ``localhost:80`` (the default, and the demo's) would publish
``http://localhost/...`` to crawlers. Every page listed lies under the request's own
site root, so the request's scheme and host are the right origin for all of them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.db.models import Max

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap


class RequestHostSitemap(Sitemap):
    # URLs per sitemap page: the cost of a response stays flat as courses are added.
    limit = 200

    def get_latest_lastmod(self) -> Any:
        """For the index, in one query (Django's default calls ``lastmod`` on every page)."""
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return pages.live().public().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page: Any, protocol: Any, domain: Any) -> list[dict[str, Any]]:
        urls = super()._urls(page, protocol, domain)
        if self.request is None:
            return urls
        origin = urlsplit(self.request.build_absolute_uri("/"))
        for url_info in urls:
            if not isinstance(url_info["location"], str):
                continue  # a page outside any site has no location to rewrite
            parts = urlsplit(url_info["location"])
            url_info["location"] = urlunsplit(
                (origin.scheme, origin.netloc, parts.path, parts.query, parts.fragment)
            )
        return urls
