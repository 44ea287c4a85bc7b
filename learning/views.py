"""Thin views: each checks who is asking, calls a selector or a service, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import role_required, second_factor_pending, verification_redirect
from accounts.nip import mask_nip
from accounts.roles import Role, has_role
from learning import selectors, services
from learning.completion import next_step
from learning.dashboard import render_slot
from learning.forms import ExternalRecordForm, ReasonForm
from learning.models import Certificate, CoursePage, Enrolment, LearningRecord, LessonPage


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _add_service_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def lesson_gate(request, lesson: LessonPage):
    """Who may read a lesson: the enrolled, once it is unlocked. Editors preview freely."""
    if getattr(request, "is_preview", False):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = lesson.course
    enrolment = Enrolment.objects.filter(user=request.user, course=course).select_related("course")
    enrolment = enrolment.first()
    if enrolment is None:
        messages.info(request, _("Daftar ke kursus ini untuk membuka pelajarannya."))
        return HttpResponseRedirect(course.url)
    if not services.lesson_is_unlocked(enrolment=enrolment, lesson=lesson):
        messages.warning(request, _("Selesaikan pelajaran sebelumnya terlebih dahulu."))
        return HttpResponseRedirect(course.url)
    return None


@login_required
@require_POST
def enrol(request, course: CoursePage):
    try:
        services.enrolment_create(user=request.user, course=course)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return HttpResponseRedirect(course.url)
    messages.success(request, _("Anda terdaftar di kursus ini. Selamat belajar!"))
    first = course.lessons().first()
    return HttpResponseRedirect(first.url if first else course.url)


@login_required
@require_POST
def lesson_mark_done(request, lesson: LessonPage):
    try:
        enrolment = services.lesson_complete(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return HttpResponseRedirect(lesson.course.url)
    if enrolment.is_completed:
        messages.success(request, _("Selamat, kursus ini selesai! JP sudah tercatat."))
        return HttpResponseRedirect(enrolment.course.url)
    following = enrolment.course.lessons().filter(path__gt=lesson.path).first()
    if following:
        return HttpResponseRedirect(following.url)
    step = next_step(enrolment)
    if step:
        # Every lesson done, the course not yet: say what is left (the quiz) on the course page.
        messages.info(
            request,
            _("Semua pelajaran selesai. Langkah berikutnya: %(step)s.") % {"step": step.label},
        )
    return HttpResponseRedirect(enrolment.course.url)


@login_required
def belajar_saya(request):
    context = selectors.dashboard(user=request.user)
    context["assignment_panels"] = render_slot("assignments", request=request)
    context["extra_panels"] = render_slot("extra", request=request)
    context["is_pengelola"] = has_role(request.user, Role.PENGELOLA)
    return render(request, "learning/belajar_saya.html", context)


@login_required
def external_record_create(request):
    form = ExternalRecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.learning_record_create_external(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request, _("Catatan pelatihan tersimpan dan menunggu verifikasi pengelola.")
            )
            return redirect("learning:belajar_saya")
    return render(request, "learning/external_record_form.html", {"form": form})


def _file_response(field, filename: str) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=False, filename=filename)


@login_required
def record_proof(request, pk: int):
    """The uploaded proof: its owner and pengelola only; anyone else gets the same 404.
    A pengelola sees others' proofs once their second factor is verified."""
    records = LearningRecord.objects.filter(user=request.user)
    if has_role(request.user, Role.PENGELOLA):
        if second_factor_pending(request) and not records.filter(pk=pk).exists():
            return verification_redirect(request)
        records = records | selectors.records_managed_by(request.user)
    record = get_object_or_404(records, pk=pk)
    suffix = record.proof.name.rsplit(".", 1)[-1] if record.proof else "bin"
    return _file_response(record.proof, f"bukti-{record.pk}.{suffix}")


@login_required
def certificate_download(request, uuid):
    certificate = get_object_or_404(Certificate, uuid=uuid, user=request.user)
    if not certificate.pdf:
        # The task has not run yet (or the broker is down): render now, once.
        certificate = services.certificate_render(certificate_id=certificate.pk)
    return _file_response(certificate.pdf, f"sertifikat-{certificate.uuid}.pdf")


def certificate_verify(request, uuid):
    """Public: anyone holding the QR may check a certificate; the NIP stays masked."""
    certificate = get_object_or_404(Certificate, uuid=uuid)
    can_revoke = certificate.is_valid and services.may_revoke_certificate(request.user, certificate)
    if can_revoke and second_factor_pending(request):
        can_revoke = False  # revoking is a staff power: the form waits for the code
        if request.method == "POST":
            return verification_redirect(request)
    form = ReasonForm(request.POST or None) if can_revoke else None
    if request.method == "POST":
        if not can_revoke:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.certificate_revoke(
                    certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("Sertifikat dicabut."))
            return redirect(certificate.get_absolute_url())
    context = {
        "certificate": certificate,
        "masked_nip": mask_nip(certificate.holder_nip) if certificate.holder_nip else "",
        "form": form,
    }
    return render(request, "learning/certificate_verify.html", context)


@role_required(Role.PENGELOLA)
def verification_list(request):
    records = selectors.pending_records(pengelola=request.user)
    return render(request, "learning/verification_list.html", {"records": records})


@role_required(Role.PENGELOLA)
@require_POST
def verification_decide(request, pk: int):
    record = get_object_or_404(selectors.records_managed_by(request.user), pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.learning_record_verify(
            record=record,
            by=request.user,
            approve=request.POST.get("decision") == "verify",
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    except PermissionDenied as denied:
        raise Http404 from denied
    else:
        messages.success(request, _("Keputusan verifikasi tersimpan."))
    return redirect("learning:verification_list")
