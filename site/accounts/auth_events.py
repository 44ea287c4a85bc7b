"""Record sign-in events and feed the throttle, from Django's auth signals.

Signals are the one place every login path (our form, Wagtail's admin form, tests'
client.login) passes through.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from foundation.request_id import current_request_id

from . import throttling
from .models import AuthEvent
from .nip import mask_nip


def masked_identifier(identifier: str) -> str:
    identifier = (identifier or "").strip()
    if "@" in identifier:
        local, _, domain = identifier.partition("@")
        return f"{local[:1]}•••@{domain}"[:64]
    compact = identifier.replace(" ", "")
    if compact.isdigit():
        return mask_nip(compact)
    return f"{identifier[:2]}•••" if identifier else ""


def _client(request) -> dict:
    if request is None:
        return {"request_id": current_request_id() or ""}
    return {
        "request_id": current_request_id() or "",
        "ip_address": throttling.client_address(request)
        if request.META.get("REMOTE_ADDR")
        else None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
    }


@receiver(user_login_failed, dispatch_uid="accounts.login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    identifier = credentials.get("username", "")
    locked = throttling.is_locked(request, identifier)
    if not locked:
        throttling.record_failure(request, identifier)
    AuthEvent.objects.create(
        kind=AuthEvent.Kind.LOCKED if locked else AuthEvent.Kind.LOGIN_FAILED,
        identifier=masked_identifier(identifier),
        account_digest=throttling.account_digest(request, identifier),
        **_client(request),
    )


@receiver(user_logged_in, dispatch_uid="accounts.logged_in")
def on_logged_in(sender, request, user, **kwargs):
    throttling.clear_account(user)
    AuthEvent.objects.create(
        kind=AuthEvent.Kind.LOGIN,
        user=user,
        identifier=masked_identifier(user.nip or user.email),
        **_client(request),
    )


@receiver(user_logged_out, dispatch_uid="accounts.logged_out")
def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        AuthEvent.objects.create(kind=AuthEvent.Kind.LOGOUT, user=user, **_client(request))
