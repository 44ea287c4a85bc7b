"""Forms for recording sessions and feedback. Every choice list is limited to the
pimpinan's own team; the services check again, because a form is not a permission."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from learning.models import CoursePage

from ..models import Evaluasi, Pegawai, RencanaHasilKerja
from ..selectors import team_for
from .assignments import NOTE_MAX
from .models import (
    AppointmentKind,
    FeedbackKind,
    Recommendation,
    RecommendationStatus,
    SessionKind,
    SkpEvidence,
)
from .selectors import live_courses


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TeamMemberField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Pegawai) -> str:
        return f"{obj.nama} — {obj.jabatan}"


class EvaluasiField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Evaluasi) -> str:
        return f"{obj.pegawai.nama} · {obj.periode} · {obj.get_predikat_display()}"


class RhkField(forms.ModelChoiceField):
    def label_from_instance(self, obj: RencanaHasilKerja) -> str:
        text = obj.rhk if len(obj.rhk) <= 80 else obj.rhk[:79] + "…"
        return f"{obj.skp.pegawai.nama} · {text}"


def _links_for(members, year: int) -> tuple:
    evaluasi = (
        Evaluasi.objects.filter(pegawai__in=members, periode__tahun__gte=year - 1)
        .select_related("pegawai__user", "periode")
        .order_by("pegawai__user__display_name", "-periode__tahun", "-periode__nomor")
    )
    rhk = (
        RencanaHasilKerja.objects.filter(skp__pegawai__in=members, skp__periode__tahun=year)
        .select_related("skp__pegawai__user")
        .order_by("skp__pegawai__user__display_name", "sort_order", "pk")
    )
    return evaluasi, rhk


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis sesi"), choices=SessionKind.choices)
    date = forms.DateField(label=_("Tanggal"), widget=DateInput)
    participants = TeamMemberField(
        label=_("Peserta"),
        queryset=Pegawai.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Pilih hanya anggota tim Anda.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Durasi (menit)"),
        min_value=5,
        max_value=600,
        initial=60,
        help_text=_("Coaching dan mentoring dihitung menjadi JP bila pengelola mengaturnya."),
    )
    topics = forms.CharField(
        label=_("Topik yang dibahas"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    agreed_actions = forms.CharField(
        label=_("Tindak lanjut yang disepakati"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    follow_up_date = forms.DateField(
        label=_("Tanggal tindak lanjut"), required=False, widget=DateInput
    )
    evaluasi = EvaluasiField(
        label=_("Evaluasi terkait"), queryset=Evaluasi.objects.none(), required=False
    )
    rhk = RhkField(
        label=_("RHK terkait"), queryset=RencanaHasilKerja.objects.none(), required=False
    )
    nilai = forms.ModelChoiceField(
        label=_("Nilai BerAKHLAK terkait"), queryset=Competency.objects.none(), required=False
    )
    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args,
        pimpinan: Pegawai,
        preselect: Pegawai | None = None,
        reach=None,
        **kwargs,
    ):
        """``reach``: everyone the holder may choose (their team and mentees); the team
        alone offers evaluations and recommendations, which a mentor does not see."""
        super().__init__(*args, **kwargs)
        team = team_for(pimpinan).select_related("user").order_by("user__display_name", "pk")
        reach = team if reach is None else reach.select_related("user")
        self.fields["participants"].queryset = reach.order_by("user__display_name", "pk")
        members = reach.filter(pk=preselect.pk) if preselect else reach
        year = timezone.localdate().year
        _evaluasi, rhk = _links_for(members, year)
        evaluasi, _rhk = _links_for(members.filter(pk__in=team.values("pk")), year)
        self.fields["evaluasi"].queryset = evaluasi
        self.fields["rhk"].queryset = rhk
        self.fields["nilai"].queryset = Competency.objects.values_berakhlak()
        self.fields["recommendation"].queryset = Recommendation.objects.filter(
            pegawai__in=team, course__isnull=True, status=RecommendationStatus.OPEN
        )
        if not team.exists():
            del self.fields["evaluasi"]

    def clean(self):
        data = super().clean()
        date, follow_up = data.get("date"), data.get("follow_up_date")
        if date and date > timezone.localdate():
            self.add_error("date", _("Tanggal sesi tidak boleh di masa depan."))
        if date and follow_up and follow_up < date:
            self.add_error(
                "follow_up_date", _("Tanggal tindak lanjut tidak boleh sebelum tanggal sesi.")
            )
        return data


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis"), choices=FeedbackKind.choices, initial=FeedbackKind.INSIDENTAL
    )
    date = forms.DateField(label=_("Tanggal"), widget=DateInput)
    text = forms.CharField(
        label=_("Umpan balik"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6})
    )
    nilai = forms.ModelChoiceField(
        label=_("Nilai BerAKHLAK terkait"), queryset=Competency.objects.none(), required=False
    )
    rhk = RhkField(
        label=_("RHK terkait"), queryset=RencanaHasilKerja.objects.none(), required=False
    )

    def __init__(self, *args, pegawai: Pegawai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nilai"].queryset = Competency.objects.values_berakhlak()
        self.fields["rhk"].queryset = _links_for([pegawai], timezone.localdate().year)[1]

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Tanggal umpan balik tidak boleh di masa depan."))
        return date


class NotificationSettingsForm(forms.Form):
    reminder_email_opt_out = forms.BooleanField(
        label=_("Jangan kirimi saya surel pengingat"),
        required=False,
        help_text=_(
            "Pengingat tetap tampil di halaman notifikasi. Pemberitahuan wajib, seperti "
            "penugasan yang melewati tenggat, tetap dikirim lewat surel."
        ),
    )


class EvidenceRhkForm(forms.Form):
    rhk: forms.ModelChoiceField[RencanaHasilKerja] = forms.ModelChoiceField(
        label=_("Tautkan ke RHK"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Pilih RHK dari SKP Anda sendiri.")},
    )

    def __init__(self, *args, evidence: SkpEvidence, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhk"].queryset = evidence.skp.rhk.all()


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


# --- Rencana aksi and the dialog kinerja ------------------------------------------------------


class RencanaAksiForm(forms.Form):
    text = forms.CharField(
        label=_("Rencana aksi"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Apa yang akan Anda kerjakan untuk RHK ini."),
    )
    target_date = forms.DateField(label=_("Target selesai"), required=False, widget=DateInput)


class KomentarForm(forms.Form):
    text = forms.CharField(
        label=_("Komentar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class KeputusanForm(forms.Form):
    comment = forms.CharField(
        label=_("Komentar pimpinan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila rencana aksi dikembalikan untuk perbaikan."),
    )


class RealisasiForm(forms.Form):
    text = forms.CharField(
        label=_("Realisasi"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Apa yang sudah Anda kerjakan dan hasilnya."),
    )


class BuktiFileForm(forms.Form):
    title = forms.CharField(label=_("Judul bukti"), max_length=200, required=False)
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("PDF, JPG, PNG, DOCX, XLSX, atau PPTX; paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx"}),
    )


class BuktiLinkForm(forms.Form):
    title = forms.CharField(label=_("Judul bukti"), max_length=200, required=False)
    url = forms.CharField(
        label=_("Tautan"),
        max_length=500,
        help_text=_("Alamat lengkap, diawali https:// atau http://."),
        widget=forms.URLInput,
    )


SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class PegawaiChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pegawai) -> str:
        return f"{obj.nama} — {obj.jabatan}"


class AppointmentForm(forms.Form):
    mentee = PegawaiChoiceField(label=_("Pegawai yang dibina"), queryset=Pegawai.objects.none())
    mentor = PegawaiChoiceField(label=_("Coach/mentor"), queryset=Pegawai.objects.none())
    kind = forms.ChoiceField(label=_("Peran"), choices=AppointmentKind.choices)
    start_date = forms.DateField(label=_("Mulai"), widget=DateInput)
    end_date = forms.DateField(label=_("Berakhir"), required=False, widget=DateInput)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        order = ("user__display_name", "pk")
        self.fields["mentee"].queryset = mentees.select_related("user").order_by(*order)
        self.fields["mentor"].queryset = mentors.select_related("user").order_by(*order)


class SessionEvaluationForm(forms.Form):
    """Format B.1.8: the participant's feedback on the session."""

    manfaat = forms.TypedChoiceField(
        label=_("Seberapa bermanfaat sesi ini bagi Anda? (1–5)"),
        choices=SCALE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    kejelasan = forms.TypedChoiceField(
        label=_("Seberapa jelas arahan yang diberikan? (1–5)"),
        choices=SCALE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    tindak_lanjut = forms.CharField(
        label=_("Tindak lanjut yang disepakati"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    saran = forms.CharField(
        label=_("Saran"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rating = forms.TypedChoiceField(
        label=_("Penilaian keseluruhan (1–5)"),
        choices=SCALE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )


class CompetencyRatingForm(forms.Form):
    """Format B.1.9: the coach rates a competency developed, per participant."""

    pegawai = PegawaiChoiceField(label=_("Peserta"), queryset=Pegawai.objects.none())
    competency = forms.ModelChoiceField(
        label=_("Kompetensi yang dikembangkan"), queryset=Competency.objects.none()
    )
    level = forms.TypedChoiceField(
        label=_("Level (1–5)"), choices=SCALE_CHOICES, coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = participants
        self.fields["competency"].queryset = Competency.objects.filter(has_levels=True).order_by(
            "kind", "sort_order", "code"
        )
