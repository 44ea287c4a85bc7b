"""Pages for sessions, feedback and notifications. Each checks who is asking: pimpinan
pages need a team (403 otherwise), and an object of someone else is the same 404 as a
missing one."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..models import Pegawai
from ..selectors import team_for, team_of
from . import assignments as services
from . import selectors
from .evidence import evidence_link_rhk
from .feedback import feedback_give
from .forms import (
    AcceptForm,
    BulkAssignForm,
    CancelForm,
    DismissForm,
    EvidenceRhkForm,
    FeedbackForm,
    NotificationSettingsForm,
    SessionForm,
)
from .mentoring_views import session_detail_context
from .models import (
    Assignment,
    AssignmentStatus,
    Notification,
    Recommendation,
    RecommendationStatus,
    SessionEvaluation,
    SkpEvidence,
)
from .notifications import (
    notification_mark_read,
    notifications_for,
    notifications_mark_all_read,
    reminder_email_preference_set,
)
from .selectors import live_courses, tim_saya_page
from .sessions import session_record
from .team import (
    OutsideTeamError,
    mentees_of,
    pimpinan_for,
    session_holder_for,
    session_reach,
)
from .tim_rows import TimRows, course_options

PAGE_SIZE = 30
SESSION_FIELDS = (
    "kind",
    "date",
    "topics",
    "agreed_actions",
    "follow_up_date",
    "duration_minutes",
    "evaluasi",
    "rhk",
    "nilai",
    "recommendation",
)


def _add_service_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _team_member(pimpinan: Pegawai, pk: str | None) -> Pegawai | None:
    """A ``?pegawai=`` preselection: a member of the team, or a 404."""
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(team_for(pimpinan).select_related("user"), pk=pk)


def _recommendation(pimpinan: Pegawai, pk: str | None) -> Recommendation | None:
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(
        Recommendation.objects.select_related("pegawai__user", "evaluasi"),
        pk=pk,
        pegawai__in=team_for(pimpinan),
        course__isnull=True,
        status=RecommendationStatus.OPEN,
    )


def _reachable(user, pk: str | None) -> Pegawai | None:
    """A ``?pegawai=`` preselection: a team member or current mentee, or a 404."""
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(session_reach(user).select_related("user"), pk=pk)


@login_required
def session_create(request):
    pimpinan = session_holder_for(request.user)
    recommendation = _recommendation(pimpinan, request.GET.get("rekomendasi"))
    preselect = recommendation.pegawai if recommendation else None
    preselect = _reachable(request.user, request.GET.get("pegawai")) or preselect
    initial = {"date": timezone.localdate(), "duration_minutes": 60}
    if preselect:
        initial["participants"] = [preselect.pk]
    if recommendation:
        initial.update(
            kind=recommendation.session_kind,
            recommendation=recommendation.pk,
            evaluasi=recommendation.evaluasi_id,
        )
    form = SessionForm(
        request.POST or None,
        initial=initial,
        pimpinan=pimpinan,
        preselect=preselect,
        reach=session_reach(request.user),
    )
    if request.method == "POST" and form.is_valid():
        session = _session_record(request, form)
        if session is not None:
            messages.success(
                request, _("Sesi %(kind)s tercatat.") % {"kind": session.get_kind_display().lower()}
            )
            return redirect("pembinaan:session_list")
    return render(
        request,
        "kinerja_link/pembinaan/session_form.html",
        {"form": form, "recommendation": recommendation, "preselect": preselect},
    )


def _session_record(request, form: SessionForm):
    """The session, or None with the service's errors on the form."""
    data = form.cleaned_data
    try:
        return session_record(
            user=request.user,
            participant_ids=[p.pk for p in data["participants"]],
            # A mentor's form has no "evaluasi" field (they see no evaluations).
            **{name: data.get(name) for name in SESSION_FIELDS},  # type: ignore[arg-type]
        )
    except ValidationError as error:
        _add_service_errors(form, error)
        return None


@login_required
def session_list(request):
    pimpinan = session_holder_for(request.user)
    page = Paginator(selectors.sessions_held_by(pimpinan), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    return render(request, "kinerja_link/pembinaan/session_list.html", {"page": page})


@login_required
def session_detail(request, pk: int):
    session = get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)
    context = {"session": session, **session_detail_context(request, session)}
    return render(request, "kinerja_link/pembinaan/session_detail.html", context)


