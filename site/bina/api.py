"""The JSON API (django-ninja): one NinjaAPI, each app contributes a router.

OpenAPI schema at /api/v1/openapi.json, interactive docs at /api/v1/docs. Bodies are read
strictly and every refusal is an Indonesian JSON answer (``foundation.api_body``,
``foundation.api_errors``).
"""

from ninja import NinjaAPI

from foundation.api_body import StrictJsonParser
from foundation.api_errors import install_error_handlers
from kinerja_link.api import router as kinerja_router

api = NinjaAPI(
    title="Bina ASN API", version="1", urls_namespace="api_v1", parser=StrictJsonParser()
)
install_error_handlers(api)
api.add_router("/kinerja/", kinerja_router)
