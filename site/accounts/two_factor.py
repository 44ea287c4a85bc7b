"""TOTP second factor for the accounts that can change content, roles and records.

django-otp stores the devices and verifies codes (with its own throttling); this module
decides who needs a second factor and sends them to set it up or enter their code. It is
demanded wherever a staff power is used, not by where a URL lives: every view of the
Wagtail admin (which only staff roles may enter) through the middleware below, and every
view elsewhere that declares a staff role through ``accounts.access.role_required``.
"""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django_otp import user_has_device

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .roles import STAFF_ROLES, has_any_role


def requires_second_factor(user) -> bool:
    if not (settings.BINA_REQUIRE_2FA and user.is_authenticated):
        return False
    return has_any_role(user, STAFF_ROLES)


def second_factor_pending(request) -> bool:
    """Whether the user holds a staff power this session may not use yet."""
    user = request.user
    if not requires_second_factor(user):
        return False
    is_verified = getattr(user, "is_verified", None)  # set by django-otp's middleware
    return not (is_verified and is_verified())


def verification_redirect(request) -> HttpResponseRedirect:
    """To the code page (or the device pairing page), coming back here afterwards."""
    name = "accounts:otp_verify" if user_has_device(request.user) else "accounts:otp_setup"
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def safe_next(request, default: str = "/admin/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def qr_svg(data: str) -> str:
    """An inline SVG QR code (no image files, nothing sent to a third party)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


# Admin pages that use no staff power: signing in and out, password reset, static helpers.
OPEN_ADMIN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    }
)


class RequireSecondFactorMiddleware:
    """Send unverified staff from the Wagtail admin to set up or enter their code.

    Every admin view but ``OPEN_ADMIN_VIEWS`` needs ``wagtailadmin.access_admin``, which
    only staff roles hold, so the admin is a staff area as a whole.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name in OPEN_ADMIN_VIEWS:
            return None
        in_admin = request.path.startswith(reverse("wagtailadmin_home"))
        if in_admin and second_factor_pending(request):
            return verification_redirect(request)
        return None
