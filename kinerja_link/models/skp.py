"""Periods and the SKP (Sasaran Kinerja Pegawai) with its RHK and perilaku expectations."""

from __future__ import annotations

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

ROMAN = ["", "I", "II", "III", "IV"]
BULAN = [
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


class JenisPeriode(models.TextChoices):
    TAHUNAN = "tahunan", _("Tahunan")
    TRIWULAN = "triwulan", _("Triwulan")
    BULANAN = "bulanan", _("Bulanan")


class Periode(models.Model):
    """An evaluation period. ``nomor`` is 0 for the year, 1–4 for a quarter, 1–12 for a month."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisPeriode.choices)
    nomor = models.PositiveSmallIntegerField(
        _("nomor"), default=0, help_text=_("0 untuk tahunan, 1–4 triwulan, 1–12 bulanan.")
    )

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("periode")
        ordering = ["-tahun", "jenis", "-nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "jenis", "nomor"], name="kl_periode_unique"),
            models.CheckConstraint(
                condition=(
                    models.Q(jenis="tahunan", nomor=0)
                    | models.Q(jenis="triwulan", nomor__gte=1, nomor__lte=4)
                    | models.Q(jenis="bulanan", nomor__gte=1, nomor__lte=12)
                ),
                name="kl_periode_nomor_fits_jenis",
            ),
            models.CheckConstraint(
                condition=models.Q(tahun__gte=2000, tahun__lte=2100), name="kl_periode_tahun"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def start_date(self) -> datetime.date:
        if self.jenis == JenisPeriode.TRIWULAN:
            return datetime.date(self.tahun, 3 * self.nomor - 2, 1)
        if self.jenis == JenisPeriode.BULANAN:
            return datetime.date(self.tahun, self.nomor, 1)
        return datetime.date(self.tahun, 1, 1)

    @property
    def end_date(self) -> datetime.date:
        """The last day of the period."""
        if self.jenis == JenisPeriode.TRIWULAN:
            last_month = 3 * self.nomor
        elif self.jenis == JenisPeriode.BULANAN:
            last_month = self.nomor
        else:
            last_month = 12
        return datetime.date(self.tahun, last_month, calendar.monthrange(self.tahun, last_month)[1])

    @property
    def range_label(self) -> str:
        """The period as dates, as the SKP form writes it: "1 Januari 2026 – 31 Desember 2026"."""
        start, end = self.start_date, self.end_date
        return (
            f"{start.day} {_(BULAN[start.month])} {start.year} – "
            f"{end.day} {_(BULAN[end.month])} {end.year}"
        )

    @property
    def label(self) -> str:
        """Readable Indonesian name: "Tahunan 2026", "Triwulan II 2026", "Maret 2026"."""
        if self.jenis == JenisPeriode.TRIWULAN:
            return f"{_('Triwulan')} {ROMAN[self.nomor]} {self.tahun}"
        if self.jenis == JenisPeriode.BULANAN:
            return f"{_(BULAN[self.nomor])} {self.tahun}"
        return f"{_('Tahunan')} {self.tahun}"


class Pendekatan(models.TextChoices):
    KUANTITATIF = "kuantitatif", _("Kuantitatif")
    KUALITATIF = "kualitatif", _("Kualitatif")


class StatusSKP(models.TextChoices):
    KONSEP = "konsep", _("Konsep")
    DISETUJUI = "disetujui", _("Disetujui")


class SKP(ClusterableModel):
    """A pegawai's performance agreement for one year (PermenPANRB 6/2022)."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="skp_set",
    )
    periode = models.ForeignKey(
        Periode,
        verbose_name=_("periode"),
        on_delete=models.PROTECT,
        limit_choices_to={"jenis": JenisPeriode.TAHUNAN},
        related_name="+",
    )
    pejabat_penilai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    atasan_pejabat_penilai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pendekatan = models.CharField(
        _("pendekatan"), max_length=12, choices=Pendekatan.choices, default=Pendekatan.KUANTITATIF
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusSKP.choices, default=StatusSKP.KONSEP
    )
    # The lampiran SKP (PermenPANRB 6/2022): what the organisation provides, how the
    # pegawai accounts for results, and what follows from meeting or missing them.
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)

    panels = [
        FieldPanel("pegawai"),
        FieldPanel("periode"),
        FieldPanel("pejabat_penilai"),
        FieldPanel("atasan_pejabat_penilai"),
        FieldPanel("pendekatan"),
        FieldPanel("status"),
        InlinePanel("rhk", heading=_("Rencana hasil kerja"), label=_("RHK")),
        InlinePanel("perilaku", heading=_("Perilaku kerja"), label=_("Ekspektasi")),
        MultiFieldPanel(
            [
                FieldPanel("dukungan_sumber_daya"),
                FieldPanel("skema_pertanggungjawaban"),
                FieldPanel("konsekuensi"),
            ],
            heading=_("Lampiran SKP"),
        ),
    ]

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "periode"], name="kl_skp_one_per_periode"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.periode.tahun} · {self.pegawai}"


