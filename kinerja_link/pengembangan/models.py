"""Standar kompetensi jabatan, competency level assessments and the yearly IDP.

PermenPANRB 38/2017 gives each jabatan its required level (1–5) per manajerial, sosial
kultural and teknis competency; PP 11/2017 (as amended by PP 17/2020) plans development
per person from the competency gap and the performance gap. ``Pegawai.jabatan`` is free
text, so a standard names its jabatan as text and the unit subtree it holds for: the
deepest unit on a pegawai's path wins (``rules.standar_for``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class StandarKompetensi(models.Model):
    """One required level of one competency for one jabatan in one unit subtree."""

    jabatan = models.CharField(_("jabatan"), max_length=255, db_index=True)
    unit = models.ForeignKey(
        "kinerja_link.UnitKerja",
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Berlaku untuk jabatan ini di unit ini beserta seluruh unit di bawahnya."),
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"has_levels": True},
    )
    required_level = models.PositiveSmallIntegerField(
        _("level yang dipersyaratkan"), validators=LEVEL_VALIDATORS
    )

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["jabatan", "competency__kind", "competency__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "unit", "competency"], name="pengembangan_standar_once"
            ),
            models.CheckConstraint(
                condition=models.Q(required_level__gte=1, required_level__lte=5),
                name="pengembangan_standar_level_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jabatan} · {self.competency.code}: {self.required_level}"


class LevelSource(models.TextChoices):
    """Where a current level comes from (issue 16: the source is always shown)."""

    ASSESSMENT = "asesmen", _("Hasil asesmen")
    COURSE = "kursus", _("Kursus selesai")
    COACHING = "coaching", _("Penilaian pimpinan setelah coaching")


class PenilaianKompetensi(models.Model):
    """A level measured outside a course: an assessment result or the pimpinan's rating
    after coaching. Courses are counted from ``pembinaan.CompetencyProgress``."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="penilaian_kompetensi",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"has_levels": True},
    )
    source = models.CharField(
        _("sumber"),
        max_length=10,
        choices=[
            (LevelSource.ASSESSMENT.value, LevelSource.ASSESSMENT.label),
            (LevelSource.COACHING.value, LevelSource.COACHING.label),
        ],
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    date = models.DateField(_("tanggal"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dinilai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("keterangan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("penilaian level kompetensi")
        verbose_name_plural = _("penilaian level kompetensi")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5),
                name="pengembangan_penilaian_level_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} · {self.competency_id}: {self.level} ({self.source})"


class IdpStatus(models.TextChoices):
    DRAFT = "draft", _("Konsep")
    SUBMITTED = "diajukan", _("Diajukan ke pimpinan")
    RETURNED = "dikembalikan", _("Dikembalikan untuk diperbaiki")
    APPROVED = "disetujui", _("Disetujui")

    @classmethod
    def editable(cls) -> tuple[str, ...]:
        return (cls.DRAFT.value, cls.RETURNED.value)


class RencanaPengembangan(models.Model):
    """The IDP (rencana pengembangan kompetensi) of one pegawai for one year."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="rencana_pengembangan",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jabatan = models.CharField(_("jabatan saat disusun"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=IdpStatus.choices, default=IdpStatus.DRAFT
    )
    pimpinan_comment = models.TextField(_("catatan pimpinan"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tahun"], name="pengembangan_idp_per_year"),
        ]

    def __str__(self) -> str:
        return f"IDP {self.tahun} · {self.pegawai_id}"

    @property
    def is_editable(self) -> bool:
        return self.status in IdpStatus.editable()


class DevelopmentForm(models.TextChoices):
    """Bentuk pengembangan kompetensi (Peraturan LAN 10/2018): klasikal, then nonklasikal."""

    PELATIHAN = "pelatihan", _("Pelatihan klasikal")
    SEMINAR = "seminar", _("Seminar/konferensi/sarasehan")
    WORKSHOP = "workshop", _("Workshop/lokakarya")
    KURSUS = "kursus", _("Kursus")
    BIMTEK = "bimtek", _("Bimbingan teknis")
    SOSIALISASI = "sosialisasi", _("Sosialisasi")
    E_LEARNING = "e_learning", _("E-learning")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    JOB_SHADOWING = "job_shadowing", _("Job shadowing")
    DETASERING = "detasering", _("Detasering (secondment)")
    MAGANG = "magang", _("Magang/praktik kerja")
    PATOK_BANDING = "patok_banding", _("Patok banding (benchmarking)")
    KOMUNITAS = "komunitas", _("Komunitas belajar")
    BELAJAR_MANDIRI = "mandiri", _("Belajar mandiri")

    @classmethod
    def klasikal(cls) -> frozenset[str]:
        return frozenset(
            {cls.PELATIHAN, cls.SEMINAR, cls.WORKSHOP, cls.KURSUS, cls.BIMTEK, cls.SOSIALISASI}
        )


class GapKind(models.TextChoices):
    COMPETENCY = "kompetensi", _("Kesenjangan kompetensi")
    PERFORMANCE = "kinerja", _("Kesenjangan kinerja")


class RencanaItem(models.Model):
    """One planned development activity of an IDP, with the gap it closes."""

    rencana = models.ForeignKey(RencanaPengembangan, on_delete=models.CASCADE, related_name="items")
    gap_kind = models.CharField(_("jenis kesenjangan"), max_length=10, choices=GapKind.choices)
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    required_level = models.PositiveSmallIntegerField(
        _("level dipersyaratkan"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    current_level = models.PositiveSmallIntegerField(
        _("level saat ini"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    current_source = models.CharField(
        _("sumber level saat ini"), max_length=10, choices=LevelSource.choices, blank=True
    )
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    form = models.CharField(
        _("bentuk pengembangan"), max_length=16, choices=DevelopmentForm.choices
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("kursus"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recommendation = models.ForeignKey(
        "pembinaan.Recommendation",
        verbose_name=_("rekomendasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_jp = models.DecimalField(_("target JP"), max_digits=5, decimal_places=1, default=0)
    start_date = models.DateField(_("mulai"), null=True, blank=True)
    end_date = models.DateField(_("selesai"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kegiatan pengembangan")
        verbose_name_plural = _("kegiatan pengembangan")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_jp__gte=0), name="pengembangan_item_jp_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="pengembangan_item_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} · {self.competency_id or self.reason}"

    @property
    def is_klasikal(self) -> bool:
        return self.form in DevelopmentForm.klasikal()

    @property
    def gap(self) -> int | None:
        if self.required_level is None:
            return None
        return max(self.required_level - (self.current_level or 0), 0)


class PenilaianPascaPelatihan(models.Model):
    """Kirkpatrick level 3: the pimpinan's rating of the change in a pegawai's behaviour at
    work, 1–3 months after a course (asked by ``evaluasi.l3_request``, one per enrolment).

    ``pimpinan`` is who was asked; who may answer is the pegawai's pejabat penilai at the
    time of answering (``evaluasi.l3_answer``), which becomes ``answered_by``.
    """

    enrolment = models.OneToOneField(
        "learning.Enrolment", on_delete=models.PROTECT, related_name="penilaian_pasca"
    )
    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai", on_delete=models.PROTECT, related_name="penilaian_pasca"
    )
    pimpinan = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pimpinan yang diminta"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="penilaian_pasca_diminta",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    asked_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    rating = models.PositiveSmallIntegerField(
        _("perubahan perilaku (1–5)"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    note = models.TextField(_("catatan"), blank=True, max_length=1000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("dinilai"), null=True, blank=True)

    class Meta:
        verbose_name = _("penilaian pascapelatihan")
        verbose_name_plural = _("penilaian pascapelatihan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True, answered_at__isnull=True)
                | models.Q(rating__gte=1, rating__lte=5, answered_at__isnull=False),
                name="pengembangan_l3_rating_answered",
            )
        ]
        indexes = [models.Index(fields=["pimpinan", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.enrolment_id}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None
