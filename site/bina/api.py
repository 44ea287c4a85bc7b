"""The JSON API (django-ninja): one NinjaAPI, each app contributes a router.

OpenAPI schema at /api/v1/openapi.json, interactive docs at /api/v1/docs.
"""

from ninja import NinjaAPI

from kinerja_link.api import router as kinerja_router

api = NinjaAPI(title="Bina ASN API", version="1", urls_namespace="api_v1")
api.add_router("/kinerja/", kinerja_router)