@login_required
def feedback_create(request):
    pimpinan = pimpinan_for(request.user)
    pegawai = _team_member(pimpinan, request.GET.get("pegawai"))
    if pegawai is None:
        raise Http404
    form = FeedbackForm(
        request.POST or None, initial={"date": timezone.localdate()}, pegawai=pegawai
    )
    if request.method == "POST" and form.is_valid():
        try:
            feedback_give(user=request.user, pegawai=pegawai, **form.cleaned_data)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request, _("Umpan balik untuk %(name)s tersimpan.") % {"name": pegawai.nama}
            )
            return redirect("pembinaan:umpan_balik")
    return render(
        request, "kinerja_link/pembinaan/feedback_form.html", {"form": form, "pegawai": pegawai}
    )


@login_required
def umpan_balik(request):
    """The pegawai's feedback and sessions; a pimpinan also sees what they gave."""
    me = Pegawai.objects.filter(user=request.user).first()
    context = {"me": me}
    if me is not None:
        context.update(
            received=list(selectors.feedback_received(me)[:100]),
            attended=selectors.with_my_ratings(list(selectors.sessions_attended_by(me)[:50]), me),
            given=list(selectors.feedback_given(me)[:100]),
            evaluated=set(
                SessionEvaluation.objects.filter(pegawai=me).values_list("session_id", flat=True)
            ),
            has_mentees=mentees_of(request.user).exists(),
        )
    return render(request, "kinerja_link/pembinaan/umpan_balik.html", context)


@login_required
def feedback_detail(request, pk: int):
    feedback = get_object_or_404(selectors.feedback_visible_to(request.user), pk=pk)
    return render(request, "kinerja_link/pembinaan/feedback_detail.html", {"feedback": feedback})


@login_required
def notification_list(request):
    page = Paginator(notifications_for(request.user), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    return render(request, "kinerja_link/pembinaan/notifications.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark read, then go where the notification points (a path on this site only)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    notification_mark_read(user=request.user, notification=notification)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("pembinaan:notifications")


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(user=request.user)
    messages.success(request, _("Semua notifikasi ditandai sudah dibaca."))
    return redirect("pembinaan:notifications")


@login_required
def notification_settings(request):
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None,  # an unticked box posts nothing
        initial={"reminder_email_opt_out": request.user.reminder_email_opt_out},
    )
    if request.method == "POST" and form.is_valid():
        reminder_email_preference_set(
            user=request.user, opt_out=form.cleaned_data["reminder_email_opt_out"]
        )
        messages.success(request, _("Pengaturan notifikasi tersimpan."))
        return redirect("pembinaan:notification_settings")
    return render(request, "kinerja_link/pembinaan/notification_settings.html", {"form": form})


@login_required
@require_POST
def evidence_rhk(request, pk: int):
    """The pegawai links one piece of their own evidence to one RHK of its SKP.
    Someone else's evidence is the same 404 as a missing id."""
    evidence = get_object_or_404(
        SkpEvidence.objects.select_related("skp__pegawai"), pk=pk, skp__pegawai__user=request.user
    )
    form = EvidenceRhkForm(request.POST, evidence=evidence)
    if form.is_valid():
        evidence_link_rhk(user=request.user, evidence=evidence, rhk=form.cleaned_data["rhk"])
        messages.success(request, _("Bukti dukung “%s” disimpan.") % evidence.title)
    else:
        messages.error(request, " ".join(str(error) for error in form.errors.get("rhk", [])))
    if request.POST.get("dari") == "skp":
        return redirect(reverse("kinerja:skp", args=[evidence.skp_id]) + "#rencana-aksi")
    return redirect(reverse("kinerja:saya") + "#bukti")


KEPT_PARAMS = ("periode", "unit", "predikat")


def _back(request) -> HttpResponseRedirect:
    """Back to the page with the filters the form came from (POST-redirect-GET)."""
    params = {k: request.POST[k] for k in KEPT_PARAMS if request.POST.get(k, "")[:12]}
    url = reverse("tim_saya:index")
    return HttpResponseRedirect(f"{url}?{urlencode(params)}" if params else url)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _require_team(request) -> None:
    if not team_of(request.user).exists():
        raise PermissionDenied


@login_required
def tim_saya(request):
    context = tim_saya_page(user=request.user, params=request.GET)
    if context is None:
        # A pegawai who rates nobody has no team page (DESIGN §7).
        raise PermissionDenied
    context["assign_form"] = BulkAssignForm()
    context["course_options"] = course_options(live_courses().values_list("pk", "title"))
    context["kept"] = {k: getattr(context["filters"], k) for k in KEPT_PARAMS}
    kept = urlencode({k: v for k, v in context["kept"].items() if v})
    context["kept_query"] = f"{kept}&" if kept else ""
    rows = TimRows(request, kept=context["kept"], jp_target=context["jp_target"])
    context["member_rows"] = rows.members(context["members"])
    context["recommendation_rows"] = rows.recommendations(context["recommendations"])
    context["assignment_rows"] = rows.assignments(context["assignments"])
    return render(request, "kinerja_link/tim_saya.html", context)


@login_required
@require_POST
def tim_saya_assign(request):
    _require_team(request)
    form = BulkAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(request)
    data = form.cleaned_data
    try:
        result = services.assignments_bulk_create(
            user=request.user,
            pegawai_ids=data["pegawai"],
            course=data["course"],
            due_date=data["due_date"],
            note=data["note"],
        )
    except OutsideTeamError:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, _errors(error))
        return _back(request)
    _report(request, result, data["course"])
    return _back(request)


