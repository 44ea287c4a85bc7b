"""Quiz models: the question bank (snippets with revisions), the quiz page and attempts.

A `Question` stores its definition as the JSON of a `QuestionData`; every save through the
admin or an import writes a revision, and an attempt records the revision id of each
question it showed, so editing a question never changes an attempt already taken.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, RevisionMixin
from wagtail.search import index

from learning.quiz.grading import GradingMethod
from learning.quiz.panels import ReviewTimingPanel
from learning.quiz.types import QUESTION_TYPE_LABELS, QuestionData

# --- question bank ---------------------------------------------------------------------


class QuestionCategory(models.Model):
    """A folder of the bank. A tree by parent link: banks are small and shallow."""

    name = models.CharField(_("nama"), max_length=255)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("kategori soal")
        verbose_name_plural = _("kategori soal")
        db_table = "learning_questioncategory"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="learning_questioncategory_unique_name"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="learning_questioncategory_unique_root",
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        names, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = node.parent
        return "/".join(reversed(names))

    def clean(self) -> None:
        node = self.parent
        while node is not None:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"parent": _("Kategori tidak bisa berada di dalam dirinya.")})
            node = node.parent

    def descendant_ids(self) -> list[int]:
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                QuestionCategory.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids += frontier
        return ids


class QuestionTag(TaggedItemBase):
    content_object = ParentalKey(
        "quiz.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        db_table = "learning_questiontag"


class Question(RevisionMixin, index.Indexed, ClusterableModel):
    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    name = models.CharField(_("nama soal"), max_length=255)
    idnumber = models.CharField(_("ID soal"), max_length=100, blank=True)
    qtype = models.CharField(
        _("jenis"),
        max_length=20,
        choices=[(t.value, label) for t, label in QUESTION_TYPE_LABELS.items()],
    )
    # The definition: `QuestionData.to_json()`. Written by the admin form and imports only.
    data = models.JSONField(_("definisi"), default=dict)
    default_mark = models.DecimalField(
        _("nilai"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("kompetensi/panduan perilaku"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True, verbose_name=_("tag"))
    updated_at = models.DateTimeField(auto_now=True)

    # The admin's question bank searches by name and by the author's identity (idnumber).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("idnumber"),
        index.AutocompleteField("idnumber"),
    ]

    class Meta:
        verbose_name = _("soal")
        verbose_name_plural = _("bank soal")
        db_table = "learning_question"
        ordering = ["category_id", "name"]
        indexes = [models.Index(fields=["category", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def definition(self) -> QuestionData:
        return QuestionData.from_json(self.data)

    def set_definition(self, question: QuestionData) -> None:
        self.data = question.to_json()
        self.name = question.name[:255]
        self.qtype = question.qtype.value


# --- the quiz page ---------------------------------------------------------------------


class ReviewWhen(models.TextChoices):
    IMMEDIATELY = "immediately", _("Segera setelah dikirim")
    AFTER_CLOSE = "after_close", _("Setelah kuis ditutup")
    NEVER = "never", _("Tidak pernah")


REVIEW_ITEMS = ("answers", "correctness", "marks", "feedback", "right_answers")


def _review_field(label: str, default: str) -> models.CharField:
    return models.CharField(label, max_length=12, choices=ReviewWhen.choices, default=default)


class QuizPage(RoutablePageMixin, Page):
    intro = models.TextField(_("petunjuk"), blank=True)
    required_for_completion = models.BooleanField(
        _("wajib lulus untuk menyelesaikan kursus"), default=True
    )
    # Kirkpatrick level 2: a course may have one pre-test (taken before the lessons, never
    # required) beside its final quiz, which serves as the post-test (``learning.quiz.gain``).
    is_pretest = models.BooleanField(
        _("pre-test"),
        default=False,
        help_text=_(
            "Dikerjakan sebelum pelajaran; nilainya dibandingkan dengan kuis akhir (post-test). "
            "Tidak pernah wajib lulus."
        ),
    )
    pass_mark = models.DecimalField(
        _("nilai lulus (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(70),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    grading_method = models.CharField(
        _("cara penilaian"),
        max_length=10,
        default=GradingMethod.HIGHEST.value,
        choices=[
            (GradingMethod.HIGHEST.value, _("Nilai tertinggi")),
            (GradingMethod.LAST.value, _("Percobaan terakhir")),
            (GradingMethod.FIRST.value, _("Percobaan pertama")),
            (GradingMethod.AVERAGE.value, _("Rata-rata")),
        ],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("batas percobaan"), default=3, help_text=_("0 berarti tanpa batas.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"), default=0, help_text=_("0 berarti tanpa batas waktu.")
    )
    grace_seconds = models.PositiveIntegerField(
        _("masa tenggang (detik)"),
        default=60,
        help_text=_("Jawaban yang dikirim dalam masa ini setelah waktu habis masih diterima."),
    )
    open_at = models.DateTimeField(_("dibuka"), null=True, blank=True)
    close_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("acak urutan soal"), default=True)
    shuffle_choices = models.BooleanField(_("acak urutan pilihan"), default=True)
    random_count = models.PositiveSmallIntegerField(
        _("jumlah soal acak"),
        default=0,
        help_text=_("Diambil dari kategori dan/atau tag di bawah."),
    )
    random_category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("kategori soal acak"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    random_tag = models.CharField(_("tag soal acak"), max_length=100, blank=True)
    random_mark = models.DecimalField(
        _("nilai tiap soal acak"), max_digits=5, decimal_places=2, default=Decimal(1)
    )
    review_answers = _review_field(_("jawaban sendiri"), ReviewWhen.IMMEDIATELY)
    review_correctness = _review_field(_("benar/salah"), ReviewWhen.IMMEDIATELY)
    review_marks = _review_field(_("nilai per soal"), ReviewWhen.IMMEDIATELY)
    review_feedback = _review_field(_("umpan balik"), ReviewWhen.IMMEDIATELY)
    review_right_answers = _review_field(_("jawaban benar"), ReviewWhen.AFTER_CLOSE)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("fixed_questions", label=_("Soal tetap")),
        MultiFieldPanel(
            [
                FieldPanel("random_count"),
                FieldPanel("random_category"),
                FieldPanel("random_tag"),
                FieldPanel("random_mark"),
            ],
            heading=_("Soal acak dari bank"),
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("required_for_completion"),
                FieldPanel("is_pretest"),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("grading_method")]),
                FieldRowPanel([FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]),
                FieldPanel("grace_seconds"),
                FieldRowPanel([FieldPanel("open_at"), FieldPanel("close_at")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Aturan kuis"),
        ),
        MultiFieldPanel(
            [
                ReviewTimingPanel(heading=_("Waktu tampil jawaban benar")),
                *(FieldPanel(f"review_{item}") for item in REVIEW_ITEMS),
            ],
            heading=_("Yang ditampilkan saat ulasan"),
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list[str] = []
    template = "quiz/quiz_page.html"

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")
        db_table = "learning_quizpage"

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """One final quiz per course, and optionally one pre-test beside it."""
        return super().can_create_at(parent) and QuizPage.objects.child_of(parent).count() < 2

    def clean(self) -> None:
        super().clean()
        if self.is_pretest:
            self.required_for_completion = False
        parent = self.get_parent() if self.pk else None
        if parent is not None and (
            QuizPage.objects.child_of(parent)
            .filter(is_pretest=self.is_pretest)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"is_pretest": _("Kursus hanya boleh punya satu pre-test dan satu kuis akhir.")}
            )
        if self.open_at and self.close_at and self.open_at >= self.close_at:
            raise ValidationError({"close_at": _("Waktu tutup harus setelah waktu buka.")})

    def is_closed(self, now=None) -> bool:
        return bool(self.close_at and (now or timezone.now()) >= self.close_at)

    def review_allows(self, item: str, now=None) -> bool:
        when = getattr(self, f"review_{item}")
        if when == ReviewWhen.IMMEDIATELY:
            return True
        return when == ReviewWhen.AFTER_CLOSE and self.is_closed(now)

    # Starting is a route of the page, so Wagtail's privacy settings apply to it.
    @path("mulai/", name="start")
    def start_route(self, request):
        from learning.quiz.views import quiz_start

        return quiz_start(request, self)

    def serve(self, request, *args, **kwargs):
        from learning.quiz.views import quiz_gate

        refusal = quiz_gate(request, self)
        return refusal or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from learning.quiz.selectors import quiz_landing

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_landing(quiz=self, user=request.user))
        return context


class QuizQuestion(Orderable):
    """A question every attempt of the quiz shows."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, verbose_name=_("soal"), on_delete=models.PROTECT, related_name="quiz_slots"
    )
    mark = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, default=Decimal(1))

    panels = [FieldPanel("question"), FieldPanel("mark")]

    class Meta(Orderable.Meta):
        verbose_name = _("soal kuis")
        db_table = "learning_quizquestion"
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="learning_quizquestion_once")
        ]


