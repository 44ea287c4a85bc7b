"""Question import in the admin: upload → preview (a dry run) → confirm.

The preview keeps the file's text in a hidden field, so the confirmation imports exactly
what was previewed; the same service as the management command does the work.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.quiz.bank import PARSERS, questions_import

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Berkas"), required=False)
    content = forms.CharField(required=False, widget=forms.HiddenInput)
    fmt = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("gift", "GIFT"), ("moodlexml", "Moodle XML")],
    )
    category = forms.CharField(
        label=gettext_lazy("Kategori tujuan"),
        max_length=500,
        help_text=gettext_lazy(
            "Mis. BerAKHLAK/Akuntabel; dibuat bila belum ada. Kategori $CATEGORY dalam berkas "
            "yang mengulang kategori ini tidak dibuat dua kali."
        ),
    )
    allow_type_change = forms.BooleanField(
        label=gettext_lazy("Izinkan perubahan jenis soal"),
        required=False,
        help_text=gettext_lazy(
            "Tanpa centang ini, soal yang cocok lewat nama/ID tetapi berganti jenis (mis. "
            "pilihan ganda menjadi isian singkat) dilewati."
        ),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("Berkas terlalu besar (maksimal 2 MB)."))
            data["content"] = upload.read().decode("utf-8", errors="replace")
        if not data.get("content"):
            raise forms.ValidationError(_("Pilih berkas untuk diimpor."))
        if "\x00" in data["content"]:  # binary data; PostgreSQL cannot even look it up
            raise forms.ValidationError(_("Berkas bukan teks GIFT atau Moodle XML."))
        if data.get("fmt") not in PARSERS:
            raise forms.ValidationError(_("Format tidak dikenal."))
        return data


def may_import(user) -> bool:
    """Importing adds and updates questions and may add categories."""
    return all(
        user.has_perm(f"quiz.{perm}")
        for perm in ("add_question", "change_question", "add_questioncategory")
    )


def question_import(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        confirm = "confirm" in request.POST
        report = questions_import(
            source=form.cleaned_data["content"],
            fmt=form.cleaned_data["fmt"],
            category_path=form.cleaned_data["category"],
            user=request.user,
            dry_run=not confirm,
            allow_type_change=form.cleaned_data["allow_type_change"],
        )
        if confirm:
            messages.success(
                request,
                _(
                    "%(n)s soal baru, %(u)s diperbarui, %(c)s tidak berubah, %(d)s duplikat "
                    "dalam berkas, %(s)s dilewati."
                )
                % {
                    "n": sum(report.created.values()),
                    "u": sum(report.updated.values()),
                    "c": sum(report.unchanged.values()),
                    "d": sum(report.duplicates.values()),
                    "s": len(report.skipped),
                },
            )
            return redirect("wagtailsnippets_quiz_question:list")
        form = ImportForm(initial={**form.cleaned_data, "file": None})
    return TemplateResponse(
        request,
        "quiz/admin/import.html",
        {"form": form, "report": report, "counts": report.counts() if report else []},
    )
