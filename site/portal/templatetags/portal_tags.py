import re

from django import template
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..page_cache import generation
from ..selectors import portal_sections

register = template.Library()

MIN_TERM_LENGTH = 2


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


@register.simple_tag
def portal_links() -> dict[str, str]:
    """URLs of the portal's sections, cached until the next publish/unpublish/move."""
    key = f"portal:sections:{generation()}"
    links = cache.get(key)
    if links is None:
        links = portal_sections()
        cache.set(key, links, 60 * 60)
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
