from django import forms
from django.utils.translation import gettext_lazy as _

CONFIRMATION_WORD = "HAPUS"


class ErasureForm(forms.Form):
    """Erasure cannot be undone: a reason for the audit trail and a typed confirmation."""

    reason = forms.CharField(
        label=_("Alasan penghapusan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Misalnya nomor dan tanggal surat permintaan. Dicatat di jejak audit."),
    )
    confirmation = forms.CharField(
        label=_("Konfirmasi"),
        max_length=20,
        help_text=_("Ketik HAPUS (huruf besar) untuk menghapus data pribadi pegawai ini."),
    )

    def clean_confirmation(self) -> str:
        value = self.cleaned_data["confirmation"].strip()
        if value != CONFIRMATION_WORD:
            raise forms.ValidationError(
                _("Ketik HAPUS (huruf besar) untuk mengonfirmasi."), code="confirmation"
            )
        return value
