"""Kinerja pages for pegawai, pimpinan and pengelola. What each may see is decided by
``selectors.visible_pegawai_for``: an id outside it is the same 404 as a missing one."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from .models import Pegawai
from .selectors import (
    kinerja_of,
    others_visible_to,
    periode_with_evaluasi,
    team_with_evaluasi,
    visible_pegawai_for,
)


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


@login_required
def tim_saya(request):
    periods = list(periode_with_evaluasi())
    chosen = request.GET.get("periode")
    periode = next((p for p in periods if str(p.pk) == chosen), periods[0] if periods else None)
    team = team_with_evaluasi(others_visible_to(request.user), periode)
    return render(
        request,
        "kinerja_link/tim_saya.html",
        {"team": team, "periods": periods, "periode": periode},
    )
