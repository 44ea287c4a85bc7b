"""The public forms: the SKM survey and a feedback. Both carry the honeypot and the
signed challenge of :mod:`.abuse`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import abuse
from .models import (
    ELEMENTS,
    SCORE_CHOICES,
    AgeBand,
    Education,
    FeedbackKind,
    Occupation,
    Sex,
)

# What each score means for each element, read out with the radio buttons.
SCORE_WORDS = [(value, f"{value} · {label}") for value, label in SCORE_CHOICES]


def _optional(choices, label):
    return forms.ChoiceField(
        label=label, required=False, choices=[("", _("Tidak ingin menjawab")), *choices]
    )


class GuardedForm(forms.Form):
    """Honeypot + challenge; ``challenge_question`` is shown next to ``jawaban``."""

    situs_web = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    tantangan = forms.CharField(widget=forms.HiddenInput)
    jawaban = forms.CharField(
        label=_("Pertanyaan pengaman"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Jawab dengan angka, misalnya 7."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question, token = abuse.challenge_new()
        self.challenge_question = question
        if not self.is_bound:
            self.initial["tantangan"] = token
        else:  # a wrong answer gets a fresh question
            self.fresh_token = token

    def refresh_challenge(self) -> None:
        """Before showing an invalid form again: a new question, its token, no answer."""
        data = dict(self.data.items())
        data["tantangan"] = self.fresh_token
        data["jawaban"] = ""
        self.data = data

    def is_bot(self) -> bool:
        return bool(self.data.get(abuse.HONEYPOT_FIELD))

    def clean(self):
        cleaned = super().clean()
        if not abuse.challenge_passed(cleaned.get("tantangan", ""), cleaned.get("jawaban", "")):
            self.add_error("jawaban", _("Jawaban pertanyaan pengaman belum tepat. Coba lagi."))
        return cleaned


class SurveyForm(GuardedForm):
    field_order = [code for code, _label in ELEMENTS] + [
        "usia",
        "jenis_kelamin",
        "pendidikan",
        "pekerjaan",
        "saran",
        "jawaban",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, (code, label) in enumerate(ELEMENTS, start=1):
            self.fields[code] = forms.TypedChoiceField(
                label=f"U{number}. {label}",
                choices=SCORE_WORDS,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu nilai.")},
            )
        self.fields["usia"] = _optional(AgeBand.choices, _("Usia"))
        self.fields["jenis_kelamin"] = _optional(Sex.choices, _("Jenis kelamin"))
        self.fields["pendidikan"] = _optional(Education.choices, _("Pendidikan terakhir"))
        self.fields["pekerjaan"] = _optional(Occupation.choices, _("Pekerjaan"))
        self.fields["saran"] = forms.CharField(
            label=_("Saran untuk perbaikan layanan"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Jangan menuliskan nama, NIK, atau nomor telepon."),
        )
        self.order_fields(self.field_order)

    def element_fields(self):
        return [self[code] for code, _label in ELEMENTS]


class FeedbackForm(GuardedForm):
    jenis = forms.ChoiceField(
        label=_("Jenis masukan"), choices=FeedbackKind.choices, widget=forms.RadioSelect
    )
    isi = forms.CharField(
        label=_("Isi masukan"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Masukan ditampilkan setelah diperiksa moderator. Jangan menuliskan nama petugas "
            "atau data pribadi siapa pun."
        ),
    )
    tentang_petugas = forms.BooleanField(
        label=_("Masukan ini tentang pelayanan petugas"),
        required=False,
        help_text=_("Diteruskan ke pimpinan unit sebagai umpan balik, tanpa nama siapa pun."),
    )
    email = forms.EmailField(
        label=_("E-mail (tidak wajib)"),
        required=False,
        help_text=_(
            "Hanya untuk memberi tahu Anda bila masukan dijawab; tidak pernah ditampilkan."
        ),
    )
    field_order = ["jenis", "isi", "tentang_petugas", "email", "jawaban"]

    def __init__(self, *args, for_service: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not for_service:
            del self.fields["tentang_petugas"]
