from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from foundation import wagtail_exports
from foundation.health import healthz
from kinerja_link.pembinaan.urls import tim_saya_patterns

from .api import api

handler500 = "foundation.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Wagtail's own exporting listings, formula-safe, at their own paths: before Wagtail's.
    path("admin/", include(wagtail_exports)),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("akun/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("portal.urls")),
    path("", include("learning.urls")),
    path("api/v1/", api.urls),
    path("kinerja/", include("kinerja_link.urls")),
    path("layanan/", include("kinerja_link.participation.urls")),
    path("", include("kinerja_link.pembinaan.urls")),
    path("tim-saya/", include(tim_saya_patterns)),
    path("pengembangan/", include("kinerja_link.pengembangan.urls")),
    path("", include("learning.quiz.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches everything else, so it stays last.
urlpatterns.append(path("", include(wagtail_urls)))
