"""IDP pages, phone-first. Each page finds the plan through ``idps_visible_to``: the
pegawai's own, their pimpinan's team, a pengelola's units; anyone else gets 404.
Editing and submitting are the pegawai's, deciding is the pimpinan's (the services check)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required, second_factor_pending, verification_redirect
from accounts.roles import Role

from ..models import Pegawai
from ..pembinaan.team import pimpinan_for
from ..scope import scope_for
from ..selectors import team_of
from . import akpk, selectors, services
from .forms import DecisionForm, ItemForm
from .models import IdpStatus, RencanaPengembangan
from .rules import standar_for

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    raw = request.GET.get("tahun", "")
    this_year = timezone.localdate().year
    if raw.isdigit() and 2000 <= int(raw) <= this_year + 1:
        return int(raw)
    return this_year


def _visible(request, pk: int) -> RencanaPengembangan:
    try:
        return selectors.idp_with_items(selectors.idps_visible_to(request.user), pk)
    except RencanaPengembangan.DoesNotExist:
        raise Http404 from None


def _staff_reach_unverified(request, rencana: RencanaPengembangan) -> bool:
    """Someone else's plan reached only as pengelola: the second factor first."""
    if rencana.pegawai.user_id == request.user.pk:
        return False
    if team_of(request.user).filter(pk=rencana.pegawai_id).exists():
        return False
    return second_factor_pending(request)


@login_required
def my_idp(request):
    """The pegawai's plan of the year, or the button to draft it."""
    pegawai = Pegawai.objects.filter(user=request.user, is_active=True).select_related("unit")
    me = pegawai.first()
    tahun = _year(request)
    rencana = RencanaPengembangan.objects.filter(pegawai=me, tahun=tahun).first() if me else None
    if rencana is not None:
        return redirect("pengembangan:detail", pk=rencana.pk)
    return render(
        request,
        "pengembangan/my_idp.html",
        {
            "pegawai": me,
            "tahun": tahun,
            "standar": standar_for(me) if me else [],
            "is_pengelola": scope_for(request.user) is not None,
        },
    )


@login_required
@require_POST
def draft(request):
    try:
        rencana = services.idp_draft(user=request.user, tahun=_year(request))
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Konsep rencana disusun dari kesenjangan jabatan dan rekomendasi."))
    return redirect("pengembangan:detail", pk=rencana.pk)


def _item_forms(request, rencana: RencanaPengembangan, *, bound: bool) -> list[ItemForm]:
    data = request.POST if bound else None
    return [ItemForm(data, item=item) for item in rencana.items.all()]


@login_required
def detail(request, pk: int):
    rencana = _visible(request, pk)
    if _staff_reach_unverified(request, rencana):
        return verification_redirect(request)
    is_owner = rencana.pegawai.user_id == request.user.pk
    can_edit = is_owner and rencana.is_editable
    item_forms = _item_forms(request, rencana, bound=can_edit and request.method == "POST")
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if all(form.is_valid() for form in item_forms):
            try:
                services.idp_items_update(
                    user=request.user,
                    rencana=rencana,
                    changes={f.item.pk: f.item_data() for f in item_forms},
                    removed=[f.item.pk for f in item_forms if f.cleaned_data.get("remove")],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Rencana tersimpan."))
                return redirect("pengembangan:detail", pk=rencana.pk)
    is_pimpinan = team_of(request.user).filter(pk=rencana.pegawai_id).exists()
    context = {
        "rencana": rencana,
        "items": list(zip(rencana.items.all(), item_forms, strict=True)),
        "can_edit": can_edit,
        "can_decide": is_pimpinan and rencana.status == IdpStatus.SUBMITTED,
        "decision_form": DecisionForm(),
        "is_pengelola": scope_for(request.user) is not None,
        "total_jp": sum((item.target_jp for item in rencana.items.all()), start=0),
    }
    return render(request, "pengembangan/detail.html", context)


@login_required
@require_POST
def submit(request, pk: int):
    rencana = _visible(request, pk)
    try:
        services.idp_submit(user=request.user, rencana=rencana)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rencana diajukan ke pimpinan Anda."))
    return redirect("pengembangan:detail", pk=rencana.pk)


@login_required
@require_POST
def decide(request, pk: int):
    rencana = _visible(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Catatan terlalu panjang."))
        return redirect("pengembangan:detail", pk=rencana.pk)
    comment = form.cleaned_data["comment"]
    approve = request.POST.get("keputusan") == "setujui"
    try:
        if approve:
            services.idp_approve(user=request.user, rencana=rencana, comment=comment)
            messages.success(request, _("Rencana disetujui."))
        else:
            services.idp_return(user=request.user, rencana=rencana, comment=comment)
            messages.success(request, _("Rencana dikembalikan kepada pegawai."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("pengembangan:detail", pk=rencana.pk)


@login_required
def print_form(request, pk: int):
    rencana = _visible(request, pk)
    if _staff_reach_unverified(request, rencana):
        return verification_redirect(request)
    items = list(rencana.items.all())
    return render(
        request,
        "pengembangan/print.html",
        {"rencana": rencana, "items": items, "total_jp": sum((i.target_jp for i in items), 0)},
    )


@login_required
def pdf_form(request, pk: int):
    """The same form as a PDF (WeasyPrint, as the certificates)."""
    from learning.certificates import html_to_pdf  # WeasyPrint loads slowly: only when needed

    rencana = _visible(request, pk)
    if _staff_reach_unverified(request, rencana):
        return verification_redirect(request)
    items = list(rencana.items.all())
    html = render_to_string(
        "pengembangan/form_pdf.html",
        {"rencana": rencana, "items": items, "total_jp": sum((i.target_jp for i in items), 0)},
    )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="rencana-pengembangan-{rencana.tahun}-{rencana.pk}.pdf"'
    )
    return response


@login_required
def team_list(request):
    pimpinan_for(request.user)  # 403 without a team
    tahun = _year(request)
    rows = selectors.team_idps(request.user, tahun).annotate(jp=Sum("items__target_jp"))
    return render(request, "pengembangan/team.html", {"rows": rows, "tahun": tahun})


def _scope_or_404(request):
    scope = scope_for(request.user)
    if scope is None:
        raise Http404
    return scope


@role_required(Role.PENGELOLA)
def unit_list(request):
    _scope_or_404(request)
    tahun = _year(request)
    rows = selectors.unit_idps(request.user, tahun).annotate(jp=Sum("items__target_jp"))
    return render(request, "pengembangan/unit.html", {"rows": rows[:500], "tahun": tahun})


@role_required(Role.PENGELOLA)
def akpk_export(request):
    scope = _scope_or_404(request)
    tahun = _year(request)
    rows = akpk.akpk_rows(scope=scope, tahun=tahun)
    if request.GET.get("format") == "xlsx":
        body, content_type, ext = akpk.to_xlsx(rows), XLSX_TYPE, "xlsx"
    else:
        body, content_type, ext = akpk.to_csv(rows), CSV_TYPE, "csv"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="akpk-{tahun}.{ext}"'
    return response
