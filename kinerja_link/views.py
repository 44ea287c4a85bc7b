"""Kinerja pages for pegawai, pimpinan and pengelola. What each may see is decided by
``selectors.visible_pegawai_for``: an id outside it is the same 404 as a missing one."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from accounts.access import role_required, second_factor_pending, verification_redirect
from accounts.nip import mask_nip
from accounts.roles import Role

from . import perilaku_catatan
from .exporting import evidence_rows, export_rows, to_csv, to_xlsx
from .importing.columns import BERAKHLAK
from .models import Evaluasi, JenisRHK, Pegawai, Periode, UnitKerja
from .perilaku_notes import MAX_NOTE_LENGTH, editable_by, perilaku_notes_update
from .scope import scope_for
from .selectors import (
    kinerja_of,
    skp_document_for,
    skp_page_extras,
    units_for_export,
    visible_pegawai_for,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


@login_required
def kinerja_saya(request):
    pegawai = Pegawai.objects.filter(user=request.user).select_related("user", "unit").first()
    context = kinerja_of(pegawai) if pegawai else {"pegawai": None}
    return render(request, "kinerja_link/kinerja_saya.html", {**context, "is_self": True})


@login_required
def pegawai_detail(request, pk: int):
    """Staff see their unit subtree only once their second factor is verified: until
    then any id outside their own team asks for the code, existing or not."""
    as_staff = not second_factor_pending(request)
    visible = visible_pegawai_for(request.user, as_staff=as_staff).select_related("user", "unit")
    pegawai = visible.filter(pk=pk).first()
    if pegawai is None:
        if not as_staff:
            return verification_redirect(request)
        raise Http404
    context = kinerja_of(pegawai)
    return render(request, "kinerja_link/kinerja_saya.html", {**context, "is_self": False})


@login_required
def skp_dokumen(request, pk: int):
    """The SKP as the official form reads, for screen and print. Someone else's SKP
    reads exactly like a missing one."""
    skp = skp_document_for(request.user, pk)
    if skp is None:
        raise Http404
    rhk = list(skp.rhk.all())
    return render(
        request,
        "kinerja_link/skp_dokumen.html",
        {
            "skp": skp,
            "is_self": skp.pegawai.user_id == request.user.pk,
            "nips": skp_nips_for(request.user, skp),
            "rhk_utama": [r for r in rhk if r.jenis == JenisRHK.UTAMA],
            "rhk_tambahan": [r for r in rhk if r.jenis == JenisRHK.TAMBAHAN],
            **skp_page_extras(
                user=request.user, skp=skp, as_staff=not second_factor_pending(request)
            ),
        },
    )


def skp_nips_for(user, skp) -> dict[str, str]:
    """The NIPs on the form, in full only for those entitled to them (the person, their
    pimpinan, a pengelola of their unit, a superuser); masked otherwise."""
    scope = scope_for(user)
    me = Pegawai.objects.filter(user=user).values_list("pk", flat=True).first()

    def shown(person) -> str:
        if person is None:
            return "—"
        entitled = (
            user.is_superuser
            or person.user_id == user.pk
            or (me is not None and person.pejabat_penilai_id == me)
            or (scope is not None and scope.contains(person.unit.path))
        )
        return person.nip if entitled else mask_nip(person.nip)

    return {
        name: shown(getattr(skp, name))
        for name in ("pegawai", "pejabat_penilai", "atasan_pejabat_penilai")
    }


class EksporForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Periode"), queryset=Periode.objects.none())
    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=UnitKerja.objects.none())
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("xlsx", _("XLSX (riwayat kursus dan bukti dukung)")),
            ("csv", _("CSV riwayat kursus")),
            ("csv_bukti", _("CSV bukti dukung")),
        ],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = Periode.objects.all()
        self.fields["unit"].queryset = units_for_export(user)


@role_required(Role.PENGELOLA)
def ekspor(request):
    """Pengelola only: everyone else gets the 404 of a page that is not there."""
    if scope_for(request.user) is None:  # a pengelola who manages no unit
        raise Http404
    form = EksporForm(request.GET or None, user=request.user)
    if not form.is_valid():
        return render(request, "kinerja_link/ekspor.html", {"form": form})
    periode, unit = form.cleaned_data["periode"], form.cleaned_data["unit"]
    rows = export_rows(periode=periode, unit=unit)
    evidence = evidence_rows(periode=periode, unit=unit)
    kind = form.cleaned_data["format"]
    if kind == "xlsx":
        body, content_type, stem, ext = to_xlsx(rows, evidence), XLSX_TYPE, "riwayat-kursus", "xlsx"
    elif kind == "csv_bukti":
        body, content_type, stem, ext = to_csv(evidence), CSV_TYPE, "bukti-dukung", "csv"
    else:
        body, content_type, stem, ext = to_csv(rows), CSV_TYPE, "riwayat-kursus", "csv"
    response = HttpResponse(body, content_type=content_type)
    name = f"{stem}-{unit.kode}-{periode.tahun}-{periode.jenis}{periode.nomor}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class PerilakuNotesForm(forms.Form):
    """One checkbox and one note per BerAKHLAK value, prefilled from the evaluation."""

    def __init__(self, *args, evaluasi, **kwargs):
        super().__init__(*args, **kwargs)
        notes = evaluasi.perilaku_catatan or {}
        self.rows = []
        for code, name in BERAKHLAK.items():
            self.fields[f"flag_{code}"] = forms.BooleanField(
                label=_("%(nilai)s perlu pembinaan") % {"nilai": name},
                required=False,
                initial=perilaku_catatan.is_flagged(notes, code),
            )
            self.fields[f"note_{code}"] = forms.CharField(
                label=_("Catatan %(nilai)s") % {"nilai": name},
                required=False,
                max_length=MAX_NOTE_LENGTH,
                initial=perilaku_catatan.note_text(notes, code),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.rows.append((name, self[f"flag_{code}"], self[f"note_{code}"]))


@login_required
def perilaku_notes(request, pk: int):
    evaluasi = get_object_or_404(Evaluasi.objects.select_related("pegawai__user", "periode"), pk=pk)
    if not editable_by(request.user, evaluasi):
        raise Http404  # someone else's evaluation reads exactly like a missing one
    form = PerilakuNotesForm(request.POST or None, evaluasi=evaluasi)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        perilaku_notes_update(
            user=request.user,
            evaluasi=evaluasi,
            flags={code: data[f"flag_{code}"] for code in BERAKHLAK},
            notes={code: data[f"note_{code}"] for code in BERAKHLAK},
        )
        messages.success(request, _("Catatan perilaku disimpan."))
        return redirect("kinerja:perilaku_notes", pk=evaluasi.pk)
    return render(request, "kinerja_link/perilaku_notes.html", {"evaluasi": evaluasi, "form": form})
