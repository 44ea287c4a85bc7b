from django import forms
from django.utils.translation import gettext_lazy as _

from learning.jenis_diklat import JENIS_DIKLAT_CHOICES
from learning.proofs import DEFAULT_MAX_BYTES


class DateInput(forms.DateInput):
    input_type = "date"


class ExternalRecordForm(forms.Form):
    title = forms.CharField(label=_("Nama pelatihan"), max_length=255)
    institution = forms.CharField(label=_("Penyelenggara"), max_length=255)
    jenis_diklat_id = forms.TypedChoiceField(
        label=_("Jenis diklat"), choices=JENIS_DIKLAT_CHOICES, coerce=int, initial=3
    )
    minutes = forms.IntegerField(
        label=_("Durasi (menit)"),
        min_value=1,
        max_value=60 * 24 * 90,
        help_text=_("Dihitung menjadi JP otomatis."),
    )
    start_date = forms.DateField(label=_("Tanggal mulai"), widget=DateInput)
    end_date = forms.DateField(label=_("Tanggal selesai"), widget=DateInput)
    certificate_number = forms.CharField(
        label=_("Nomor sertifikat"), max_length=100, required=False
    )
    proof = forms.FileField(
        label=_("Berkas sertifikat"),
        help_text=_("PDF, JPG, atau PNG; maksimal %(mb)s MB.") % {"mb": DEFAULT_MAX_BYTES // 2**20},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=1000
    )
