"""Pembinaan's records: the rules that turn evaluations into recommendations, the
assignments a pimpinan makes, coaching sessions, continuous feedback, the evidence that
flows back to the SKP, competency progress and notifications.

Only the data and its invariants live here; the behaviour is in the services. The models
moved here from ``kinerja_link`` and keep their tables (``kinerja_link_*``): see
``migrations/0001_initial.py``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from kinerja_link.kuadran import Rating
from learning.storage import private_storage


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
        "competencies.Competency",
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
        "competencies.Competency",
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
        db_table = "kinerja_link_pembinaanrule"
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
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    evaluasi = models.ForeignKey(
        "kinerja_link.Evaluasi",
        verbose_name=_("evaluasi"),
        on_delete=models.PROTECT,
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
        on_delete=models.PROTECT,
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
        db_table = "kinerja_link_recommendation"
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
        on_delete=models.PROTECT,
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
        db_table = "kinerja_link_assignment"
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
        "competencies.Competency",
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
        db_table = "kinerja_link_pembinaansession"
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
        "kinerja_link.Pegawai", on_delete=models.PROTECT, related_name="session_participations"
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
        db_table = "kinerja_link_sessionparticipant"
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
        on_delete=models.PROTECT,
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
        "competencies.Competency",
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
        db_table = "kinerja_link_feedback"
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
        db_table = "kinerja_link_pembinaansettings"
        verbose_name = _("pengaturan pembinaan")


class EvidenceKind(models.TextChoices):
    COURSE = "course", _("Kursus selesai")
    SESSION = "session", _("Sesi pembinaan")
    EXTERNAL = "external", _("Pelatihan di luar platform")


class SkpEvidence(models.Model):
    """Bukti dukung on a pegawai's SKP, linked to the values and RHK the learning serves."""

    skp = models.ForeignKey(
        "kinerja_link.SKP",
        verbose_name=_("SKP"),
        on_delete=models.PROTECT,
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
        on_delete=models.PROTECT,
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
        PembinaanSession,
        verbose_name=_("sesi pembinaan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    assignment = models.ForeignKey(
        Assignment,
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
        db_table = "kinerja_link_skpevidence"
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
        on_delete=models.PROTECT,
        related_name="competency_progress",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
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
        db_table = "kinerja_link_competencyprogress"
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
        db_table = "kinerja_link_notification"
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


# --- Rencana aksi, the dialog kinerja, realisasi and bukti dukung (issue 15 §3) ----------


class RencanaAksiStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Menunggu persetujuan")
    DISETUJUI = "disetujui", _("Disetujui")
    PERBAIKAN = "perbaikan", _("Perlu perbaikan")

    @classmethod
    def editable_values(cls) -> list[str]:
        return [cls.DRAFT, cls.PERBAIKAN]


class RencanaAksi(models.Model):
    """What a pegawai plans to do for one RHK of their SKP, agreed with their pimpinan in a
    dialog kinerja, and what they then did (``realisasi``, with ``bukti`` files and links).

    ``rhk`` is set to NULL when a re-import of the SKP drops the RHK: the plan, its dialog
    and its bukti stay on the (protected) SKP.
    """

    skp = models.ForeignKey(
        "kinerja_link.SKP",
        verbose_name=_("SKP"),
        on_delete=models.PROTECT,
        related_name="rencana_aksi",
    )
    rhk = models.ForeignKey(
        "kinerja_link.RencanaHasilKerja",
        verbose_name=_("RHK"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rencana_aksi",
    )
    text = models.TextField(_("rencana aksi"), max_length=2000)
    target_date = models.DateField(_("target selesai"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RencanaAksiStatus.choices,
        default=RencanaAksiStatus.DRAFT,
    )
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    realisasi = models.TextField(_("realisasi"), blank=True, max_length=4000)
    realisasi_at = models.DateTimeField(_("realisasi dicatat"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["target_date", "pk"]
        indexes = [
            models.Index(fields=["skp", "status"]),
            models.Index(
                fields=["target_date"],
                condition=Q(status="disetujui"),
                name="kl_rencana_aksi_agreed_due",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_editable(self) -> bool:
        return self.status in RencanaAksiStatus.editable_values()


class RencanaAksiKomentar(models.Model):
    """One message of the dialog kinerja about a rencana aksi (pegawai or pimpinan)."""

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="komentar")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("komentar"), max_length=2000)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("komentar dialog kinerja")
        verbose_name_plural = _("komentar dialog kinerja")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


def _bukti_path(instance: BuktiDukung, filename: str) -> str:
    # The stored name is random: the original name may carry personal data.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"kinerja/bukti-dukung/{instance.rencana_aksi_id}/{uuid.uuid4().hex}.{suffix}"


class BuktiDukungKind(models.TextChoices):
    FILE = "file", _("Berkas")
    LINK = "link", _("Tautan")


class BuktiDukung(models.Model):
    """A file or a link showing the realisasi of a rencana aksi: real work output.

    Files live in private storage (no public URL) and are served by a view to the pegawai,
    their pimpinan and the pengelola of their unit only."""

    rencana_aksi = models.ForeignKey(
        RencanaAksi,
        verbose_name=_("rencana aksi"),
        on_delete=models.PROTECT,
        related_name="bukti",
    )
    kind = models.CharField(_("jenis"), max_length=4, choices=BuktiDukungKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    file = models.FileField(
        _("berkas"), upload_to=_bukti_path, storage=private_storage, blank=True, max_length=200
    )
    file_kind = models.CharField(_("jenis berkas"), max_length=8, blank=True)
    url = models.URLField(_("tautan"), blank=True, max_length=500)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung realisasi")
        verbose_name_plural = _("bukti dukung realisasi")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="file") & ~Q(file="") & Q(url=""))
                | (Q(kind="link") & Q(file="") & ~Q(url="")),
                name="kl_bukti_dukung_file_xor_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AppointmentKind(models.TextChoices):
    COACH = "coach", _("Coach")
    MENTOR = "mentor", _("Mentor")


class CoachAppointment(models.Model):
    """A pegawai appointed as coach or mentor of another (PermenPANRB 6/2022: "pimpinan atau
    pihak lain yang diberikan penugasan khusus"). Reach is data (DESIGN §9): while active,
    the mentor records sessions for this mentee and sees those sessions, nothing more."""

    mentor = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("coach/mentor"),
        on_delete=models.PROTECT,
        related_name="mentee_appointments",
    )
    mentee = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("mentee"),
        on_delete=models.PROTECT,
        related_name="mentor_appointments",
    )
    kind = models.CharField(_("peran"), max_length=6, choices=AppointmentKind.choices)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("berakhir"), null=True, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditunjuk oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diakhiri oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("penunjukan coach/mentor")
        verbose_name_plural = _("penunjukan coach/mentor")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["mentor", "is_active"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mentor=models.F("mentee")), name="pembinaan_mentor_not_self"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="pembinaan_appointment_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.mentor_id} → {self.mentee_id}"


SCALE_1_5 = [MinValueValidator(1), MaxValueValidator(5)]


class SessionEvaluation(models.Model):
    """A participant's feedback on a session (Format B.1.8 of PermenPANRB 6/2022)."""

    session = models.ForeignKey(
        PembinaanSession, on_delete=models.CASCADE, related_name="evaluations"
    )
    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="session_evaluations",
    )
    manfaat = models.PositiveSmallIntegerField(_("manfaat sesi (1–5)"), validators=SCALE_1_5)
    kejelasan = models.PositiveSmallIntegerField(_("kejelasan arahan (1–5)"), validators=SCALE_1_5)
    tindak_lanjut = models.TextField(
        _("tindak lanjut yang disepakati"), blank=True, max_length=2000
    )
    saran = models.TextField(_("saran"), blank=True, max_length=2000)
    rating = models.PositiveSmallIntegerField(
        _("penilaian keseluruhan (1–5)"), validators=SCALE_1_5
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik atas sesi (B.1.8)")
        verbose_name_plural = _("umpan balik atas sesi (B.1.8)")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "pegawai"], name="pembinaan_evaluation_once"
            ),
            models.CheckConstraint(
                condition=Q(manfaat__gte=1, manfaat__lte=5)
                & Q(kejelasan__gte=1, kejelasan__lte=5)
                & Q(rating__gte=1, rating__lte=5),
                name="pembinaan_evaluation_scale_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} · {self.pegawai_id}: {self.rating}"


class CompetencyRating(models.Model):
    """The coach's rating of a competency developed in a session, per participant, on a
    1–5 scale (Format B.1.9). Pengembangan reads it as a current level."""

    session = models.ForeignKey(
        PembinaanSession, on_delete=models.CASCADE, related_name="competency_ratings"
    )
    pegawai = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="competency_ratings",
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"has_levels": True},
    )
    level = models.PositiveSmallIntegerField(_("level (1–5)"), validators=SCALE_1_5)
    rated_by = models.ForeignKey(
        "kinerja_link.Pegawai",
        verbose_name=_("dinilai oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("tanggal"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("penilaian kompetensi setelah sesi (B.1.9)")
        verbose_name_plural = _("penilaian kompetensi setelah sesi (B.1.9)")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "pegawai", "competency"], name="pembinaan_rating_once"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="pembinaan_rating_level_1_5"
            ),
        ]
        indexes = [models.Index(fields=["pegawai", "competency", "-date"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} · {self.competency_id}: {self.level}"
