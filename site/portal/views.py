from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.views import index as wagtail_sitemap_index
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .selectors import search_public_pages, specific_pages
from .sitemaps import RequestHostSitemap

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Site search over published public pages; the form works without JavaScript."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        page_obj = Paginator(search_public_pages(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("halaman")
        )
        page_obj.object_list = specific_pages(list(page_obj.object_list))
    return render(request, "portal/search.html", {"query": query, "page_obj": page_obj})


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("portal:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /akun/",
        "Disallow: /cari/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SITEMAPS = {"halaman": RequestHostSitemap}


@require_GET
def sitemap(request):
    """The sitemap index (robots.txt names it): one entry per section page of
    ``RequestHostSitemap.limit`` URLs, so no response grows with the number of pages."""
    return wagtail_sitemap_index(request, SITEMAPS, sitemap_url_name="portal:sitemap_section")


@require_GET
def sitemap_section(request, section):
    """One page (``?p=``) of a section, with the request's own origin."""
    return wagtail_sitemap(request, SITEMAPS, section=section)


# Public and the same for every anonymous reader: whole responses go through the page
# cache (dropped with everything else on publish).
sitemap.anonymous_page_cache = True  # type: ignore[attr-defined]
sitemap_section.anonymous_page_cache = True  # type: ignore[attr-defined]
