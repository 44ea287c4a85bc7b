"""State changes in learning. Views, the admin, tasks and the demo all call these."""

from __future__ import annotations

import datetime
import time
import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from accounts.roles import Role, has_role
from foundation.audit.bulk import log_entries_bulk
from foundation.audit.changes import changes, snapshot
from foundation.outbox import enqueue_on_commit
from learning import completion, events
from learning.models import (
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    LearningRecord,
    LearningRecordSource,
    LessonCompletion,
    LessonPage,
    VerificationStatus,
)
from learning.proofs import validate_proof
from learning.scopes import manages_user, users_managed_by

if TYPE_CHECKING:
    from accounts.models import User


def _require_login(user: User) -> None:
    if not user.is_authenticated:
        raise PermissionDenied


# --- Enrolment and progress ----------------------------------------------------------


def enrolment_create(
    *, user: User, course: CoursePage, source: str = EnrolmentSource.SELF
) -> Enrolment:
    """Enrol ``user``; enrolling again returns the existing enrolment unchanged."""
    _require_login(user)
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.live:
        raise ValidationError(_("Kursus ini tidak tersedia."))
    if source == EnrolmentSource.SELF and not course.open_enrolment:
        raise ValidationError(_("Kursus ini hanya dapat diikuti lewat penugasan."))
    completed = Enrolment.objects.filter(user=user, status=EnrolmentStatus.COMPLETED)
    missing = CoursePage.objects.filter(required_by=course).exclude(
        pk__in=completed.values("course_id")
    )
    if missing.exists():
        titles = ", ".join(missing.values_list("title", flat=True))
        raise ValidationError(
            _("Selesaikan dulu kursus prasyarat: %(titles)s.") % {"titles": titles}
        )
    enrolment = Enrolment(user=user, course=course, source=source)
    enrolment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:  # a double click raced us: the other request enrolled
        return Enrolment.objects.get(user=user, course=course)
    log(instance=enrolment, action="learning.enrolment.create", user=user)
    return enrolment


def users_missing_prerequisites(*, course: CoursePage, user_ids: list[int]) -> list[int]:
    """Those of ``user_ids`` who lack a completed prerequisite of ``course``: two queries."""
    required = list(CoursePage.objects.filter(required_by=course).values_list("pk", flat=True))
    if not required or not user_ids:
        return []
    done = dict(
        Enrolment.objects.filter(
            user_id__in=user_ids, course_id__in=required, status=EnrolmentStatus.COMPLETED
        )
        .values("user_id")
        .annotate(n=Count("course_id", distinct=True))
        .values_list("user_id", "n")
    )
    return [uid for uid in user_ids if done.get(uid, 0) < len(required)]


def enrolments_create_bulk(
    *, users: list[User], course: CoursePage, source: str = EnrolmentSource.ASSIGNED, actor: User
) -> dict[int, Enrolment]:
    """Enrol several users at once with ``enrolment_create``'s rules: user id -> enrolment.

    Set-based (a read, the prerequisite check, one insert, a re-read, one audit insert).
    An existing enrolment is reused unchanged. One user lacking a prerequisite refuses
    the whole request, naming them; nothing is written then.
    """
    if not course.live:
        raise ValidationError(_("Kursus ini tidak tersedia."))
    if source == EnrolmentSource.SELF and not course.open_enrolment:
        raise ValidationError(_("Kursus ini hanya dapat diikuti lewat penugasan."))
    by_id = {user.pk: user for user in users}
    enrolments = {
        e.user_id: e for e in Enrolment.objects.filter(user_id__in=list(by_id), course=course)
    }
    new_ids = [uid for uid in by_id if uid not in enrolments]
    lacking = set(users_missing_prerequisites(course=course, user_ids=new_ids))
    if lacking:
        names = ", ".join(by_id[uid].get_full_name() for uid in new_ids if uid in lacking)
        raise ValidationError(
            _("Pegawai berikut belum menyelesaikan kursus prasyarat: %(names)s.") % {"names": names}
        )
    if new_ids:
        enrolments.update(_enrolments_insert(new_ids, course=course, source=source, actor=actor))
    return enrolments


