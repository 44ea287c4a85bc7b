"""The 500 page names the request id, so a user's report leads to the logs and audit rows."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .request_id import current_request_id


@requires_csrf_token
def server_error(request, template_name="500.html"):
    # Rendered without a request context, as Django's own handler does: nothing that
    # failed (a context processor, the database) is touched again.
    request_id = getattr(request, "request_id", None) or current_request_id() or ""
    return HttpResponseServerError(
        loader.get_template(template_name).render({"request_id": request_id})
    )
