"""Course content as Wagtail pages: catalogue → course → lessons (and, later, a quiz)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from learning.blocks import LessonStreamBlock
from learning.jenis_diklat import JENIS_DIKLAT_CHOICES, JENIS_DIKLAT_E_LEARNING


class CourseLevel(models.TextChoices):
    DASAR = "dasar", _("Dasar")
    MENENGAH = "menengah", _("Menengah")
    LANJUT = "lanjut", _("Lanjut")


class CourseIndexPage(Page):
    """The catalogue. Filtering lives in ``learning.selectors.catalogue``."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Under the public site's home page: a joint between apps, set in bina.page_tree.
    subpage_types = ["learning.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("katalog kursus")

    def get_context(self, request, *args, **kwargs):
        from learning.selectors import catalogue, catalogue_filter_options

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue(index=self, user=request.user, params=request.GET))
        context["filter_options"] = catalogue_filter_options()
        return context


class CoursePage(RoutablePageMixin, Page):
    summary = models.TextField(_("ringkasan"), max_length=600)
    objectives = RichTextField(
        _("tujuan pembelajaran"), features=["ul", "ol", "bold", "italic"], blank=True
    )
    # Nullable only so a new course saves as a draft before its JP is known (Wagtail cannot
    # defer a NOT NULL number); blank=False still requires it to publish.
    jp = models.PositiveSmallIntegerField(
        _("JP"),
        null=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Jam pelajaran yang diakui saat kursus selesai."),
    )
    jenis_diklat_id = models.PositiveSmallIntegerField(
        _("jenis diklat (SIASN)"), choices=JENIS_DIKLAT_CHOICES, default=JENIS_DIKLAT_E_LEARNING
    )
    level = models.CharField(
        _("tingkat"), max_length=10, choices=CourseLevel.choices, default=CourseLevel.DASAR
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("perkiraan durasi (menit)"), default=0, blank=True
    )
    open_enrolment = models.BooleanField(
        _("pendaftaran mandiri"),
        default=True,
        help_text=_("Jika mati, kursus hanya dapat diikuti lewat penugasan."),
    )
    sequential = models.BooleanField(
        _("pelajaran berurutan"),
        default=False,
        help_text=_("Pelajaran berikutnya terbuka setelah yang sebelumnya ditandai selesai."),
    )
    certificate_enabled = models.BooleanField(_("terbitkan sertifikat"), default=True)
    prerequisites = ParentalManyToManyField(
        "learning.CoursePage",
        verbose_name=_("prasyarat"),
        blank=True,
        related_name="required_by",
        help_text=_("Kursus yang harus selesai sebelum mendaftar."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("jp"),
        index.FilterField("level"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("jp"),
                FieldPanel("jenis_diklat_id"),
                FieldPanel("level"),
                FieldPanel("estimated_minutes"),
            ],
            heading=_("Pengakuan"),
        ),
        InlinePanel("course_competencies", label=_("Kompetensi yang diajarkan")),
        MultiFieldPanel(
            [
                FieldPanel("open_enrolment"),
                FieldPanel("sequential"),
                FieldPanel("certificate_enabled"),
                FieldPanel("prerequisites"),
            ],
            heading=_("Aturan kursus"),
        ),
        InlinePanel(
            "reaction_questions",
            label=_("Pertanyaan survei reaksi (kosong: pertanyaan bawaan)"),
            help_text=_(
                "Skala 1–5, diajukan setelah kursus selesai. Tanpa pertanyaan di sini, "
                "survei memakai pertanyaan bawaan: relevansi, kejelasan, penerapan, mutu "
                "materi/fasilitator."
            ),
        ),
    ]
    parent_page_types = ["learning.CourseIndexPage"]
    # Lessons; the quiz app's pages join in bina.page_tree.
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")

    def clean(self) -> None:
        super().clean()
        if self.pk and any(p.pk == self.pk for p in self.prerequisites.all()):
            raise ValidationError(
                {"prerequisites": _("Kursus tidak bisa menjadi prasyaratnya sendiri.")}
            )

    @property
    def jp_minutes(self) -> int:
        return (self.jp or 0) * settings.JP_MINUTES

    def lessons(self):
        """Live lessons in tree order: the order editors arranged them in."""
        return LessonPage.objects.child_of(self).live().order_by("path")

    # Actions on a course are routes of its page, so Wagtail's privacy settings (a course
    # restricted to signed-in users or to groups) apply to them as to the page itself.
    @path("daftar/", name="enrol")
    def enrol_route(self, request):
        from learning.views import enrol

        return enrol(request, self)

    def get_context(self, request, *args, **kwargs):
        from learning.selectors import course_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(course_detail(course=self, user=request.user))
        return context


class CourseCompetency(Orderable):
    """A competency a course teaches, to what level and how far it counts."""

    class Outcome(models.TextChoices):
        EVIDENCE = "evidence", _("Bukti dukung")
        COMPLETE = "complete", _("Kompetensi tercapai")

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="course_competencies")
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
        related_name="course_links",
    )
    target_level = models.PositiveSmallIntegerField(
        _("level sasaran"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Hanya untuk kompetensi berlevel (1–5)."),
    )
    outcome = models.CharField(
        _("hasil"), max_length=10, choices=Outcome.choices, default=Outcome.EVIDENCE
    )

    panels = [FieldPanel("competency"), FieldPanel("target_level"), FieldPanel("outcome")]

    class Meta(Orderable.Meta):
        verbose_name = _("kompetensi kursus")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "competency"], name="learning_coursecompetency_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(target_level__isnull=True)
                | models.Q(target_level__gte=1, target_level__lte=5),
                name="learning_coursecompetency_level_1_5",
            ),
        ]

    def clean(self) -> None:
        if self.target_level and self.competency_id and not self.competency.has_levels:
            raise ValidationError(
                {"target_level": _("Kompetensi ini tidak memiliki level; kosongkan level sasaran.")}
            )


class LessonPage(RoutablePageMixin, Page):
    intro = models.TextField(_("pengantar"), blank=True, max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(_("perkiraan durasi (menit)"), default=10)
    body = StreamField(LessonStreamBlock(), verbose_name=_("isi"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pelajaran")
        verbose_name_plural = _("pelajaran")

    @cached_property
    def course(self) -> CoursePage:
        """The parent course, fetched once per request however many callers ask."""
        return CoursePage.objects.ancestor_of(self).get(depth=self.depth - 1)

    @path("selesai/", name="done")
    def done_route(self, request):
        from learning.views import lesson_mark_done

        return lesson_mark_done(request, self)

    def serve(self, request, *args, **kwargs):
        from learning.views import lesson_gate

        refusal = lesson_gate(request, self)
        return refusal or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from learning.selectors import lesson_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_detail(lesson=self, user=request.user))
        return context