# --- attempts --------------------------------------------------------------------------


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Sedang dikerjakan")
    FINISHED = "finished", _("Selesai")
    ABANDONED = "abandoned", _("Ditinggalkan")


class QuizAttempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(QuizPage, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("percobaan ke-"))
    state = models.CharField(
        _("status"), max_length=12, choices=AttemptState.choices, default=AttemptState.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    deadline = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    # Frozen when the attempt starts: per slot the question, its revision, its mark and the
    # order its choices (or matching options) were shown in. See `services.attempt_start`.
    layout = models.JSONField(default=list)
    points = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    max_points = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    score = models.DecimalField(
        _("nilai (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    pending = models.PositiveSmallIntegerField(_("menunggu dinilai"), default=0)
    passed = models.BooleanField(_("lulus"), null=True, blank=True)
    auto_closed = models.BooleanField(_("ditutup otomatis"), default=False)

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        db_table = "learning_quizattempt"
        ordering = ["quiz_id", "user_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(state="in_progress"),
                name="learning_quizattempt_one_in_progress",
            ),
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="learning_quizattempt_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(state="in_progress") | Q(submitted_at__isnull=False),
                name="learning_quizattempt_closed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["state", "deadline"])]

    def __str__(self) -> str:
        return f"{self.quiz_id} · {self.user_id} · #{self.number}"

    @property
    def is_in_progress(self) -> bool:
        return self.state == AttemptState.IN_PROGRESS

    @property
    def is_final(self) -> bool:
        return self.state == AttemptState.FINISHED and self.pending == 0


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    slot = models.PositiveSmallIntegerField()
    response = models.JSONField(null=True, blank=True)
    saved_at = models.DateTimeField(default=timezone.now)
    fraction = models.DecimalField(max_digits=8, decimal_places=7, null=True, blank=True)
    grade_state = models.CharField(max_length=16, blank=True)
    feedback_ids = models.JSONField(default=list, blank=True)
    # Essays: the hand grade and its comment.
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    grader_comment = models.TextField(_("komentar penilai"), blank=True)

    class Meta:
        verbose_name = _("jawaban kuis")
        verbose_name_plural = _("jawaban kuis")
        db_table = "learning_quizanswer"
        constraints = [
            models.UniqueConstraint(fields=["attempt", "slot"], name="learning_quizanswer_unique"),
            models.CheckConstraint(
                condition=Q(fraction__isnull=True) | Q(fraction__gte=0, fraction__lte=1),
                name="learning_quizanswer_fraction_0_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.slot}"
