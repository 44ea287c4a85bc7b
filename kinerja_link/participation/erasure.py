"""Personal data in participation: only a feedback sender's optional e-mail.

- It is never published (templates and selectors never read it; a test checks).
- A pegawai's erasure sweeps it through ``PERSONAL_TEXT_COLUMNS_HOOK`` (wagtail_hooks).
- A member of the public asks by e-mail: :func:`sender_personal_data_export` lists what we
  hold under that address, :func:`sender_personal_data_erase` forgets it.


"""

from __future__ import annotations

from wagtail.log_actions import log

from .models import PublicFeedback


def _of(email: str):
    return PublicFeedback.objects.filter(sender_email__iexact=email.strip())


def sender_personal_data_export(*, email: str) -> list[dict]:
    if not email.strip():
        return []
    return list(
        _of(email)
        .order_by("submitted_at")
        .values("kind", "submitted_at", "text", "status", "answer", "sender_email")
    )


def sender_personal_data_erase(*, email: str, by) -> int:
    if not email.strip():
        return 0
    ids = list(_of(email).values_list("pk", flat=True))
    count = PublicFeedback.objects.filter(pk__in=ids).update(sender_email="")
    for feedback in PublicFeedback.objects.filter(pk__in=ids):
        log(instance=feedback, action="participation.feedback.sender_erased", user=by)
    return count
