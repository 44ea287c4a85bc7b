"""accounts' part of a personal-data erasure: the sign-in account, its sessions, devices,
drafts and sign-in events. ``kinerja_link.personal_data`` orchestrates the erasure."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db.models import Q

from wagtail.admin.models import EditingSession, FormState
from wagtail.models import APIToken
from wagtail.users.models import UserProfile

from foundation.personal_data import delete_files_on_commit

from .models import AuthEvent, User
from .throttling import digests_of


def erased_username(user: User) -> str:
    """Unique (it carries the user id) and never a NIP or an e-mail address."""
    return f"terhapus-{user.pk}"


def _sessions_end(user: User) -> int:
    """Delete the user's sessions (the unusable password would also void them)."""
    mine = [
        session.pk
        for session in Session.objects.iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    return int(Session.objects.filter(pk__in=mine).delete()[0])


def account_traces_erase(user: User) -> dict[str, int]:
    """Sessions, second-factor devices, Wagtail API tokens, admin drafts, the admin profile
    and its photo, and what sign-in events say about the browser and address."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        delete_files_on_commit([profile.avatar])
        profile.delete()
    return {
        "sesi_masuk": _sessions_end(user),
        "perangkat_otp": TOTPDevice.objects.filter(user=user).delete()[0],
        "token_api": APIToken.objects.filter(user=user).delete()[0],
        "draf_admin": FormState.objects.filter(user=user).delete()[0]
        + EditingSession.objects.filter(user=user).delete()[0],
        "catatan_masuk": AuthEvent.objects.filter(user=user).update(
            identifier="", ip_address=None, user_agent=""
        ),
    }


def sign_in_digests_forget(user: User) -> int:
    """Failed sign-ins keep a keyed digest of the account (older rows: of the NIP or e-mail
    typed), the throttle's count: it would still tie those rows to the person, so it goes,
    also on failed attempts that named the account without signing in (no user on the row)."""
    digests = digests_of(user)
    events = AuthEvent.objects.filter(Q(user=user) | Q(account_digest__in=digests))
    return events.exclude(account_digest="").update(account_digest="")


def account_pseudonymise(user: User, *, pseudonym: str) -> None:
    """The account stays (rows that aggregates count point at it) but names no one and
    can never sign in again."""
    user.username = erased_username(user)
    user.display_name = pseudonym
    user.first_name = user.last_name = user.email = ""
    user.nip = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
