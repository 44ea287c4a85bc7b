"""TOTP second factor for the accounts that can change content, roles and records.

django-otp stores the devices and verifies codes (with its own throttling); this module
decides who needs a second factor, where it is demanded (the admin, where those powers
are exercised) and offers the setup and verification pages.
"""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .roles import STAFF_ROLES, has_any_role


def requires_second_factor(user) -> bool:
    if not (settings.BINA_REQUIRE_2FA and user.is_authenticated):
        return False
    return has_any_role(user, STAFF_ROLES)


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


class RequireSecondFactorMiddleware:
    """Send unverified staff from the admin to set up or enter their code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and not request.path.startswith("/admin/login"):
            user = request.user
            if requires_second_factor(user) and not user.is_verified():
                from django_otp import user_has_device

                name = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
                return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
