"""Services (layanan) of a unit, the SKM answers the public gives about them, and public
feedback (saran/pengaduan) on a service or an article.

Nothing here identifies a respondent: no account, no address, no cookie. The only personal
datum is the optional e-mail of a feedback sender, which is never shown publicly and is
covered by the personal-data erasure (``erasure``).
"""

from __future__ import annotations

import uuid

from django_stubs_ext import StrOrPromise

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja_link.models import UnitKerja

# The nine elements of PermenPANRB 14/2017, in the regulation's order (U1–U9).
ELEMENTS: tuple[tuple[str, StrOrPromise], ...] = (
    ("u1", _("Persyaratan")),
    ("u2", _("Sistem, mekanisme dan prosedur")),
    ("u3", _("Waktu penyelesaian")),
    ("u4", _("Biaya/tarif")),
    ("u5", _("Produk spesifikasi jenis pelayanan")),
    ("u6", _("Kompetensi pelaksana")),
    ("u7", _("Perilaku pelaksana")),
    ("u8", _("Penanganan pengaduan, saran dan masukan")),
    ("u9", _("Sarana dan prasarana")),
)
ELEMENT_FIELDS: tuple[str, ...] = tuple(code for code, _label in ELEMENTS)

SCORE_CHOICES = [
    (1, _("Tidak baik")),
    (2, _("Kurang baik")),
    (3, _("Baik")),
    (4, _("Sangat baik")),
]


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", _("Di bawah 20 tahun")
    FROM_20 = "20-29", _("20–29 tahun")
    FROM_30 = "30-39", _("30–39 tahun")
    FROM_40 = "40-49", _("40–49 tahun")
    FROM_50 = "50-59", _("50–59 tahun")
    FROM_60 = "60+", _("60 tahun ke atas")


class Sex(models.TextChoices):
    MALE = "l", _("Laki-laki")
    FEMALE = "p", _("Perempuan")


class Education(models.TextChoices):
    SD = "sd", _("SD atau di bawahnya")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    DIPLOMA = "diploma", _("Diploma (D1–D4)")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2 atau lebih")


class Occupation(models.TextChoices):
    PNS = "asn", _("ASN/TNI/Polri")
    PRIVATE = "swasta", _("Pegawai swasta")
    SELF = "wirausaha", _("Wirausaha")
    STUDENT = "pelajar", _("Pelajar/mahasiswa")
    OTHER = "lainnya", _("Lainnya")


class Layanan(models.Model):
    """A service a unit gives the public; its SKM survey is opened by ``public_id`` (QR)."""

    unit = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="+"
    )
    nama = models.CharField(_("nama layanan"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    is_active = models.BooleanField(_("menerima survei"), default=True)

    class Meta:
        verbose_name = _("layanan publik")
        verbose_name_plural = _("layanan publik")
        ordering = ["nama", "pk"]

    def __str__(self) -> str:
        return self.nama


def _score_field(label):
    return models.PositiveSmallIntegerField(
        label,
        choices=SCORE_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )


class SurveyResponse(models.Model):
    """One anonymous SKM answer. ``periode`` is the calendar quarter it was given in
    ("2026-T4"), the unit of the IKM trend."""

    layanan = models.ForeignKey(
        Layanan, verbose_name=_("layanan"), on_delete=models.PROTECT, related_name="responses"
    )
    submitted_at = models.DateTimeField(_("diisi pada"), db_index=True)
    periode = models.CharField(_("periode"), max_length=8, db_index=True)
    u1 = _score_field(ELEMENTS[0][1])
    u2 = _score_field(ELEMENTS[1][1])
    u3 = _score_field(ELEMENTS[2][1])
    u4 = _score_field(ELEMENTS[3][1])
    u5 = _score_field(ELEMENTS[4][1])
    u6 = _score_field(ELEMENTS[5][1])
    u7 = _score_field(ELEMENTS[6][1])
    u8 = _score_field(ELEMENTS[7][1])
    u9 = _score_field(ELEMENTS[8][1])
    usia = models.CharField(_("usia"), max_length=5, choices=AgeBand.choices, blank=True)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True
    )
    pendidikan = models.CharField(
        _("pendidikan"), max_length=8, choices=Education.choices, blank=True
    )
    pekerjaan = models.CharField(
        _("pekerjaan"), max_length=10, choices=Occupation.choices, blank=True
    )
    saran = models.TextField(_("saran"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        indexes = [models.Index(fields=["layanan", "periode"], name="participation_resp_periode")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"{code}__gte": 1 for code in ELEMENT_FIELDS},
                    **{f"{code}__lte": 4 for code in ELEMENT_FIELDS},
                ),
                name="participation_resp_scores_1_4",
            )
        ]

    def __str__(self) -> str:
        return f"{self.layanan} · {self.periode}"


class FeedbackKind(models.TextChoices):
    SARAN = "saran", _("Saran")
    PENGADUAN = "pengaduan", _("Pengaduan")


class FeedbackStatus(models.TextChoices):
    PENDING = "menunggu", _("Menunggu moderasi")
    APPROVED = "disetujui", _("Disetujui")
    REJECTED = "ditolak", _("Ditolak")


class PublicFeedback(models.Model):
    """A suggestion or complaint from the public on a service or on an article.

    Shown publicly only once approved; ``sender_email`` never is. ``unit`` is the unit
    whose moderators handle it (the service's unit; for an article the unit chosen by
    the sender, or none: then every moderator of the instansi sees it).
    """

    kind = models.CharField(_("jenis"), max_length=10, choices=FeedbackKind.choices)
    layanan = models.ForeignKey(
        Layanan,
        verbose_name=_("layanan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback",
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("artikel"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("isi"), max_length=3000)
    about_staff_service = models.BooleanField(
        _("tentang pelayanan petugas"),
        default=False,
        help_text=_("Diteruskan ke pimpinan unit sebagai umpan balik, tanpa menyebut nama."),
    )
    sender_email = models.EmailField(_("e-mail pengirim"), blank=True)
    submitted_at = models.DateTimeField(_("dikirim pada"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.PENDING,
        db_index=True,
    )
    answer = models.TextField(_("jawaban publik"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimoderasi oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("dimoderasi pada"), null=True, blank=True)
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("masukan publik")
        verbose_name_plural = _("masukan publik")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.submitted_at:%Y-%m-%d}"
