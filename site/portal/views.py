from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

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


@require_GET
def sitemap(request):
    """The sitemap with the request's own origin, as robots.txt names it."""
    return wagtail_sitemap(request, sitemaps={"wagtail": RequestHostSitemap})
