"""Kirkpatrick level 1: the reaction survey a pegawai answers after finishing a course.

A course's own questions are edited in the admin (inline on the course); a course with none
asks the default set (``learning.reaction.DEFAULT_QUESTIONS``). Each answer is stored under
the question's key, so the report can average per question whatever set a course uses.
"""

from __future__ import annotations

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ReactionQuestion(Orderable):
    """A 1–5 question of one course's reaction survey."""

    course = ParentalKey(
        "learning.CoursePage", on_delete=models.CASCADE, related_name="reaction_questions"
    )
    text = models.CharField(_("pertanyaan"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("pertanyaan survei reaksi")
        verbose_name_plural = _("pertanyaan survei reaksi")

    def __str__(self) -> str:
        return self.text

    @property
    def key(self) -> str:
        return f"q{self.pk}"


class ReactionResponse(models.Model):
    """One pegawai's answer to the survey of one enrolment (at most one: the unique key)."""

    enrolment = models.OneToOneField(
        "learning.Enrolment", on_delete=models.CASCADE, related_name="reaction"
    )
    # {question key: score 1–5}, with the question texts asked, kept as they were.
    scores = models.JSONField(_("skor"), default=dict)
    labels = models.JSONField(_("pertanyaan yang diajukan"), default=dict)
    comment = models.TextField(_("komentar"), blank=True, validators=[MaxLengthValidator(2000)])
    submitted_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("survei reaksi")
        verbose_name_plural = _("survei reaksi")

    def __str__(self) -> str:
        return f"{self.enrolment_id}"
