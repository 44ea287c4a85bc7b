"""In-app notifications: creating them once per key, reading them, and the user's
e-mail preference. Delivery by e-mail is in ``mail``; the reminder job in ``reminders``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from wagtail.log_actions import log

from .models import Notification

if TYPE_CHECKING:
    from accounts.models import User


def notify(
    *,
    users: Iterable[int],
    key: str,
    title: str,
    body: str = "",
    url: str = "",
    mandatory: bool = False,
) -> None:
    """One notification per user id, keyed ``<key>:<user id>``; repeats are ignored."""
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=uid,
                key=f"{key}:{uid}"[:120],
                title=title[:200],
                body=body,
                url=url[:300],
                mandatory=mandatory,
            )
            for uid in sorted(set(users))
        ],
        ignore_conflicts=True,
    )


def notifications_for(user: User) -> QuerySet[Notification]:
    """A user's own notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(user: User) -> int:
    """One indexed count (``kl_notification_unread``) for the badge in the site header."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    """Mark one of the user's own notifications read (the caller found it by user)."""
    if notification.user_id != user.pk:
        raise Notification.DoesNotExist
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def reminder_email_preference_set(*, user: User, opt_out: bool) -> None:
    """Opt out of (or back into) reminder e-mail; mandatory notices are still sent."""
    if user.reminder_email_opt_out == opt_out:
        return
    user.reminder_email_opt_out = opt_out
    user.save(update_fields=["reminder_email_opt_out"])
    log(
        instance=user,
        action="kinerja_link.notification.preference",
        user=user,
        data={"reminder_email_opt_out": opt_out},
    )
