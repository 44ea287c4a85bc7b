"""Evaluation results, the import jobs that bring them in, and integration tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..kuadran import Predikat, Rating


class EvaluasiSource(models.TextChoices):
    IMPOR_FILE = "file", _("Impor berkas")
    API = "api", _("API integrasi")
    MANUAL = "manual", _("Isian pengelola")


class Evaluasi(models.Model):
    """One evaluation of one pegawai in one period.

    ``predikat`` is written only by the import service from the kuadran
    (``kuadran.predikat_for``); a predikat that came with the import is kept apart in
    ``predikat_imported`` and a disagreement raises ``predikat_mismatch``.
    """

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="evaluasi_set",
    )
    periode = models.ForeignKey(
        "kinerja_link.Periode",
        verbose_name=_("periode"),
        on_delete=models.PROTECT,
        related_name="evaluasi_set",
    )
    rating_hasil = models.PositiveSmallIntegerField(_("rating hasil kerja"), choices=Rating.choices)
    rating_perilaku = models.PositiveSmallIntegerField(
        _("rating perilaku kerja"), choices=Rating.choices
    )
    predikat = models.PositiveSmallIntegerField(
        _("predikat kinerja"), choices=Predikat.choices, editable=False
    )
    predikat_imported = models.PositiveSmallIntegerField(
        _("predikat pada berkas impor"), choices=Predikat.choices, null=True, blank=True
    )
    predikat_mismatch = models.BooleanField(
        _("predikat impor berbeda"),
        default=False,
        help_text=_("Predikat pada berkas impor tidak sesuai kuadran kinerja."),
    )
    perilaku_catatan = models.JSONField(
        _("catatan perilaku per nilai"),
        default=dict,
        blank=True,
        help_text=_(
            'Per kode nilai BerAKHLAK, misalnya {"AK": {"perlu_pembinaan": true, '
            '"catatan": "..."}}.'
        ),
    )
    pejabat_penilai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("sumber"),
        max_length=10,
        choices=EvaluasiSource.choices,
        default=EvaluasiSource.IMPOR_FILE,
    )
    import_job = models.ForeignKey(
        "kinerja_link.ImportJob",
        verbose_name=_("tugas impor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluasi_set",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("evaluasi kinerja")
        verbose_name_plural = _("evaluasi kinerja")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "periode"],
                name="kl_evaluasi_one_per_pegawai_periode",
                violation_error_message=_("Pegawai ini sudah punya evaluasi pada periode ini."),
            ),
            models.CheckConstraint(
                condition=models.Q(rating_hasil__gte=1, rating_hasil__lte=3)
                & models.Q(rating_perilaku__gte=1, rating_perilaku__lte=3)
                & models.Q(predikat__gte=1, predikat__lte=5),
                name="kl_evaluasi_codes_in_range",
            ),
        ]
        indexes = [
            # Counts per predikat in a period (kuadran grid, transparency figures, admin
            # filter) are answered from the index alone.
            models.Index(fields=["periode", "predikat"], name="kl_evaluasi_periode_predikat"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} · {self.periode}"


class ImportStatus(models.TextChoices):
    MENUNGGU = "menunggu", _("Menunggu")
    BERJALAN = "berjalan", _("Berjalan")
    PRATINJAU = "pratinjau", _("Pratinjau siap")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class ImportKind(models.TextChoices):
    EVALUASI = "evaluasi", _("Evaluasi kinerja")
    SKP = "skp", _("SKP")


class ImportJob(models.Model):
    """An import of evaluations or SKPs: a file or API payload, its progress and its
    per-row report. ``kind`` says which rows it holds (``importing.kinds``)."""

    kind = models.CharField(
        _("jenis impor"), max_length=10, choices=ImportKind.choices, default=ImportKind.EVALUASI
    )
    file = models.FileField(_("berkas"), upload_to="kinerja/impor/%Y/%m/", blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    rows = models.JSONField(
        _("baris dari API"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Isi permintaan API, bila impor tidak berasal dari berkas."),
    )
    source = models.CharField(
        _("sumber"),
        max_length=10,
        choices=EvaluasiSource.choices,
        default=EvaluasiSource.IMPOR_FILE,
    )
    periode = models.ForeignKey(
        "kinerja_link.Periode",
        verbose_name=_("periode bawaan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Dipakai untuk baris yang tidak menyebut periode."),
    )
    dry_run = models.BooleanField(_("pratinjau saja"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.MENUNGGU
    )
    total_rows = models.PositiveIntegerField(_("jumlah baris"), default=0)
    processed_rows = models.PositiveIntegerField(_("baris diproses"), default=0)
    created_count = models.PositiveIntegerField(_("baru"), default=0)
    updated_count = models.PositiveIntegerField(_("berubah"), default=0)
    unchanged_count = models.PositiveIntegerField(_("tidak berubah"), default=0)
    error_count = models.PositiveIntegerField(_("galat"), default=0)
    mismatch_count = models.PositiveIntegerField(_("predikat berbeda"), default=0)
    errors = models.JSONField(_("galat per baris"), default=list, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    # Touched with every committed chunk: a running job whose heartbeat stops had its
    # worker die, and the recovery sweep (services.import_jobs_recover) queues it again.
    heartbeat_at = models.DateTimeField(_("tanda hidup terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor kinerja")
        verbose_name_plural = _("impor kinerja")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return (
            f"{self.original_name or self.get_source_display()} · {self.created_at:%d-%m-%Y %H:%M}"
        )

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.is_finished else 0
        return min(100, self.processed_rows * 100 // self.total_rows)

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.PRATINJAU, ImportStatus.SELESAI, ImportStatus.GAGAL)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for integrations. Only its SHA-256 is stored; the raw value is shown once."""

    name = models.CharField(_("nama"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bertindak sebagai"),
        on_delete=models.CASCADE,
        related_name="kinerja_tokens",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("awalan"), max_length=8, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, name: str, user) -> tuple[ApiToken, str]:
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(name=name, user=user, token_hash=hash_token(raw), prefix=raw[:8])
        return token, raw