def _report(request, result, course) -> None:
    if result.created:
        messages.success(
            request,
            ngettext(
                "Kursus “%(course)s” ditugaskan kepada %(count)d pegawai.",
                "Kursus “%(course)s” ditugaskan kepada %(count)d pegawai.",
                len(result.created),
            )
            % {"course": course.title, "count": len(result.created)},
        )
    if result.already_open:
        messages.info(
            request,
            _("%(count)d pegawai sudah memiliki penugasan kursus ini yang masih berjalan.")
            % {"count": len(result.already_open)},
        )
    if result.already_completed:
        messages.info(
            request,
            _("%(count)d pegawai sudah menyelesaikan kursus ini; tidak ditugaskan lagi.")
            % {"count": len(result.already_completed)},
        )


def _team_recommendation(request, pk: int) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.filter(
            pegawai__in=team_of(request.user), status=RecommendationStatus.OPEN
        ).select_related("course", "rule"),
        pk=pk,
    )


@login_required
@require_POST
def tim_saya_recommendation_accept(request, pk: int):
    recommendation = _team_recommendation(request, pk)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(request)
    try:
        assignment = services.recommendation_accept(
            user=request.user,
            recommendation=recommendation,
            due_date=form.cleaned_data["due_date"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return _back(request)
    if assignment is not None:
        messages.success(
            request,
            _("Rekomendasi diterima: kursus ditugaskan dengan tenggat %(date)s.")
            % {"date": date_format(assignment.due_date, "j F Y")},
        )
    else:
        messages.success(
            request, _("Rekomendasi diterima. Catat sesinya setelah pembinaan dilaksanakan.")
        )
    return _back(request)


@login_required
@require_POST
def tim_saya_recommendation_dismiss(request, pk: int):
    recommendation = _team_recommendation(request, pk)
    form = DismissForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(request)
    try:
        services.recommendation_dismiss(
            user=request.user, recommendation=recommendation, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return _back(request)
    messages.success(request, _("Rekomendasi diabaikan."))
    return _back(request)


@login_required
@require_POST
def tim_saya_assignment_cancel(request, pk: int):
    assignment = get_object_or_404(
        Assignment.objects.filter(
            pegawai__in=team_of(request.user),
            status__in=AssignmentStatus.open_values(),
        ),
        pk=pk,
    )
    form = CancelForm(request.POST)
    form.is_valid()
    try:
        services.assignment_cancel(
            user=request.user, assignment=assignment, reason=form.cleaned_data.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return _back(request)
    messages.success(request, _("Penugasan dibatalkan."))
    return _back(request)
