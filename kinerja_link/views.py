"""Kinerja pages for pegawai, pimpinan and pengelola. What each may see is decided by
``selectors.visible_pegawai_for``: an id outside it is the same 404 as a missing one."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from .exporting import export_rows, to_csv, to_xlsx
from .models import Pegawai, Periode, UnitKerja
from .selectors import (
    kinerja_of,
    scope_path_for,
    units_for_export,
    visible_pegawai_for,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def kinerja_saya(request):
    pegawai = Pegawai.objects.filter(user=request.user).select_related("user", "unit").first()
    context = kinerja_of(pegawai) if pegawai else {"pegawai": None}
    return render(request, "kinerja_link/kinerja_saya.html", {**context, "is_self": True})


@login_required
def pegawai_detail(request, pk: int):
    pegawai = get_object_or_404(
        visible_pegawai_for(request.user).select_related("user", "unit"), pk=pk
    )
    context = kinerja_of(pegawai)
    return render(request, "kinerja_link/kinerja_saya.html", {**context, "is_self": False})


class EksporForm(forms.Form):
    periode = forms.ModelChoiceField(label=_("Periode"), queryset=Periode.objects.none())
    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=UnitKerja.objects.none())
    format = forms.ChoiceField(label=_("Format"), choices=[("xlsx", "XLSX"), ("csv", "CSV")])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = Periode.objects.all()
        self.fields["unit"].queryset = units_for_export(user)


@login_required
def ekspor(request):
    """Pengelola only: everyone else gets the 404 of a page that is not there."""
    if scope_path_for(request.user) is None:
        raise Http404
    form = EksporForm(request.GET or None, user=request.user)
    if not form.is_valid():
        return render(request, "kinerja_link/ekspor.html", {"form": form})
    periode, unit = form.cleaned_data["periode"], form.cleaned_data["unit"]
    rows = export_rows(periode=periode, unit=unit)
    kind = form.cleaned_data["format"]
    body = to_xlsx(rows) if kind == "xlsx" else to_csv(rows)
    content_type = XLSX_TYPE if kind == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    name = f"riwayat-kursus-{unit.kode}-{periode.tahun}-{periode.jenis}{periode.nomor}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
