"""Forms of "Tim Saya". Pegawai ids are checked by the service, not by the form, so an
id outside the team reaches ``assignments_bulk_create`` and its rejection is audited."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.models import CoursePage

from .assignments import NOTE_MAX
from .tim_saya import live_courses


class DateInput(forms.DateInput):
    input_type = "date"


class PegawaiIdsField(forms.Field):
    """Any list of integers: whether they are team members is the service's (audited) call."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        try:
            return sorted({int(v) for v in value})
        except (TypeError, ValueError):
            raise forms.ValidationError(_("Daftar pegawai tidak valid.")) from None


class BulkAssignForm(forms.Form):
    pegawai = PegawaiIdsField(
        label=_("Pegawai"), error_messages={"required": _("Pilih minimal satu pegawai.")}
    )
    course = forms.ModelChoiceField(
        label=_("Kursus"),
        queryset=CoursePage.objects.none(),
        empty_label=_("— pilih kursus —"),
        error_messages={
            "required": _("Pilih kursus."),
            "invalid_choice": _("Kursus ini tidak tersedia."),
        },
    )
    due_date = forms.DateField(
        label=_("Tenggat"),
        widget=DateInput,
        error_messages={"required": _("Isi tenggat."), "invalid": _("Tanggal tidak valid.")},
    )
    note = forms.CharField(
        label=_("Catatan untuk pegawai"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = live_courses()


class AcceptForm(forms.Form):
    due_date = forms.DateField(
        label=_("Tenggat"),
        required=False,
        widget=DateInput,
        help_text=_("Kosongkan untuk memakai tenggat bawaan aturan."),
        error_messages={"invalid": _("Tanggal tidak valid.")},
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan diabaikan"),
        max_length=NOTE_MAX,
        error_messages={"required": _("Tuliskan alasan rekomendasi ini diabaikan.")},
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pembatalan"), required=False, max_length=NOTE_MAX)
