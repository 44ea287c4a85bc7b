import re

from django import template
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..page_cache import read_current
from ..selectors import portal_sections

register = template.Library()

MIN_TERM_LENGTH = 2
SECTIONS_KEY = "portal:sections"


def _ancestors(request, page) -> list:
    """Ancestors from the home page down (the tree root itself is not a page to visit).

    Routing already loaded them (RouteTrailMixin); their paths prove the trail is the
    page's real ancestry, otherwise (preview, another app's parent) ask the database.
    """
    steplen = page.steplen
    expected = [page.path[: steplen * depth] for depth in range(2, page.depth)]
    trail = [p for p in getattr(request, "portal_route_trail", []) if p.depth < page.depth]
    if [p.path for p in trail] == expected:
        return trail
    return list(page.get_ancestors().filter(depth__gt=1))


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_label=None):
    ancestors = _ancestors(context.get("request"), page) if page else []
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "page": page,
        "current_label": current_label,
    }


@register.simple_tag(takes_context=True)
def portal_links(context) -> dict[str, str]:
    """URLs of the portal's sections, cached until the next publish/unpublish/move.

    A page asks up to four times (navigation, footer, taxonomy, feeds): the first answer
    is kept on the request, and the cache is read in one round trip.
    """
    request = context.get("request")
    links = getattr(request, "_portal_links", None)
    if links is None:
        links = section_links()
        if request is not None:
            request._portal_links = links
    return links


def section_links() -> dict[str, str]:
    stored, current = read_current(SECTIONS_KEY)
    if stored is not None:
        return stored[0]
    links = portal_sections()
    cache.set(SECTIONS_KEY, (current, links), 60 * 60)
    return links


@register.filter(needs_autoescape=False)
def highlight(text, query) -> SafeString:
    """Escape ``text`` and wrap each search term in <mark>, case-insensitively."""
    text = escape(text or "")
    terms = [escape(term) for term in str(query or "").split() if len(term) >= MIN_TERM_LENGTH]
    if not terms:
        return mark_safe(text)  # noqa: S308 -- escaped above
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))  # noqa: S308
