"""The question editor: the whole definition is written in GIFT, the format Moodle users
already know, and stored as structured JSON. One text box covers every question type."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from learning.quiz.gift import parse_gift, question_to_gift
from learning.quiz.types import QuestionData

GIFT_HELP = _(
    "Tulis soal dalam format GIFT, contoh: ::Nama:: Teks soal {=benar ~salah#umpan balik}. "
    "Benar/salah: {T}; isian: {=jawaban}; angka: {#3:0,5}; menjodohkan: {=a -> b =c -> d}; "
    "uraian: {}."
)


class QuestionForm(WagtailAdminModelForm):
    definition = forms.CharField(
        label=_("Definisi soal (GIFT)"),
        widget=forms.Textarea(attrs={"rows": 12, "class": "monospace"}),
        help_text=GIFT_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.data:
            self.initial.setdefault("definition", question_to_gift(self.instance.definition))
        self.parsed: QuestionData | None = None

    def clean_definition(self) -> str:
        text = self.cleaned_data["definition"]
        result = parse_gift(text)
        problems = [f"{p.message}" for p in result.problems if p.skipped]
        if problems:
            raise forms.ValidationError(problems)
        if len(result.questions) != 1:
            raise forms.ValidationError(_("Tulis tepat satu soal."))
        self.parsed = result.questions[0].question
        return text

    def save(self, commit=True):
        if self.parsed is not None:
            self.instance.set_definition(self.parsed)
        return super().save(commit=commit)


class EssayGradeForm(forms.Form):
    percent = forms.DecimalField(label=_("Nilai (%)"), min_value=0, max_value=100, decimal_places=2)
    comment = forms.CharField(
        label=_("Komentar"), required=False, max_length=2000, widget=forms.Textarea
    )