def _enrolments_insert(
    user_ids: list[int], *, course: CoursePage, source: str, actor: User
) -> dict[int, Enrolment]:
    Enrolment.objects.bulk_create(
        [Enrolment(user_id=uid, course=course, source=source) for uid in user_ids]
    )
    # Re-read rather than trust bulk_create's pks: these users had no enrolment of it.
    created = {
        e.user_id: e
        for e in Enrolment.objects.filter(user_id__in=user_ids, course=course).select_related(
            "user"
        )
    }
    log_entries_bulk(
        Enrolment,
        "learning.enrolment.create",
        [(e.pk, str(e), {"source": source}) for e in created.values()],
        user_id=actor.pk if actor else None,
    )
    return created


def lesson_is_unlocked(*, enrolment: Enrolment, lesson: LessonPage) -> bool:
    """Sequential courses open a lesson once every earlier lesson is done."""
    if not enrolment.course.sequential:
        return True
    earlier = enrolment.course.lessons().filter(path__lt=lesson.path)
    return not earlier.exclude(completions__enrolment=enrolment).exists()


def lesson_complete(*, user: User, lesson: LessonPage) -> Enrolment:
    """Mark a lesson done ("Tandai selesai") and recompute progress. Safe to repeat."""
    _require_login(user)
    course = lesson.course
    enrolment = Enrolment.objects.filter(user=user, course=course).select_related("course").first()
    if enrolment is None:
        raise ValidationError(_("Daftar ke kursus ini terlebih dahulu."))
    if not lesson.live:
        raise ValidationError(_("Pelajaran ini tidak tersedia."))
    if not lesson_is_unlocked(enrolment=enrolment, lesson=lesson):
        raise ValidationError(_("Selesaikan pelajaran sebelumnya terlebih dahulu."))
    _completion, created = LessonCompletion.objects.get_or_create(
        enrolment=enrolment, lesson=lesson
    )
    if created:
        log(
            instance=enrolment,
            action="learning.lesson.complete",
            user=user,
            data={"lesson": lesson.pk},
        )
    return enrolment_recompute(enrolment_id=enrolment.pk)


@transaction.atomic
def enrolment_recompute(*, enrolment_id: int) -> Enrolment:
    """Bring an enrolment's percent and status in line with the completion rule.

    Idempotent: the row is locked, and completion happens only on the transition from
    in progress to completed, so two concurrent calls complete it once.
    """
    enrolment = (
        Enrolment.objects.select_for_update().select_related("course", "user").get(pk=enrolment_id)
    )
    if enrolment.is_completed:
        return enrolment  # completion is final: later course edits don't reopen it
    progress = completion.evaluate(enrolment)
    if progress.complete:
        _enrolment_complete(enrolment)
    elif enrolment.percent != progress.percent:
        enrolment.percent = progress.percent
        enrolment.save(update_fields=["percent", "updated_at"])
    return enrolment


def _enrolment_complete(enrolment: Enrolment) -> None:
    now = timezone.now()
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.percent = 100
    enrolment.completed_at = now
    enrolment.save(update_fields=["status", "percent", "completed_at", "updated_at"])
    course = enrolment.course
    certificate = _certificate_issue(enrolment, now) if course.certificate_enabled else None
    record, _created = LearningRecord.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "user": enrolment.user,
            "source": LearningRecordSource.COURSE,
            "title": course.title,
            "jenis_diklat_id": course.jenis_diklat_id,
            "jp": Decimal(course.jp or 0),
            "start_date": timezone.localdate(enrolment.started_at),
            "end_date": timezone.localdate(now),
            "certificate_number": certificate.number if certificate else "",
            "verification_status": VerificationStatus.VERIFIED,
            "verified_at": now,
        },
    )
    log(instance=enrolment, action="learning.enrolment.complete", user=enrolment.user)
    if certificate:
        from learning.tasks import render_certificate

        enqueue_on_commit(render_certificate, certificate.pk)
    events.announce_course_completed(
        enrolment_id=enrolment.pk,
        user_id=enrolment.user_id,
        course_id=course.pk,
        learning_record_id=record.pk,
        certificate_id=certificate.pk if certificate else None,
    )


# --- Certificates ----------------------------------------------------------------------


