"""Records that belong to no domain app: the task outbox (see ``foundation.outbox``)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A Celery task to send, written in the same transaction as the change that needs it.

    The row is the durable promise that the task will run: it is published after commit,
    published again by the relay while the broker is down, and closed when a worker
    finishes the task (``completed_at``). Tasks are idempotent, so a second delivery of
    the same row is harmless.
    """

    task_id = models.UUIDField(_("id tugas"), default=uuid.uuid4, unique=True, editable=False)
    task_name = models.CharField(_("nama tugas"), max_length=200)
    args = models.JSONField(_("argumen"), default=list, blank=True)
    kwargs = models.JSONField(_("argumen bernama"), default=dict, blank=True)
    request_id = models.CharField(_("id permintaan"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("percobaan kirim"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    last_attempt_at = models.DateTimeField(_("percobaan terakhir"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"))
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    final_state = models.CharField(_("status akhir"), max_length=10, blank=True)

    class Meta:
        db_table = "bina_outboxmessage"  # the table it had when the outbox lived in ``bina``
        verbose_name = _("pesan antrean tugas")
        verbose_name_plural = _("antrean tugas (outbox)")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(completed_at__isnull=True),
                name="bina_outbox_open_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_name} {self.args or ''}".strip()

    @property
    def status(self) -> str:
        if self.completed_at:
            return str(_("Selesai"))
        if self.sent_at:
            return str(_("Terkirim"))
        if self.attempts:
            return str(_("Gagal dikirim, dicoba lagi"))
        return str(_("Menunggu"))
