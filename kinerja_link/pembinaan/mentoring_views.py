"""Pages for coaches and mentors (issue 16 §2): appointing them (pimpinan, pengelola),
"Mentee Saya" for the appointed person, and the session's B.1.8 feedback and B.1.9
rating. Someone else's object is the same 404 as a missing one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import Pegawai
from ..scope import scope_for
from ..selectors import pimpinan_of, team_of
from . import selectors
from .follow_ups import overdue_follow_ups
from .forms import AppointmentForm, CompetencyRatingForm, SessionEvaluationForm
from .mentoring import appointment_create, appointment_end, competency_rate, session_evaluate
from .models import CoachAppointment, PembinaanSession, SessionEvaluation
from .team import active_appointments, mentees_of, session_reach


def _appointable(user) -> tuple:
    """(mentees, mentors) the user may choose from; PermissionDenied for everyone else.

    A pimpinan: their team as mentees, any active pegawai of their unit subtree or team as
    mentors. A pengelola: active pegawai of their scope for both."""
    active = Pegawai.objects.active()
    mentees = Q(pk__in=team_of(user).values("pk"))
    mentors = Q(pk__in=team_of(user).values("pk"))
    me = pimpinan_of(user)
    if me is not None:
        mentors |= Q(unit__path__startswith=me.unit.path)
    scope = scope_for(user)
    if scope is not None:
        mentees |= scope.q("unit__path")
        mentors |= scope.q("unit__path")
    elif not team_of(user).exists():
        raise PermissionDenied
    return active.filter(mentees), active.filter(mentors)


def _add_errors(form, error: ValidationError) -> None:
    for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def appointment_list(request):
    mentees, mentors = _appointable(request.user)
    initial = {"start_date": timezone.localdate(), "kind": "mentor"}
    initial.update({k: request.GET[k] for k in ("mentor", "mentee") if request.GET.get(k)})
    form = AppointmentForm(request.POST or None, initial=initial, mentees=mentees, mentors=mentors)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = appointment_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(mentor)s ditunjuk sebagai %(role)s bagi %(mentee)s.")
                % {
                    "mentor": appointment.mentor.nama,
                    "role": appointment.get_kind_display().lower(),
                    "mentee": appointment.mentee.nama,
                },
            )
            return redirect("pembinaan:appointment_list")
    appointments = (
        CoachAppointment.objects.filter(mentee__in=mentees)
        .select_related("mentor__user", "mentee__user")
        .order_by("-is_active", "-start_date", "-pk")[:200]
    )
    return render(
        request,
        "kinerja_link/pembinaan/appointment_list.html",
        {"form": form, "appointments": appointments, "today": timezone.localdate()},
    )


@login_required
@require_POST
def appointment_end_view(request, pk: int):
    mentees, _mentors = _appointable(request.user)
    appointment = get_object_or_404(
        CoachAppointment.objects.select_related("mentee__unit", "mentor__user"),
        pk=pk,
        mentee__in=mentees,
    )
    appointment_end(user=request.user, appointment=appointment)
    messages.success(request, _("Penunjukan diakhiri."))
    return redirect("pembinaan:appointment_list")


@login_required
def mentee_saya(request):
    """The appointed coach/mentor's mentees, phone first: role, period, overdue follow-ups
    and the sessions they held with each. Without an appointment in force: 403."""
    me = pimpinan_of(request.user)
    appointments = list(
        active_appointments()
        .filter(mentor__user=request.user, mentor__is_active=True)
        .select_related("mentee__user", "mentee__unit")
        .order_by("mentee__user__display_name", "pk")
    )
    if me is None or not appointments:
        raise PermissionDenied
    today = timezone.localdate()
    ids = [a.mentee_id for a in appointments]
    overdue = overdue_follow_ups(ids, today=today, held_by_id=me.pk)
    sessions: dict[int, list[PembinaanSession]] = {}
    for session in selectors.sessions_held_by(me).filter(participants__in=ids).distinct()[:200]:
        for participant in session.participants.all():
            sessions.setdefault(participant.pk, []).append(session)
    rows = [
        {
            "appointment": a,
            "sessions": sessions.get(a.mentee_id, [])[:5],
            "overdue": overdue.get(a.mentee_id, []),
        }
        for a in appointments
    ]
    return render(request, "kinerja_link/pembinaan/mentee_saya.html", {"rows": rows})


def _session(request, pk: int) -> PembinaanSession:
    return get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)


@login_required
def session_evaluate_view(request, pk: int):
    """The participant's B.1.8 form; the holder and anyone else get 404."""
    session = _session(request, pk)
    me = Pegawai.objects.filter(user=request.user).first()
    if me is None or me not in session.participants.all():
        raise PermissionDenied
    existing = SessionEvaluation.objects.filter(session=session, pegawai=me).first()
    initial = (
        {
            name: getattr(existing, name)
            for name in ("manfaat", "kejelasan", "tindak_lanjut", "saran", "rating")
        }
        if existing
        else {"tindak_lanjut": session.agreed_actions}
    )
    form = SessionEvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session_evaluate(user=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Terima kasih, umpan balik Anda atas sesi ini tersimpan."))
            return redirect("pembinaan:session_detail", pk=session.pk)
    return render(
        request,
        "kinerja_link/pembinaan/session_evaluate.html",
        {"form": form, "session": session},
    )


@login_required
@require_POST
def competency_rate_view(request, pk: int):
    """The holder's B.1.9 rating, posted from the session page."""
    session = _session(request, pk)
    if session.held_by.user_id != request.user.pk:
        raise PermissionDenied
    form = CompetencyRatingForm(
        request.POST,
        participants=session_reach(request.user).filter(pk__in=session.participants.all()),
    )
    if form.is_valid():
        try:
            competency_rate(user=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Penilaian kompetensi tersimpan."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("pembinaan:session_detail", pk=session.pk)


def session_detail_context(request, session: PembinaanSession) -> dict:
    """What the session page adds: B.1.8 feedback and B.1.9 ratings (all of them for the
    holder, their own for a participant) and the forms each side may use."""
    me = Pegawai.objects.filter(user=request.user).first()
    is_holder = me is not None and session.held_by_id == me.pk
    evaluations = session.evaluations.select_related("pegawai__user")
    ratings = session.competency_ratings.select_related("pegawai__user", "competency")
    if not is_holder:
        evaluations = evaluations.filter(pegawai=me)
        ratings = ratings.filter(pegawai=me)
    context = {
        "is_holder": is_holder,
        "is_participant": me is not None and me in session.participants.all(),
        "evaluations": list(evaluations),
        "ratings": list(ratings),
    }
    if is_holder:
        reach = list(
            session_reach(request.user)
            .filter(pk__in=session.participants.all())
            .select_related("user")
        )
        # One participant (the usual mentoring session) is chosen already.
        initial = {"pegawai": reach[0].pk} if len(reach) == 1 else {}
        rating_form = CompetencyRatingForm(
            participants=Pegawai.objects.filter(pk__in=[p.pk for p in reach]).select_related(
                "user"
            ),
            initial=initial,
        )
        context["rating_form"] = rating_form if reach else None
    context["mentees"] = mentees_of(request.user).exists()
    return context