class JenisRHK(models.TextChoices):
    UTAMA = "utama", _("Utama")
    TAMBAHAN = "tambahan", _("Tambahan")


class AspekRHK(models.TextChoices):
    KUANTITAS = "kuantitas", _("Kuantitas")
    KUALITAS = "kualitas", _("Kualitas")
    WAKTU = "waktu", _("Waktu")
    BIAYA = "biaya", _("Biaya")


class RencanaHasilKerja(ClusterableModel):
    """One RHK of an SKP; its indicators are the aspek rows (``aspek_rows``)."""

    skp = ParentalKey(SKP, on_delete=models.CASCADE, related_name="rhk")
    jenis = models.CharField(
        _("jenis"), max_length=10, choices=JenisRHK.choices, default=JenisRHK.UTAMA
    )
    rhk = models.TextField(_("rencana hasil kerja"))
    rhk_pimpinan = models.TextField(_("RHK pimpinan yang diintervensi"), blank=True)
    # The leader's own RHK this one intervenes in, when the leader's SKP is here too.
    rhk_pimpinan_ref = models.ForeignKey(
        "self",
        verbose_name=_("RHK pimpinan (tertaut)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervensi",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("jenis"),
        FieldPanel("rhk"),
        FieldPanel("rhk_pimpinan"),
        InlinePanel("aspek_rows", heading=_("Aspek"), label=_("Aspek"), max_num=4),
    ]

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.rhk


class IndikatorRHK(models.Model):
    """One aspek row of an RHK: its IKI and target. At most one row per aspek."""

    rhk = ParentalKey(RencanaHasilKerja, on_delete=models.CASCADE, related_name="aspek_rows")
    aspek = models.CharField(
        _("aspek"), max_length=10, choices=AspekRHK.choices, default=AspekRHK.KUANTITAS
    )
    indikator = models.TextField(_("indikator kinerja individu"))
    target = models.CharField(_("target"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("aspek RHK")
        verbose_name_plural = _("aspek RHK")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["rhk", "aspek"], name="kl_rhk_one_row_per_aspek"),
        ]

    def __str__(self) -> str:
        return f"{self.get_aspek_display()}: {self.indikator} ({self.target})"


class PerilakuEkspektasi(models.Model):
    """Ekspektasi khusus pimpinan for one BerAKHLAK value of an SKP."""

    skp = ParentalKey(SKP, on_delete=models.CASCADE, related_name="perilaku")
    nilai = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("nilai BerAKHLAK"),
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "nilai"},
        related_name="+",
    )
    ekspektasi = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("ekspektasi perilaku")
        verbose_name_plural = _("ekspektasi perilaku")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["skp", "nilai"], name="kl_perilaku_one_per_nilai"),
        ]

    def __str__(self) -> str:
        return f"{self.nilai}: {self.ekspektasi}"
