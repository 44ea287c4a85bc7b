"""The public transparency page and the precomputed figures it shows.

Portal imports nothing of ``kinerja_link`` or ``learning``: a periodic task in
``kinerja_link`` (``kinerja_link.pembinaan.transparency``) computes the figures and hands
them to :func:`transparency_snapshot_store`, which writes one complete snapshot in a
single transaction and prunes the older ones. The page reads the latest snapshot in one
query and never aggregates anything per request.

Privacy: no figure of a group smaller than :data:`MIN_GROUP_SIZE` people is stored at
all (the computing side passes ``None``), and the store refuses a row that breaks this.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import Subquery
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

MIN_GROUP_SIZE = 10
SNAPSHOTS_KEPT = 1  # the latest only: a reader gets it in one statement, so never half of it


class RowKind(models.TextChoices):
    UNIT = "unit", _("Unit kerja")
    DIRECT = "langsung", _("Langsung di bawah instansi")
    INSTANSI = "instansi", _("Instansi")


class TransparencySnapshot(models.Model):
    """One run of the figures, for one calendar year."""

    computed_at = models.DateTimeField(_("dihitung pada"), db_index=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    jp_target = models.PositiveSmallIntegerField(_("target JP per tahun"))
    min_group_size = models.PositiveSmallIntegerField(_("ukuran kelompok minimum"))
    articles_published = models.PositiveIntegerField(_("artikel sosialisasi terbit"))
    # Public participation (kinerja_link.participation). The IKM is stored only when enough
    # people answered (``skm_respondents`` is then set too); otherwise both stay empty.
    skm_respondents = models.PositiveIntegerField(_("responden SKM"), null=True, blank=True)
    ikm = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2, null=True, blank=True)
    ikm_mutu = models.CharField(_("mutu pelayanan"), max_length=1, blank=True)
    ikm_kinerja = models.CharField(_("kinerja unit pelayanan"), max_length=20, blank=True)
    feedback_answered = models.PositiveIntegerField(_("masukan publik dijawab"), default=0)

    class Meta:
        verbose_name = _("cuplikan angka transparansi")
        verbose_name_plural = _("cuplikan angka transparansi")
        ordering = ["-computed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} · {self.computed_at:%Y-%m-%d %H:%M}"


class TransparencyRow(models.Model):
    """The figures of one group: a unit, the instansi's own staff, or the instansi total.

    A suppressed row keeps its label and nothing else: the numbers are never stored.
    """

    snapshot = models.ForeignKey(TransparencySnapshot, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=RowKind.choices)
    instansi = models.CharField(_("instansi"), max_length=255)
    label = models.CharField(_("kelompok"), max_length=255)
    suppressed = models.BooleanField(_("disembunyikan"), default=False)
    headcount = models.PositiveIntegerField(_("jumlah pegawai"), null=True)
    reached_jp = models.PositiveIntegerField(_("pegawai mencapai target JP"), null=True)
    courses_completed = models.PositiveIntegerField(_("kursus selesai"), null=True)
    sessions_held = models.PositiveIntegerField(_("sesi pembinaan"), null=True)

    class Meta:
        verbose_name = _("baris angka transparansi")
        verbose_name_plural = _("baris angka transparansi")
        ordering = ["snapshot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "position"], name="portal_tr_row_position"),
            models.CheckConstraint(
                condition=models.Q(suppressed=True, headcount__isnull=True)
                | models.Q(suppressed=False, headcount__gte=MIN_GROUP_SIZE),
                name="portal_tr_row_small_group_hidden",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def reached_jp_percent(self) -> int | None:
        if self.suppressed or not self.headcount:
            return None
        return round((self.reached_jp or 0) * 100 / self.headcount)


@dataclass(frozen=True)
class GroupFigures:
    """What the computing side hands over for one row; ``None`` figures when suppressed."""

    kind: str
    instansi: str
    label: str
    headcount: int | None
    reached_jp: int | None
    courses_completed: int | None
    sessions_held: int | None

    @property
    def suppressed(self) -> bool:
        return self.headcount is None


@dataclass(frozen=True)
class ParticipationFigures:
    """Public participation of the year: the IKM (``None`` below the minimum number of
    respondents) and how many public feedback items got a public answer."""

    respondents: int | None
    ikm: Decimal | None
    mutu: str
    kinerja: str
    feedback_answered: int


def transparency_snapshot_store(
    *,
    year: int,
    jp_target: int,
    articles_published: int,
    rows: Sequence[GroupFigures],
    computed_at: datetime.datetime,
    participation: ParticipationFigures | None = None,
) -> TransparencySnapshot:
    """Write a complete snapshot and drop the older ones, all in one transaction.

    Readers take the latest snapshot with its rows in a single statement, so they see the
    old one or the new one, never a half-written one. A row of fewer than
    ``MIN_GROUP_SIZE`` people that is not suppressed is refused (the database agrees).
    """
    for row in rows:
        if not row.suppressed and (row.headcount or 0) < MIN_GROUP_SIZE:
            raise ValueError(f"Kelompok “{row.label}” kurang dari {MIN_GROUP_SIZE} orang.")
    with transaction.atomic():
        snapshot = TransparencySnapshot.objects.create(
            computed_at=computed_at,
            year=year,
            jp_target=jp_target,
            min_group_size=MIN_GROUP_SIZE,
            articles_published=articles_published,
            **_participation_fields(participation),
        )
        TransparencyRow.objects.bulk_create(_row_models(snapshot, rows))
        _drop_older_snapshots()
        from .page_cache import invalidate_all  # imports wagtail.views: not at model load

        transaction.on_commit(invalidate_all)  # cached pages showing the old figures
    return snapshot


def _participation_fields(figures: ParticipationFigures | None) -> dict:
    if figures is None:
        return {}
    shown = figures.ikm is not None
    return {
        "skm_respondents": figures.respondents if shown else None,
        "ikm": figures.ikm,
        "ikm_mutu": figures.mutu if shown else "",
        "ikm_kinerja": figures.kinerja[:20] if shown else "",
        "feedback_answered": figures.feedback_answered,
    }


def _row_models(
    snapshot: TransparencySnapshot, rows: Sequence[GroupFigures]
) -> list[TransparencyRow]:
    return [
        TransparencyRow(
            snapshot=snapshot,
            position=position,
            kind=row.kind,
            instansi=row.instansi[:255],
            label=row.label[:255],
            suppressed=row.suppressed,
            headcount=row.headcount,
            reached_jp=row.reached_jp,
            courses_completed=row.courses_completed,
            sessions_held=row.sessions_held,
        )
        for position, row in enumerate(rows)
    ]


def _drop_older_snapshots() -> None:
    """Keep the newest ``SNAPSHOTS_KEPT`` snapshots; their rows go with the others."""
    kept = TransparencySnapshot.objects.order_by("-computed_at", "-pk")[:SNAPSHOTS_KEPT]
    TransparencySnapshot.objects.exclude(pk__in=list(kept.values_list("pk", flat=True))).delete()


@dataclass(frozen=True)
class InstansiTable:
    instansi: str
    rows: list[TransparencyRow]


@dataclass(frozen=True)
class TransparencyFigures:
    snapshot: TransparencySnapshot
    tables: list[InstansiTable]

    @property
    def headline(self) -> TransparencyRow | None:
        """The first instansi total, for a teaser."""
        for table in self.tables:
            for row in table.rows:
                if row.kind == RowKind.INSTANSI:
                    return row
        return None


def latest_transparency() -> TransparencyFigures | None:
    """The latest snapshot with its rows, in one query, grouped by instansi."""
    latest = TransparencySnapshot.objects.order_by("-computed_at", "-pk").values("pk")[:1]
    rows = list(
        TransparencyRow.objects.filter(snapshot=Subquery(latest))
        .select_related("snapshot")
        .order_by("position")
    )
    if not rows:
        return None
    tables: list[InstansiTable] = []
    for row in rows:
        if not tables or tables[-1].instansi != row.instansi:
            tables.append(InstansiTable(instansi=row.instansi, rows=[]))
        tables[-1].rows.append(row)
    return TransparencyFigures(snapshot=rows[0].snapshot, tables=tables)


class TransparencyPage(Page):
    """Public, aggregate-only figures on learning and pembinaan per unit."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("halaman transparansi")
        verbose_name_plural = _("halaman transparansi")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = latest_transparency()
        context["min_group_size"] = MIN_GROUP_SIZE
        return context

    def serve(self, request, *args, **kwargs):
        """Public figures: shared caches may keep the anonymous page for a while."""
        response = super().serve(request, *args, **kwargs)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        else:
            max_age = getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 600)
            patch_cache_control(response, public=True, max_age=max_age)
            patch_vary_headers(response, ["Cookie"])
        return response
