"""Domain events learning announces. Other apps (kinerja_link) subscribe in ``ready()``.

Events are sent only after the transaction that caused them commits, so a subscriber
never sees a fact that was rolled back. Receivers get ids, not instances: heavy work
belongs in a Celery task that loads what it needs.
"""

from django.db import transaction
from django.dispatch import Signal

# kwargs: enrolment_id, user_id, course_id, learning_record_id, certificate_id (or None)
course_completed = Signal()
# kwargs: certificate_id, user_id — sent once the certificate's PDF exists
certificate_issued = Signal()
# kwargs: user_ids — whether some of their learning records count changed (a pengelola
# verified or rejected an external training, a certificate was revoked)
learning_records_changed = Signal()
# kwargs: learning_record_ids — records that now count toward JP other than a completed
# course: an external training a pengelola verified, a coaching or mentoring session's
# records (verified as they are made)
learning_records_verified = Signal()


def announce_course_completed(
    *,
    enrolment_id: int,
    user_id: int,
    course_id: int,
    learning_record_id: int,
    certificate_id: int | None,
) -> None:
    def send() -> None:
        course_completed.send(
            sender="learning",
            enrolment_id=enrolment_id,
            user_id=user_id,
            course_id=course_id,
            learning_record_id=learning_record_id,
            certificate_id=certificate_id,
        )

    transaction.on_commit(send)


def announce_certificate_issued(*, certificate_id: int, user_id: int) -> None:
    transaction.on_commit(
        lambda: certificate_issued.send(
            sender="learning", certificate_id=certificate_id, user_id=user_id
        )
    )


def announce_learning_records_changed(*, user_ids: list[int]) -> None:
    transaction.on_commit(
        lambda: learning_records_changed.send(sender="learning", user_ids=user_ids)
    )


def announce_learning_records_verified(*, learning_record_ids: list[int]) -> None:
    transaction.on_commit(
        lambda: learning_records_verified.send(
            sender="learning", learning_record_ids=learning_record_ids
        )
    )
