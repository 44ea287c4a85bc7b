"""The reaction survey page (level 1): phone-first, the pegawai's own enrolment only."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.models import Enrolment
from learning.reaction import SCALE, SurveyQuestion, questions_for, reaction_submit

SCALE_CHOICES = [(n, str(n)) for n in SCALE]


class ReactionForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Komentar atau saran (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, questions: list[SurveyQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.TypedChoiceField(
                label=str(question.text),
                choices=SCALE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale-choice"}),
            )
        self.order_fields([q.key for q in questions] + ["comment"])

    def scores(self) -> dict[str, int]:
        return {q.key: self.cleaned_data[q.key] for q in self.questions}


@login_required
def reaction_survey(request, enrolment_pk: int):
    # Someone else's enrolment is not found: the survey is the pegawai's own.
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("course"), pk=enrolment_pk, user=request.user
    )
    course = enrolment.course
    if not enrolment.is_completed:
        messages.info(request, _("Survei dibuka setelah kursus selesai."))
        return redirect(course.url)
    if hasattr(enrolment, "reaction"):
        messages.info(request, _("Terima kasih, survei kursus ini sudah Anda isi."))
        return redirect(course.url)
    form = ReactionForm(request.POST or None, questions=questions_for(course))
    if request.method == "POST" and form.is_valid():
        try:
            reaction_submit(
                user=request.user,
                enrolment=enrolment,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
            return redirect(course.url)
    return render(request, "learning/reaction_survey.html", {"form": form, "course": course})
