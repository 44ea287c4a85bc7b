"""Who moderates which public feedback.

There is no per-unit moderator table: a user holding the Moderator role moderates the
units of the instansi they work in (``kinerja_link.scope.default_scope``), or the units
listed for them as pengelola when they also hold those. A moderator without a pegawai
record (an instansi-wide content moderator) and a superuser moderate everything.
Feedback on an article has no unit: every moderator sees it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.roles import Role, has_role

from ..scope import Scope, default_scope, scope_for
from .models import PublicFeedback


def moderation_scope(user) -> Scope | None:
    """The unit subtrees ``user`` moderates; ``None`` when not a moderator."""
    if not (user.is_authenticated and user.is_active):
        return None
    if user.is_superuser:
        return Scope.of([""])
    if not has_role(user, Role.MODERATOR):
        return None
    return scope_for(user) or default_scope(user) or Scope.of([""])


def feedback_for_moderator(user) -> QuerySet[PublicFeedback]:
    scope = moderation_scope(user)
    if scope is None:
        return PublicFeedback.objects.none()
    queryset = PublicFeedback.objects.select_related("layanan", "unit", "article")
    if scope.is_everything:
        return queryset
    return queryset.filter(scope.q("unit__path") | Q(unit__isnull=True))
