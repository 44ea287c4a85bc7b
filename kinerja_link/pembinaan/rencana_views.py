"""Pages of the rencana aksi: adding one under an RHK of the SKP page, its own page with the
dialog kinerja, the pimpinan's decision, realisasi and bukti dukung, and the bukti files.

Whoever may not see the SKP gets the same 404 as for a missing id; a write by someone who
may see but not write (a pengelola, the pimpinan on the pegawai's side of things) is a 404
too, so nothing tells a probing user more than the page already shows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import second_factor_pending

from ..models import RencanaHasilKerja
from . import rencana_aksi as services
from .forms import (
    BuktiFileForm,
    BuktiLinkForm,
    KeputusanForm,
    KomentarForm,
    RealisasiForm,
    RencanaAksiForm,
)
from .models import BuktiDukungKind, RencanaAksi, RencanaAksiStatus
from .rencana_aksi import Access
from .rencana_page import bukti_visible, rencana_aksi_visible


def _as_staff(request) -> bool:
    return not second_factor_pending(request)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _skp_url(skp_id: int) -> str:
    return reverse("kinerja:skp", args=[skp_id]) + "#rencana-aksi"


def _page(request, pk: int) -> tuple[RencanaAksi, Access]:
    found = rencana_aksi_visible(request.user, pk, as_staff=_as_staff(request))
    if found is None:
        raise Http404
    return found


def _redirect(rencana: RencanaAksi) -> HttpResponseRedirect:
    return redirect("pembinaan:rencana_aksi", pk=rencana.pk)


@login_required
@require_POST
def rencana_aksi_create(request, rhk_pk: int):
    """The pegawai adds a rencana aksi (a draft) under one RHK of their own SKP."""
    rhk = (
        RencanaHasilKerja.objects.filter(pk=rhk_pk, skp__pegawai__user=request.user)
        .select_related("skp__periode", "skp__pegawai__unit", "skp__pejabat_penilai")
        .first()
    )
    if rhk is None:
        raise Http404
    form = RencanaAksiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return HttpResponseRedirect(_skp_url(rhk.skp_id))
    try:
        rencana = services.rencana_aksi_create(
            user=request.user,
            rhk=rhk,
            text=form.cleaned_data["text"],
            target_date=form.cleaned_data["target_date"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return HttpResponseRedirect(_skp_url(rhk.skp_id))
    if request.POST.get("ajukan"):
        services.rencana_aksi_submit(user=request.user, rencana=rencana)
        messages.success(request, _("Rencana aksi diajukan kepada pimpinan Anda."))
    else:
        messages.success(request, _("Rencana aksi disimpan sebagai draf."))
    return HttpResponseRedirect(_skp_url(rhk.skp_id))


@login_required
def rencana_aksi_detail(request, pk: int):
    rencana, access = _page(request, pk)
    is_owner = access is Access.OWNER
    is_pimpinan = access is Access.PIMPINAN
    agreed = rencana.status == RencanaAksiStatus.DISETUJUI
    context = {
        "rencana": rencana,
        "skp": rencana.skp,
        "access": access.value,
        "is_owner": is_owner,
        "is_pimpinan": is_pimpinan,
        "komentar_list": list(rencana.komentar.all()),
        "bukti_list": list(rencana.bukti.all()),
        "edit_form": RencanaAksiForm(
            initial={"text": rencana.text, "target_date": rencana.target_date}
        )
        if is_owner and rencana.is_editable
        else None,
        "decision_form": KeputusanForm()
        if is_pimpinan and rencana.status == RencanaAksiStatus.DIAJUKAN
        else None,
        "komentar_form": KomentarForm() if is_owner or is_pimpinan else None,
        "realisasi_form": RealisasiForm(initial={"text": rencana.realisasi})
        if is_owner and agreed
        else None,
        "file_form": BuktiFileForm() if is_owner and agreed else None,
        "link_form": BuktiLinkForm() if is_owner and agreed else None,
    }
    return render(request, "kinerja_link/pembinaan/rencana_aksi.html", context)


def _owner_write(request, pk: int) -> RencanaAksi:
    rencana, access = _page(request, pk)
    if access is not Access.OWNER:
        raise Http404
    return rencana


@login_required
@require_POST
def rencana_aksi_update(request, pk: int):
    rencana = _owner_write(request, pk)
    form = RencanaAksiForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _redirect(rencana)
    try:
        services.rencana_aksi_update(
            user=request.user,
            rencana=rencana,
            text=form.cleaned_data["text"],
            target_date=form.cleaned_data["target_date"],
        )
        if request.POST.get("ajukan"):
            services.rencana_aksi_submit(user=request.user, rencana=rencana)
            messages.success(request, _("Rencana aksi diajukan kepada pimpinan Anda."))
        else:
            messages.success(request, _("Rencana aksi disimpan."))
    except ValidationError as error:
        messages.error(request, _errors(error))
    return _redirect(rencana)


@login_required
@require_POST
def rencana_aksi_decide(request, pk: int):
    """The pimpinan agrees ("setujui") or sends the plan back ("perbaikan")."""
    rencana, access = _page(request, pk)
    if access is not Access.PIMPINAN:
        raise Http404
    form = KeputusanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _redirect(rencana)
    comment = form.cleaned_data["comment"]
    try:
        if request.POST.get("keputusan") == "setujui":
            services.rencana_aksi_approve(user=request.user, rencana=rencana, comment=comment)
            messages.success(request, _("Rencana aksi disetujui."))
        elif request.POST.get("keputusan") == "perbaikan":
            services.rencana_aksi_request_revision(
                user=request.user, rencana=rencana, comment=comment
            )
            messages.success(request, _("Rencana aksi dikembalikan untuk perbaikan."))
        else:
            messages.error(request, _("Pilih setujui atau perlu perbaikan."))
    except ValidationError as error:
        messages.error(request, _errors(error))
    return _redirect(rencana)


@login_required
@require_POST
def rencana_aksi_comment(request, pk: int):
    rencana, access = _page(request, pk)
    if access not in (Access.OWNER, Access.PIMPINAN):
        raise Http404
    form = KomentarForm(request.POST)
    if form.is_valid():
        try:
            services.komentar_add(
                user=request.user, rencana=rencana, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Komentar dikirim."))
        except ValidationError as error:
            messages.error(request, _errors(error))
    else:
        messages.error(request, _form_errors(form))
    return HttpResponseRedirect(reverse("pembinaan:rencana_aksi", args=[rencana.pk]) + "#dialog")


@login_required
@require_POST
def rencana_aksi_realisasi(request, pk: int):
    rencana = _owner_write(request, pk)
    form = RealisasiForm(request.POST)
    if form.is_valid():
        try:
            services.realisasi_update(
                user=request.user, rencana=rencana, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Realisasi disimpan."))
        except ValidationError as error:
            messages.error(request, _errors(error))
    else:
        messages.error(request, _form_errors(form))
    return _redirect(rencana)


@login_required
@require_POST
def bukti_add(request, pk: int):
    """A file (``file`` in the upload) or a link (``url``) as bukti dukung of the realisasi."""
    rencana = _owner_write(request, pk)
    try:
        if request.FILES.get("file"):
            file_form = BuktiFileForm(request.POST, request.FILES)
            if not file_form.is_valid():
                raise ValidationError(_form_errors(file_form))
            services.bukti_file_add(
                user=request.user,
                rencana=rencana,
                upload=file_form.cleaned_data["file"],
                title=file_form.cleaned_data["title"],
            )
        else:
            link_form = BuktiLinkForm(request.POST)
            if not link_form.is_valid():
                raise ValidationError(_form_errors(link_form))
            services.bukti_link_add(
                user=request.user,
                rencana=rencana,
                url=link_form.cleaned_data["url"],
                title=link_form.cleaned_data["title"],
            )
        messages.success(request, _("Bukti dukung ditambahkan."))
    except ValidationError as error:
        messages.error(request, _errors(error))
    return HttpResponseRedirect(reverse("pembinaan:rencana_aksi", args=[rencana.pk]) + "#bukti")


@login_required
@require_POST
def bukti_delete(request, pk: int):
    found = bukti_visible(request.user, pk, as_staff=_as_staff(request))
    if found is None or found[1] is not Access.OWNER:
        raise Http404
    bukti = found[0]
    rencana_id = bukti.rencana_aksi_id
    try:
        services.bukti_delete(user=request.user, bukti=bukti)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Bukti dukung dihapus."))
    return HttpResponseRedirect(reverse("pembinaan:rencana_aksi", args=[rencana_id]) + "#bukti")


@login_required
def bukti_file(request, pk: int):
    """A bukti file: to the pegawai, their pimpinan and the pengelola of their unit only,
    never by a public URL. Served as an attachment, never rendered in the page's origin."""
    found = bukti_visible(request.user, pk, as_staff=_as_staff(request))
    if found is None:
        raise Http404
    bukti = found[0]
    if bukti.kind != BuktiDukungKind.FILE or not bukti.file:
        raise Http404
    try:
        handle = bukti.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle, as_attachment=True, filename=f"bukti-dukung-{bukti.pk}.{bukti.file_kind or 'bin'}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
