from treebeard.mp_tree import MP_Node

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKerja(MP_Node):
    """An organisational unit: instansi → unit → sub-unit, as a materialised-path tree.

    The path makes "this unit and everything under it" one indexed prefix query,
    which the pengelola's scope and the optional team-by-unit rule both need.
    """

    nama = models.CharField(_("nama"), max_length=255)
    kode = models.CharField(
        _("kode"), max_length=64, unique=True, help_text=_("Kode unor, misalnya dari SIASN.")
    )
    is_kepegawaian = models.BooleanField(
        _("unit kepegawaian instansi"),
        default=False,
        help_text=_(
            "Pengelola Kepegawaian yang duduk di unit ini melayani seluruh instansi, "
            "kecuali cakupannya diatur lain di Cakupan pengelola."
        ),
    )

    node_order_by = ["nama"]

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")

    def __str__(self) -> str:
        return self.nama


class JenisJabatan(models.TextChoices):
    JPT = "jpt", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


GOLONGAN_PNS = [
    f"{roman}/{letter}"
    for roman, letters in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"))
    for letter in letters
]
GOLONGAN_PPPK = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]
GOLONGAN_CHOICES = [(g, g) for g in GOLONGAN_PNS] + [(g, f"PPPK {g}") for g in GOLONGAN_PPPK]


class PegawaiQuerySet(models.QuerySet["Pegawai"]):
    def active(self) -> "PegawaiQuerySet":
        return self.filter(is_active=True)

    def with_person(self) -> "PegawaiQuerySet":
        return self.select_related("user", "unit")


class Pegawai(models.Model):
    """A civil servant in the organisation. Name and NIP live on the linked user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        on_delete=models.PROTECT,
        related_name="pegawai",
    )
    jabatan = models.CharField(_("jabatan"), max_length=255)
    jenis_jabatan = models.CharField(
        _("jenis jabatan"),
        max_length=20,
        choices=JenisJabatan.choices,
        default=JenisJabatan.PELAKSANA,
    )
    golongan = models.CharField(_("golongan"), max_length=8, choices=GOLONGAN_CHOICES, blank=True)
    unit = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="pegawai"
    )
    pejabat_penilai = models.ForeignKey(
        "self",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dinilai",
    )
    atasan_pejabat_penilai = models.ForeignKey(
        "self",
        verbose_name=_("atasan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Menandatangani dokumen evaluasi sebagai atasan pejabat penilai."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    # Shown when a deletion is refused because records hold the pegawai (foundation.deletion).
    deletion_advice = _(
        "Pegawai yang keluar atau pindah dinonaktifkan (hapus centang «Aktif» pada data "
        "pegawai), bukan dihapus: evaluasi, SKP, penugasan dan riwayat belajarnya tetap ada. "
        "Permintaan penghapusan data pribadi dilayani lewat «Data pribadi» → «Hapus data "
        "pribadi…», yang menyamarkan identitasnya."
    )

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(pejabat_penilai=models.F("id")),
                name="kinerja_link_pegawai_not_own_penilai",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def nip(self) -> str:
        return self.user.nip or ""

    @property
    def nama(self) -> str:
        return self.user.get_full_name()


class PengelolaScope(models.Model):
    """One unit subtree a Pengelola Kepegawaian serves. A pengelola with rows here serves
    exactly these subtrees; without rows the default applies (``kinerja_link.scope``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengelola"),
        on_delete=models.CASCADE,
        related_name="pengelola_scopes",
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Unit ini beserta seluruh unit di bawahnya."),
    )

    class Meta:
        verbose_name = _("cakupan pengelola")
        verbose_name_plural = _("cakupan pengelola")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit"], name="kinerja_link_pengelola_scope_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.unit}"
