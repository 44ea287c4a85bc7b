"""Views declare the role they need; the second factor follows from the role.

``@role_required(Role.PENGELOLA)`` opens a view to holders of the role only: anonymous
visitors are sent to sign in, everyone else gets the 404 of a page that is not there.
When the role is a staff role (``roles.STAFF_ROLES``; superusers hold every role) and the
user must use a second factor, the view opens only once the code has been entered this
session, wherever its URL lives. A staff view therefore cannot forget the second factor:
declaring who may open it is what demands it. The route × role matrix
(tests/security/test_route_matrix.py) checks every staff route.

A view open to everyone that widens what staff see (another pegawai's kinerja, a proof
file, revoking a certificate) asks ``second_factor_pending`` before using the wider scope.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from .roles import STAFF_ROLES, Role, has_any_role
from .two_factor import second_factor_pending, verification_redirect


def role_required(*roles: Role) -> Callable:
    """Open the view to holders of any of ``roles``; for a staff role, once verified."""
    needs_second_factor = any(role in STAFF_ROLES for role in roles)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not has_any_role(request.user, roles):
                raise Http404
            if needs_second_factor and second_factor_pending(request):
                return verification_redirect(request)
            return view(request, *args, **kwargs)

        checked = login_required(guarded)
        checked.required_roles = roles  # type: ignore[attr-defined]
        return checked

    return decorate


__all__ = ["role_required", "second_factor_pending", "verification_redirect"]
