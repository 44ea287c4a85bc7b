"""Wagtail's own exporting listings, mounted formula-safe at their own paths.

Wagtail's reports (locked and aging pages, site history, workflows, page types) and the
redirects listing are Wagtail's views at Wagtail's URLs. ``bina.urls`` includes these
patterns under the admin prefix just before Wagtail's admin URLs: the paths are the same,
so the same URL names (``wagtailadmin_reports:site_history``, ...) now resolve to
formula-safe subclasses, and nothing in Wagtail is patched. Access is checked as in
Wagtail's admin URLs (admin access, never cached) and by the views themselves.
"""

from __future__ import annotations

from typing import cast

from django.urls import URLPattern, path
from django.views import View
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .spreadsheets import formula_safe

# Path under the admin prefix -> Wagtail's view (each also has "<path>results/").
LISTINGS = {
    "reports/locked/": LockedPagesView,
    "reports/workflow/": WorkflowView,
    "reports/workflow_tasks/": WorkflowTasksView,
    "reports/site-history/": LogEntriesView,
    "reports/aging-pages/": AgingPagesView,
    "reports/page-types-usage/": PageTypesUsageReportView,
    "redirects/": RedirectIndexView,
}


def _patterns(prefix: str, view_class: type) -> list[URLPattern]:
    safe = cast("type[View]", formula_safe(view_class))  # a subclass of view_class
    return [
        path(prefix, safe.as_view()),
        path(f"{prefix}results/", safe.as_view(results_only=True)),
    ]


urlpatterns = decorate_urlpatterns(
    [pattern for prefix, view in LISTINGS.items() for pattern in _patterns(prefix, view)],
    lambda view: never_cache(require_admin_access(view)),
)