# What the audit trail records of a certificate (never the holder's NIP).
CERTIFICATE_AUDITED_FIELDS = (
    "number",
    "course_title",
    "holder_name",
    "jp",
    "issued_at",
    "revoked_at",
    "revoked_reason",
    "revoked_by",
)


def _certificate_issue(enrolment: Enrolment, issued_at: datetime.datetime) -> Certificate:
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults=_certificate_fields(enrolment, issued_at),
    )
    if created:
        log(
            instance=certificate,
            action="learning.certificate.issue",
            user=enrolment.user,
            data=changes(None, snapshot(certificate, CERTIFICATE_AUDITED_FIELDS)),
        )
    return certificate


def _certificate_fields(enrolment: Enrolment, issued_at: datetime.datetime) -> dict[str, Any]:
    code = uuid.uuid4()
    signatory = getattr(settings, "BINA_CERTIFICATE_SIGNATORY", {})
    return {
        "uuid": code,
        # Readable, unique and not guessable from its neighbours.
        "number": f"BINA/{issued_at:%Y}/{code.hex[:10].upper()}",
        "user": enrolment.user,
        "course": enrolment.course,
        "course_title": enrolment.course.title,
        "jp": enrolment.course.jp,
        "holder_name": enrolment.user.get_full_name(),
        "holder_nip": enrolment.user.nip or "",
        "signatory_name": signatory.get("name", "Kepala Biro Sumber Daya Manusia"),
        "signatory_title": signatory.get("title", "Pejabat Pembina Kepegawaian"),
        "issued_at": issued_at,
    }


def certificate_render(*, certificate_id: int) -> Certificate:
    """Render the PDF once; a certificate that has its file is left alone."""
    from learning.certificates import render_pdf

    with transaction.atomic():
        # Locked: a second delivery of the task waits, then finds the file and stops.
        certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
        if certificate.pdf:
            return certificate
        started = time.perf_counter()
        content = render_pdf(certificate)
        certificate.render_ms = int((time.perf_counter() - started) * 1000)
        name = certificate.pdf.field.generate_filename(certificate, f"{certificate.uuid}.pdf")
        if certificate.pdf.storage.exists(name):
            # Left by a run that died before its commit: replace it rather than add a
            # second file under a suffixed name.
            certificate.pdf.storage.delete(name)
        certificate.pdf.save(name, ContentFile(content), save=False)
        certificate.save(update_fields=["pdf", "render_ms"])
        # Usually run by a worker: the actor is the system, the request id the one that
        # completed the course (carried through the outbox).
        log(
            instance=certificate,
            action="learning.certificate.render",
            data=changes({"pdf": ""}, {"pdf": certificate.pdf.name}),
        )
        events.announce_certificate_issued(
            certificate_id=certificate.pk, user_id=certificate.user_id
        )
    return certificate


def may_revoke_certificate(user: User, certificate: Certificate) -> bool:
    """A superuser, or a pengelola whose units hold the certificate's holder."""
    if user.is_superuser:
        return True
    return has_role(user, Role.PENGELOLA) and manages_user(user, certificate.user_id)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    if not may_revoke_certificate(by, certificate):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"revoked_reason": _("Alasan pencabutan wajib diisi.")})
    if certificate.revoked_at:
        return certificate
    before = snapshot(certificate, CERTIFICATE_AUDITED_FIELDS)
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    # A revoked certificate no longer proves the learning: its JP stop counting. Without an
    # enrolment there is no record of it (``enrolment_id=None`` would match every record
    # without one, external trainings of everyone).
    if certificate.enrolment_id is not None:
        LearningRecord.objects.filter(enrolment_id=certificate.enrolment_id).update(
            verification_status=VerificationStatus.REJECTED,
            rejection_reason=_("Sertifikat dicabut: %(reason)s") % {"reason": reason},
            verified_by=by,
            verified_at=certificate.revoked_at,
        )
        events.announce_learning_records_changed(user_ids=[certificate.user_id])
    after = snapshot(certificate, CERTIFICATE_AUDITED_FIELDS)
    log(
        instance=certificate,
        action="learning.certificate.revoke",
        user=by,
        data=changes(before, after, reason=reason),
    )
    return certificate


