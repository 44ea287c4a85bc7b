"""The competency taxonomy. The table keeps its original name from when learning owned it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompetencyKind(models.TextChoices):
    BERAKHLAK_VALUE = "nilai", _("Nilai dasar BerAKHLAK")
    BERAKHLAK_GUIDE = "panduan", _("Panduan perilaku BerAKHLAK")
    TEKNIS = "teknis", _("Teknis")
    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")

    @classmethod
    def leveled(cls) -> frozenset[str]:
        """Kinds measured in levels 1–5 (PermenPANRB 38/2017); BerAKHLAK has none."""
        return frozenset({cls.TEKNIS, cls.MANAJERIAL, cls.SOSIAL_KULTURAL})


class CompetencyQuerySet(models.QuerySet["Competency"]):
    def values_berakhlak(self) -> "CompetencyQuerySet":
        return self.filter(kind=CompetencyKind.BERAKHLAK_VALUE).order_by("sort_order")


class Competency(models.Model):
    """A competency a course can teach and an SKP can be strengthened in.

    The seven BerAKHLAK values, their 21 guides, the 8 manajerial competencies and
    Perekat Bangsa are seeded by a data migration with stable codes; agencies add
    their own teknis competencies.
    """

    kind = models.CharField(_("jenis"), max_length=20, choices=CompetencyKind.choices)
    code = models.SlugField(_("kode"), max_length=20, unique=True, allow_unicode=False)
    name = models.CharField(_("nama"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Panduan perilaku BerAKHLAK berinduk pada nilainya."),
    )
    has_levels = models.BooleanField(_("memiliki level 1–5"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = CompetencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        db_table = "learning_competency"
        ordering = ["kind", "sort_order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="panduan") | models.Q(parent__isnull=False),
                name="learning_competency_guide_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    def clean(self) -> None:
        if self.kind == CompetencyKind.BERAKHLAK_GUIDE and (
            self.parent is None or self.parent.kind != CompetencyKind.BERAKHLAK_VALUE
        ):
            raise ValidationError(
                {"parent": _("Panduan perilaku harus berinduk pada nilai BerAKHLAK.")}
            )
        if self.has_levels and self.kind not in CompetencyKind.leveled():
            raise ValidationError({"has_levels": _("Jenis kompetensi ini tidak memiliki level.")})
