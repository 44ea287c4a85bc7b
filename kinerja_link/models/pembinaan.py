"""Pembinaan: the rules that turn evaluations into recommendations, the assignments a
pimpinan makes, coaching sessions and continuous feedback (docs/domain.md §2, §4).

Only the data and its invariants live here; the behaviour is in ``kinerja_link.pembinaan``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from ..kuadran import Rating


class SessionKind(models.TextChoices):
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    KONSELING = "konseling", _("Konseling")


class Priority(models.IntegerChoices):
    TINGGI = 1, _("Tinggi")
    SEDANG = 2, _("Sedang")
    RENDAH = 3, _("Rendah")


class PembinaanRule(models.Model):
    """Agency policy: which evaluation results call for which pembinaan.

    A rule is versioned by period: it applies to evaluations whose period starts on or
    after ``valid_from`` and (when set) before ``valid_until``. Changing a rule that has
    produced recommendations closes it and starts a successor, so every recommendation
    still points at the exact rule that produced it.
    """

    code = models.SlugField(
        _("kode"),
        max_length=50,
        help_text=_("Sama untuk semua versi satu aturan, misalnya 'kurang-misconduct'."),
    )
    name = models.CharField(_("nama aturan"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    version = models.PositiveSmallIntegerField(_("versi"), default=1, editable=False)
    valid_from = models.DateField(_("berlaku mulai"))
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Kosong berarti masih berlaku. Tanggal ini tidak termasuk."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    # Condition: every filled part must hold.
    predikat = models.JSONField(
        _("predikat kinerja"),
        default=list,
        blank=True,
        help_text=_("Kode predikat SIASN (1–5) yang memicu aturan. Kosong: semua predikat."),
    )
    rating_hasil = models.PositiveSmallIntegerField(
        _("rating hasil kerja"), choices=Rating.choices, null=True, blank=True
    )
    rating_perilaku = models.PositiveSmallIntegerField(
        _("rating perilaku kerja"), choices=Rating.choices, null=True, blank=True
    )
    flagged_value = models.ForeignKey(
        "learning.Competency",
        verbose_name=_("nilai BerAKHLAK yang ditandai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "nilai"},
        help_text=_("Berlaku bila nilai ini ditandai perlu pembinaan pada catatan perilaku."),
    )
    any_flagged_value = models.BooleanField(
        _("nilai mana pun yang ditandai"),
        default=False,
        help_text=_("Berlaku bila ada nilai BerAKHLAK yang ditandai perlu pembinaan."),
    )

    # Action.
    courses = models.ManyToManyField(
        "learning.CoursePage",
        verbose_name=_("kursus yang direkomendasikan"),
        blank=True,
        related_name="+",
    )
    competency = models.ForeignKey(
        "learning.Competency",
        verbose_name=_("kursus apa pun yang mengajarkan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    course_for_flagged_value = models.BooleanField(
        _("kursus untuk nilai yang ditandai"),
        default=False,
        help_text=_("Rekomendasikan kursus yang mengajarkan nilai BerAKHLAK yang ditandai."),
    )
    session_kind = models.CharField(
        _("sesi pembinaan"), max_length=10, choices=SessionKind.choices, blank=True
    )
    due_days = models.PositiveSmallIntegerField(
        _("tenggat (hari)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    priority = models.PositiveSmallIntegerField(
        _("prioritas"), choices=Priority.choices, default=Priority.SEDANG
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aturan pembinaan")
        verbose_name_plural = _("aturan pembinaan")
        ordering = ["priority", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="kl_rule_code_version"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="kl_rule_validity_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Terbuka")
    ACCEPTED = "accepted", _("Diterima")
    DISMISSED = "dismissed", _("Diabaikan")


class Recommendation(models.Model):
    """What a rule proposes for one pegawai after one evaluation: a course or a session."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    evaluasi = models.ForeignKey(
        "kinerja_link.Evaluasi",
        verbose_name=_("evaluasi"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    rule = models.ForeignKey(
        PembinaanRule,
        verbose_name=_("aturan"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("kursus"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    session_kind = models.CharField(
        _("sesi pembinaan"), max_length=10, choices=SessionKind.choices, blank=True
    )
    reason = models.CharField(_("alasan"), max_length=300)
    priority = models.PositiveSmallIntegerField(
        _("prioritas"), choices=Priority.choices, default=Priority.SEDANG
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
    )
    dismissed_reason = models.TextField(_("alasan diabaikan"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("rekomendasi pembinaan")
        verbose_name_plural = _("rekomendasi pembinaan")
        ordering = ["priority", "-created_at"]
        constraints = [
            # Idempotency of the recommendation task: one row per evaluation, rule and action.
            models.UniqueConstraint(
                fields=["evaluasi", "rule", "course"],
                condition=Q(course__isnull=False),
                name="kl_recommendation_course_once",
            ),
            models.UniqueConstraint(
                fields=["evaluasi", "rule", "session_kind"],
                condition=Q(course__isnull=True),
                name="kl_recommendation_session_once",
            ),
            models.CheckConstraint(
                condition=(Q(course__isnull=False) & Q(session_kind=""))
                | (Q(course__isnull=True) & ~Q(session_kind="")),
                name="kl_recommendation_course_xor_session",
            ),
        ]
        indexes = [models.Index(fields=["pegawai", "status"])]

    def __str__(self) -> str:
        return self.reason


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Ditugaskan")
    IN_PROGRESS = "in_progress", _("Sedang berjalan")
    COMPLETED = "completed", _("Selesai")
    OVERDUE = "overdue", _("Lewat tenggat")
    CANCELLED = "cancelled", _("Dibatalkan")

    @classmethod
    def open_values(cls) -> list[str]:
        return [cls.ASSIGNED, cls.IN_PROGRESS, cls.OVERDUE]


class Assignment(models.Model):
    """A course a pimpinan assigned to a pegawai. Completion comes only from learning's
    ``course_completed`` event, never from a form."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditugaskan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("dari rekomendasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    evaluasi = models.ForeignKey(
        "kinerja_link.Evaluasi",
        verbose_name=_("evaluasi pemicu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    enrolment = models.ForeignKey(
        "learning.Enrolment",
        verbose_name=_("pendaftaran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("tenggat"))
    note = models.TextField(_("catatan"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ASSIGNED,
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    cancelled_reason = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["due_date", "pk"]
        constraints = [
            # One open assignment of a course per pegawai: a second assignment is a no-op.
            models.UniqueConstraint(
                fields=["pegawai", "course"],
                condition=Q(status__in=["assigned", "in_progress", "overdue"]),
                name="kl_assignment_one_open_per_course",
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | (~Q(status="completed") & Q(completed_at__isnull=True)),
                name="kl_assignment_completed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["pegawai", "status"]),
            models.Index(fields=["status", "due_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} · {self.course_id} · {self.due_date:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.status in AssignmentStatus.open_values()


class PembinaanSession(models.Model):
    """A coaching, mentoring or konseling session (PermenPANRB 6/2022 pengembangan kinerja)."""

    kind = models.CharField(_("jenis"), max_length=10, choices=SessionKind.choices)
    held_by = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("dipimpin oleh"),
        on_delete=models.PROTECT,
        related_name="sessions_held",
    )
    participants = models.ManyToManyField(
        "kinerja_link.Pegawai",
        verbose_name=_("peserta"),
        through="SessionParticipant",
        related_name="pembinaan_sessions",
    )
    date = models.DateField(_("tanggal"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("durasi (menit)"), default=60, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    topics = models.TextField(_("topik"), max_length=4000)
    agreed_actions = models.TextField(
        _("tindak lanjut yang disepakati"), blank=True, max_length=4000
    )
    follow_up_date = models.DateField(_("tanggal tindak lanjut"), null=True, blank=True)
    evaluasi = models.ForeignKey(
        "kinerja_link.Evaluasi",
        verbose_name=_("evaluasi terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rhk = models.ForeignKey(
        "kinerja_link.RencanaHasilKerja",
        verbose_name=_("RHK terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nilai = models.ForeignKey(
        "learning.Competency",
        verbose_name=_("nilai BerAKHLAK terkait"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "nilai"},
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("dari rekomendasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("sesi pembinaan")
        verbose_name_plural = _("sesi pembinaan")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_date__isnull=True) | Q(follow_up_date__gte=models.F("date")),
                name="kl_session_follow_up_after_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.date:%d-%m-%Y}"


class SessionParticipant(models.Model):
    session = models.ForeignKey(PembinaanSession, on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai", on_delete=models.CASCADE, related_name="session_participations"
    )
    # The JP ledger row this session produced for this pegawai, when sessions count as JP.
    learning_record = models.OneToOneField(
        "learning.LearningRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("peserta sesi")
        verbose_name_plural = _("peserta sesi")
        constraints = [
            models.UniqueConstraint(fields=["session", "pegawai"], name="kl_participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} · {self.pegawai_id}"


class FeedbackKind(models.TextChoices):
    TERJADWAL = "terjadwal", _("Terjadwal")
    INSIDENTAL = "insidental", _("Insidental")


class Feedback(models.Model):
    """Umpan balik berkelanjutan from a pimpinan to a pegawai; both can read it."""

    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="feedback_received",
    )
    given_by = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("dari"),
        on_delete=models.PROTECT,
        related_name="feedback_given",
    )
    kind = models.CharField(
        _("jenis"), max_length=10, choices=FeedbackKind.choices, default=FeedbackKind.INSIDENTAL
    )
    date = models.DateField(_("tanggal"))
    text = models.TextField(_("umpan balik"), max_length=4000)
    nilai = models.ForeignKey(
        "learning.Competency",
        verbose_name=_("nilai BerAKHLAK terkait"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "nilai"},
    )
    rhk = models.ForeignKey(
        "kinerja_link.RencanaHasilKerja",
        verbose_name=_("RHK terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["pegawai", "-date"])]

    def __str__(self) -> str:
        return f"{self.given_by_id} → {self.pegawai_id} · {self.date:%d-%m-%Y}"


@register_setting(icon="group")
class PembinaanSettings(BaseGenericSetting):
    """Agency choices the pengelola makes once, in Settings → Pembinaan."""

    sessions_count_as_jp = models.BooleanField(
        _("sesi coaching/mentoring dihitung sebagai JP"),
        default=True,
        help_text=_("Sesi dicatat di riwayat pembelajaran (jenis diklat 14/15) dengan JP-nya."),
    )

    class Meta:
        verbose_name = _("pengaturan pembinaan")


__all__ = [
    "Assignment",
    "AssignmentStatus",
    "Feedback",
    "FeedbackKind",
    "PembinaanRule",
    "PembinaanSession",
    "PembinaanSettings",
    "Priority",
    "Recommendation",
    "RecommendationStatus",
    "SessionKind",
    "SessionParticipant",
]