# --- The JP ledger ---------------------------------------------------------------------


def minutes_to_jp(minutes: int) -> Decimal:
    return (Decimal(minutes) / Decimal(settings.JP_MINUTES)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


# What the audit trail records of a JP record made for a coaching or mentoring session.
SESSION_RECORD_AUDITED_FIELDS = (
    "user",
    "source",
    "title",
    "jenis_diklat_id",
    "jp",
    "start_date",
    "verification_status",
)


def learning_records_for_session(
    *,
    users: list[User],
    title: str,
    institution: str,
    jenis_diklat_id: int,
    minutes: int,
    date: datetime.date,
    recorded_by: User | None,
) -> list[LearningRecord]:
    """The JP records of a coaching or mentoring session a pimpinan recorded, one per user:
    verified at once (the pimpinan held the session; nobody else can confirm it), dated
    the session's day. Set-based: one insert of records and one of audit entries."""
    common = {
        "source": LearningRecordSource.COACHING,
        "title": title,
        "institution": institution[:255],
        "jenis_diklat_id": jenis_diklat_id,
        "jp": minutes_to_jp(minutes),
        "start_date": date,
        "end_date": date,
        "verification_status": VerificationStatus.VERIFIED,
        "verified_by": recorded_by,
        "verified_at": timezone.now(),
    }
    # PostgreSQL and SQLite (3.35+) return the new primary keys from a bulk insert.
    created = LearningRecord.objects.bulk_create(
        [LearningRecord(user=user, **common) for user in users]
    )
    log_entries_bulk(
        LearningRecord,
        "learning.record.create",
        [
            (r.pk, str(r), changes(None, snapshot(r, SESSION_RECORD_AUDITED_FIELDS)))
            for r in created
        ],
        user_id=recorded_by.pk if recorded_by else None,
    )
    events.announce_learning_records_verified(learning_record_ids=[r.pk for r in created])
    return created


def learning_record_create_external(
    *,
    user: User,
    title: str,
    institution: str,
    jenis_diklat_id: int,
    minutes: int,
    start_date: datetime.date,
    end_date: datetime.date,
    certificate_number: str,
    proof: UploadedFile[bytes],
) -> LearningRecord:
    """A training outside the platform. It counts once a pengelola verifies it."""
    _require_login(user)
    proof.name = f"bukti.{validate_proof(proof)}"  # the extension comes from the content
    record = LearningRecord(
        user=user,
        source=LearningRecordSource.EXTERNAL,
        title=title,
        institution=institution,
        jenis_diklat_id=jenis_diklat_id,
        jp=minutes_to_jp(minutes),
        start_date=start_date,
        end_date=end_date,
        certificate_number=certificate_number,
        verification_status=VerificationStatus.PENDING,
    )
    record.proof = proof
    record.full_clean()
    record.save()
    log(instance=record, action="learning.record.create", user=user)
    return record


def learning_record_verify(
    *, record: LearningRecord, by: User, approve: bool, reason: str = ""
) -> LearningRecord:
    if not has_role(by, Role.PENGELOLA):
        raise PermissionDenied
    if record.user_id == by.pk:
        raise PermissionDenied  # nobody verifies their own training
    if not users_managed_by(by).filter(pk=record.user_id).exists():
        raise PermissionDenied
    if record.verification_status != VerificationStatus.PENDING:
        raise ValidationError(_("Catatan ini sudah diproses."))
    if not approve and not reason.strip():
        raise ValidationError({"rejection_reason": _("Alasan penolakan wajib diisi.")})
    record.verification_status = (
        VerificationStatus.VERIFIED if approve else VerificationStatus.REJECTED
    )
    record.rejection_reason = "" if approve else reason.strip()
    record.verified_by = by
    record.verified_at = timezone.now()
    record.save(
        update_fields=["verification_status", "rejection_reason", "verified_by", "verified_at"]
    )
    action = "learning.record.verify" if approve else "learning.record.reject"
    log(instance=record, action=action, user=by)
    events.announce_learning_records_changed(user_ids=[record.user_id])
    if approve:
        events.announce_learning_records_verified(learning_record_ids=[record.pk])
    return record
