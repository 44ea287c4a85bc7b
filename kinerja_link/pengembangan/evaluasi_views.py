"""The pimpinan's level-3 task list ("Tim Saya" → Evaluasi pascapelatihan), phone-first.
Each request is found among those the user may answer now (``evaluasi.l3_open_for``);
anything else is 404."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .evaluasi import l3_answer, l3_open_for
from .models import PenilaianPascaPelatihan


class L3Form(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Perubahan perilaku kerja (1 tidak ada – 5 sangat nyata)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Catatan (opsional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@login_required
def evaluasi_team(request):
    rows = list(l3_open_for(request.user)[:200])
    forms_by_pk = {row.pk: L3Form(prefix=f"p{row.pk}") for row in rows}
    return render(
        request,
        "pengembangan/evaluasi_team.html",
        {"rows": [(row, forms_by_pk[row.pk]) for row in rows]},
    )


@login_required
@require_POST
def evaluasi_answer(request, pk: int):
    try:
        penilaian = l3_open_for(request.user).get(pk=pk)
    except PenilaianPascaPelatihan.DoesNotExist:
        raise Http404 from None
    form = L3Form(request.POST, prefix=f"p{pk}")
    if not form.is_valid():
        messages.error(request, _("Pilih nilai 1 sampai 5."))
        return redirect("pengembangan:evaluasi_team")
    try:
        l3_answer(
            user=request.user,
            penilaian=penilaian,
            rating=form.cleaned_data["rating"],
            note=form.cleaned_data["note"],
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Penilaian tersimpan. Terima kasih."))
    return redirect("pengembangan:evaluasi_team")
