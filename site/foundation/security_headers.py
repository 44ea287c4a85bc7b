"""Security headers Django does not set itself: Content-Security-Policy and Permissions-Policy.

The public site allows scripts only from our own origin (no inline script). Wagtail's
admin renders inline scripts in its widgets and panels, so under /admin/ inline script
is allowed; admin pages are reachable only by signed-in staff.
"""

from django.conf import settings

VIDEO_EMBEDS = "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Inline style attributes (progress bar widths) are harmless; inline script is not.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        f"frame-src {VIDEO_EMBEDS}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        f"frame-src 'self' {VIDEO_EMBEDS}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "BINA_ADMIN_PATH_PREFIX", "/admin/")

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(self.admin_prefix)
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_POLICY if is_admin else PUBLIC_POLICY
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
