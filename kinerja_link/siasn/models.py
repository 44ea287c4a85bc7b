"""What the connector sent to SIASN, one row per learning record: its outcome is shown in
the admin ("terkirim ke SIASN" or the error text) and makes a second push an update."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learning.models import LearningRecord


class PushStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu dikirim")
    SENT = "sent", _("Terkirim ke SIASN")
    RETRYING = "retrying", _("Gagal, dicoba lagi")
    FAILED = "failed", _("Gagal")


class SiasnPush(models.Model):
    """One learning record's Riwayat Kursus in SIASN. ``siasn_id`` is SIASN's id of the
    course once known: from then on the record is never created again there."""

    learning_record = models.OneToOneField(
        LearningRecord,
        verbose_name=_("catatan pembelajaran"),
        on_delete=models.CASCADE,
        related_name="siasn_push",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PushStatus.choices, default=PushStatus.PENDING
    )
    siasn_id = models.CharField(_("id riwayat kursus SIASN"), max_length=64, blank=True)
    pns_orang_id = models.CharField(_("pnsOrangId"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("kiriman SIASN")
        verbose_name_plural = _("kiriman SIASN")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | (~Q(siasn_id="") & Q(sent_at__isnull=False)),
                name="siasn_push_sent_has_id",
            )
        ]
        indexes = [models.Index(fields=["status", "-updated_at"], name="siasn_push_status_idx")]

    def __str__(self) -> str:
        return f"{self.learning_record} · {self.get_status_display()}"
