"""Bench-only WSGI entry: ``/__trivial__`` is the reference, everything else is the site.

The reference is a trivial Django view with no middleware at all, resolved and served by
Django's own WSGI handler inside the same gunicorn workers as the project's pages, so the
two are measured in the same run on the same processes. Never used in production: only
``benchmarks/wrk_bench.py`` starts gunicorn with it.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

# Before any settings are read: bina's Celery app reads them at import, and these
# settings import bina.
import bina  # noqa: F401

TRIVIAL_PATH = "/__trivial__"


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(TRIVIAL_PATH.lstrip("/"), trivial)]


class BareHandler(WSGIHandler):
    """Django's WSGI handler with an empty middleware chain and this module's URLconf."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []

        def chain(request):
            request.urlconf = __name__
            return self._get_response(request)

        self._middleware_chain = convert_exception_to_response(chain)


site = get_wsgi_application()
bare = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == TRIVIAL_PATH:
        return bare(environ, start_response)
    return site(environ, start_response)
