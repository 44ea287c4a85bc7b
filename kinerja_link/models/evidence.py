"""What flows back to the SKP: evidence (bukti dukung) and competency progress."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EvidenceKind(models.TextChoices):
    COURSE = "course", _("Kursus selesai")
    SESSION = "session", _("Sesi pembinaan")
    EXTERNAL = "external", _("Pelatihan di luar platform")


class SkpEvidence(models.Model):
    """Bukti dukung on a pegawai's SKP, linked to the values and RHK the learning serves."""

    skp = models.ForeignKey(
        "kinerja_link.SKP",
        verbose_name=_("SKP"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(_("judul"), max_length=255)
    date = models.DateField(_("tanggal"))
    jp = models.DecimalField(_("JP"), max_digits=6, decimal_places=2, default=0)
    learning_record = models.OneToOneField(
        "learning.LearningRecord",
        verbose_name=_("catatan pembelajaran"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    certificate = models.ForeignKey(
        "learning.Certificate",
        verbose_name=_("sertifikat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        "kinerja_link.PembinaanSession",
        verbose_name=_("sesi pembinaan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    assignment = models.ForeignKey(
        "kinerja_link.Assignment",
        verbose_name=_("penugasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )
    values = models.ManyToManyField(
        "competencies.Competency",
        verbose_name=_("nilai BerAKHLAK"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "nilai"},
    )
    rhk = models.ForeignKey(
        "kinerja_link.RencanaHasilKerja",
        verbose_name=_("RHK"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "session"],
                condition=Q(session__isnull=False),
                name="kl_evidence_session_once_per_skp",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CompetencyProgress(models.Model):
    """Per pegawai and competency: how much evidence, the highest level reached, when last."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="competency_progress",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    evidence_count = models.PositiveIntegerField(_("jumlah bukti"), default=0)
    level_reached = models.PositiveSmallIntegerField(
        _("level tercapai"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    last_date = models.DateField(_("terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("kemajuan kompetensi")
        verbose_name_plural = _("kemajuan kompetensi")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "competency"], name="kl_progress_once"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} · {self.competency_id}: {self.evidence_count}"


class Notification(models.Model):
    """An in-app notification, and the record that its e-mail was sent.

    ``key`` makes each reminder exist at most once ("assignment:12:h-7:2026-12-01"): the
    reminder job inserts with conflicts ignored, so re-runs and worker restarts add nothing.

    E-mail delivery is at most once (``kinerja_link.pembinaan.mail``): a row is claimed
    (``email_claimed_at``) and committed before the message is handed to the mail server,
    then ``emailed_at`` records that the server accepted it. A row claimed but never
    marked sent is "in doubt" after a crash and is not sent again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=120, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    mandatory = models.BooleanField(
        _("wajib"), default=False, help_text=_("Dikirim walau pengguna menolak surel pengingat.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_skipped = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(
                fields=["created_at"],
                condition=Q(emailed_at__isnull=True, email_skipped=False),
                name="kl_notification_mail_pending",
            ),
            # The unread badge on every signed-in page counts through this.
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="kl_notification_unread"
            ),
        ]

    def __str__(self) -> str:
        return self.title
