"""E-mail for pending notifications, each at most once.

The crash window between "the mail server accepted the message" and "the row says so"
cannot be closed: no SMTP server joins our database transaction. We choose **at most
once**, because a reminder e-mailed twice is noise that teaches people to ignore us,
while a lost e-mail still leaves the notification in the app:

1. *Claim* — in a short transaction, ``SELECT … FOR UPDATE SKIP LOCKED`` a batch of
   pending rows (no ``emailed_at``, not skipped, not claimed), decide each (no address, or
   opted out of a non-mandatory reminder → ``email_skipped``), stamp the rest with
   ``email_claimed_at`` and commit. A second worker running at the same moment skips the
   locked rows; once committed, the claim keeps every later run away from them.
2. *Send* — over one connection, one message per row; ``emailed_at`` is set for every
   message the server accepted. A message the server refused (an exception from the
   backend) is un-claimed, so the next run tries again.

A worker killed between 1 and 2 leaves rows claimed without ``emailed_at``: they are
"in doubt" and are never sent automatically (``in_doubt`` lists them for an operator).
Re-delivery of the Celery task after such a crash (``acks_late``) finds nothing to send.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notification

logger = logging.getLogger(__name__)

BATCH = 200


@dataclass
class MailReport:
    sent: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, other: MailReport) -> None:
        self.sent += other.sent
        self.skipped += other.skipped
        self.failed += other.failed


def pending() -> QuerySet[Notification]:
    return Notification.objects.filter(
        emailed_at__isnull=True, email_skipped=False, email_claimed_at__isnull=True
    )


def in_doubt(*, older_than: datetime.timedelta = datetime.timedelta(hours=1)):
    """Rows claimed for e-mail but never confirmed sent: a worker died in between."""
    return Notification.objects.filter(
        emailed_at__isnull=True, email_claimed_at__lt=timezone.now() - older_than
    )


def notifications_send_pending(*, now: datetime.datetime | None = None, batch: int = BATCH):
    """Send every pending notification, batch by batch. Safe to run concurrently."""
    report = MailReport()
    while True:
        step = _send_batch(now=now or timezone.now(), batch=batch)
        report.add(step)
        if step.sent + step.skipped + step.failed < batch or step.failed:
            return report


def _send_batch(*, now: datetime.datetime, batch: int) -> MailReport:
    to_send = _claim(now=now, batch=batch)
    report = MailReport(skipped=to_send.skipped)
    if not to_send.rows:
        return report
    sent, failed = [], []
    with get_connection(fail_silently=False) as connection:
        for row in to_send.rows:
            try:
                _message(row, connection).send()
            except Exception:  # any refusal: the message is known not to be sent
                logger.exception("E-mail notifikasi %s gagal dikirim", row.pk)
                failed.append(row.pk)
            else:
                sent.append(row.pk)
    Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    if failed:
        Notification.objects.filter(pk__in=failed).update(email_claimed_at=None)
    report.sent, report.failed = len(sent), len(failed)
    return report


@dataclass
class _Claimed:
    rows: list[Notification]
    skipped: int


@transaction.atomic
def _claim(*, now: datetime.datetime, batch: int) -> _Claimed:
    rows = list(
        pending()
        .select_related("user")
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("pk")[:batch]
    )
    skip = [row.pk for row in rows if not _wants_mail(row)]
    send = [row for row in rows if row.pk not in set(skip)]
    if skip:
        Notification.objects.filter(pk__in=skip).update(email_skipped=True)
    if send:
        Notification.objects.filter(pk__in=[row.pk for row in send]).update(email_claimed_at=now)
    return _Claimed(rows=send, skipped=len(skip))


def _wants_mail(row: Notification) -> bool:
    user = row.user
    if not user.is_active or not user.email:
        return False
    return row.mandatory or not user.reminder_email_opt_out


def _message(row: Notification, connection) -> EmailMessage:
    lines = [_("Yth. %(name)s,") % {"name": row.user.get_full_name()}, "", row.body]
    if row.url:
        lines += ["", _("Buka: %(url)s") % {"url": _absolute(row.url)}]
    lines += ["", "—", _("Pesan ini dikirim otomatis oleh Bina ASN.")]
    if not row.mandatory:
        lines.append(
            _("Anda dapat berhenti menerima surel pengingat di %(url)s")
            % {"url": _absolute(reverse("pembinaan:notification_settings"))}
        )
    return EmailMessage(
        subject=f"[Bina ASN] {row.title}",
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.user.email],
        connection=connection,
        headers={"X-Bina-Notification": row.key},
    )


def _absolute(path: str) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return f"{base.rstrip('/')}{path}" if path.startswith("/") else path
