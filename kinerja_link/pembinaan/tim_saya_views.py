"""The Tim Saya page: the pimpinan's team, its recommendations and assignments.

Who may see what: only the user's own team (``team_of``). A user without a team gets 403;
a recommendation or assignment of someone outside it is the same 404 as a missing id, and
so is a bulk assignment naming a foreign or unknown pegawai (after the service audited it).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..selectors import team_of
from . import assignments as services
from .models import Assignment, AssignmentStatus, Recommendation, RecommendationStatus
from .team import OutsideTeamError
from .tim_saya import live_courses, tim_saya_page
from .tim_saya_forms import AcceptForm, BulkAssignForm, CancelForm, DismissForm

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
def index(request):
    context = tim_saya_page(user=request.user, params=request.GET)
    if context is None:
        # A pegawai who rates nobody has no team page (DESIGN §7).
        raise PermissionDenied
    context["assign_form"] = BulkAssignForm()
    context["course_choices"] = live_courses().values_list("pk", "title")
    context["kept"] = {k: getattr(context["filters"], k) for k in KEPT_PARAMS}
    kept = urlencode({k: v for k, v in context["kept"].items() if v})
    context["kept_query"] = f"{kept}&" if kept else ""
    return render(request, "kinerja_link/tim_saya.html", context)


@login_required
@require_POST
def assign(request):
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


def _recommendation(request, pk: int) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.filter(
            pegawai__in=team_of(request.user), status=RecommendationStatus.OPEN
        ).select_related("course", "rule"),
        pk=pk,
    )


@login_required
@require_POST
def recommendation_accept(request, pk: int):
    recommendation = _recommendation(request, pk)
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
            % {"date": assignment.due_date.strftime("%d-%m-%Y")},
        )
    else:
        messages.success(
            request, _("Rekomendasi diterima. Catat sesinya setelah pembinaan dilaksanakan.")
        )
    return _back(request)


@login_required
@require_POST
def recommendation_dismiss(request, pk: int):
    recommendation = _recommendation(request, pk)
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
def assignment_cancel(request, pk: int):
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
