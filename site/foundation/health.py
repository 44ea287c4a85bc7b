from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Liveness probe for the load balancer and compose; also the benchmarks' trivial view."""
    return HttpResponse("ok", content_type="text/plain")
