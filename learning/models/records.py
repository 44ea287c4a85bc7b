"""Learning records: plain models with their invariants as database constraints."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learning.jenis_diklat import JENIS_DIKLAT_CHOICES, JENIS_DIKLAT_E_LEARNING
from learning.storage import private_storage


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Mandiri")
    ASSIGNED = "assigned", _("Penugasan")


class EnrolmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Sedang berjalan")
    COMPLETED = "completed", _("Selesai")


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    course = models.ForeignKey(
        "learning.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    source = models.CharField(
        _("sumber"), max_length=10, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.IN_PROGRESS,
    )
    percent = models.PositiveSmallIntegerField(
        _("kemajuan (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    started_at = models.DateTimeField(_("mulai"), auto_now_add=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pendaftaran kursus")
        verbose_name_plural = _("pendaftaran kursus")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="learning_enrolment_unique"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="learning_enrolment_pct"),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | Q(status="in_progress", completed_at__isnull=True),
                name="learning_enrolment_completed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.course_id}"

    @property
    def is_completed(self) -> bool:
        return self.status == EnrolmentStatus.COMPLETED


class LessonCompletion(models.Model):
    """A lesson marked done ("Tandai selesai") within one enrolment."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey(
        "learning.LessonPage", on_delete=models.PROTECT, related_name="completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pelajaran selesai")
        verbose_name_plural = _("pelajaran selesai")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="learning_lessoncompletion_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} · {self.lesson_id}"


class LearningRecordSource(models.TextChoices):
    COURSE = "course", _("Kursus Bina ASN")
    EXTERNAL = "external", _("Pelatihan di luar platform")
    COACHING = "coaching", _("Coaching/mentoring")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu verifikasi")
    VERIFIED = "verified", _("Terverifikasi")
    REJECTED = "rejected", _("Ditolak")


class LearningRecordQuerySet(models.QuerySet["LearningRecord"]):
    def counted(self) -> LearningRecordQuerySet:
        """Only verified records count toward JP: courses here are verified at birth."""
        return self.filter(verification_status=VerificationStatus.VERIFIED)

    def in_year(self, year: int) -> LearningRecordQuerySet:
        return self.filter(end_date__year=year)


def _proof_path(instance: LearningRecord, filename: str) -> str:
    # The stored name is random: the original name may carry personal data.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"learning/bukti/{instance.user_id}/{uuid.uuid4().hex}.{suffix}"


class LearningRecord(models.Model):
    """The JP ledger: one row per piece of competency development (SIASN *Riwayat Kursus*)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="learning_records"
    )
    source = models.CharField(_("sumber"), max_length=10, choices=LearningRecordSource.choices)
    title = models.CharField(_("nama kursus/pelatihan"), max_length=255)
    institution = models.CharField(_("penyelenggara"), max_length=255, default="Bina ASN")
    jenis_diklat_id = models.PositiveSmallIntegerField(
        _("jenis diklat"), choices=JENIS_DIKLAT_CHOICES, default=JENIS_DIKLAT_E_LEARNING
    )
    jp = models.DecimalField(
        _("JP"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)]
    )
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    certificate_number = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    # Written once per enrolment: the unique key makes a second completion a no-op.
    enrolment = models.OneToOneField(
        Enrolment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_record",
    )
    proof = models.FileField(
        _("berkas sertifikat"), upload_to=_proof_path, storage=private_storage, blank=True
    )
    verification_status = models.CharField(
        _("status verifikasi"),
        max_length=10,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LearningRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("catatan pembelajaran")
        verbose_name_plural = _("catatan pembelajaran (JP)")
        ordering = ["-end_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="learning_record_dates_ordered",
            ),
            models.CheckConstraint(condition=Q(jp__gte=0), name="learning_record_jp_positive"),
            models.CheckConstraint(
                condition=~Q(verification_status="rejected") | ~Q(rejection_reason=""),
                name="learning_record_rejection_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "verification_status", "end_date"]),
            # The admin ledger lists newest first: read in index order, no sort of every row.
            models.Index(fields=["-end_date", "-id"], name="learning_record_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.jp} JP)"


def _certificate_path(instance: Certificate, filename: str) -> str:
    return f"learning/sertifikat/{instance.uuid}.pdf"


class Certificate(models.Model):
    """An issued certificate. Immutable: it keeps what was true when it was issued."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("nomor"), max_length=40, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    enrolment = models.OneToOneField(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # Copies taken at issue: editing or unpublishing the course changes none of them.
    course_title = models.CharField(_("judul kursus"), max_length=255)
    jp = models.PositiveSmallIntegerField(_("JP"))
    holder_name = models.CharField(_("nama"), max_length=255)
    holder_nip = models.CharField(_("NIP"), max_length=18, blank=True)
    signatory_name = models.CharField(_("penandatangan"), max_length=255)
    signatory_title = models.CharField(_("jabatan penandatangan"), max_length=255)
    issued_at = models.DateTimeField(_("diterbitkan"))
    pdf = models.FileField(upload_to=_certificate_path, storage=private_storage, blank=True)
    render_ms = models.PositiveIntegerField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_reason = models.TextField(_("alasan pencabutan"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["-issued_at"], name="learning_cert_issued_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="learning_certificate_revocation_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("learning:certificate_verify", kwargs={"uuid": self.uuid})

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
