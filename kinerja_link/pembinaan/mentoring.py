"""Coaches and mentors beyond the pimpinan (issue 16 §2): appointing them, the participant's
feedback on a session (Format B.1.8) and the coach's competency rating (Format B.1.9).

Who may appoint: the mentee's pimpinan, or a pengelola whose scope holds both people's
units. Who may rate: whoever held the session, while the participant is still within
their reach (team or an appointment in force), so an ended appointment ends it too.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from competencies.models import Competency

from ..models import Pegawai
from ..scope import scope_for
from ..selectors import team_of
from .models import (
    CoachAppointment,
    CompetencyRating,
    PembinaanSession,
    SessionEvaluation,
    SessionParticipant,
)
from .notifications import notify
from .team import active_appointments, session_reach

if TYPE_CHECKING:
    from accounts.models import User


def may_appoint(user: User, *, mentee: Pegawai, mentor: Pegawai | None = None) -> bool:
    """The mentee's pimpinan (any mentor), or a pengelola over both people's units."""
    if team_of(user).filter(pk=mentee.pk).exists():
        return True
    scope = scope_for(user)
    if scope is None or not scope.contains(mentee.unit.path):
        return False
    return mentor is None or scope.contains(mentor.unit.path)


def appointment_create(
    *,
    user: User,
    mentor: Pegawai,
    mentee: Pegawai,
    kind: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    note: str = "",
) -> CoachAppointment:
    if not may_appoint(user, mentee=mentee, mentor=mentor):
        raise PermissionDenied(_("Anda tidak berwenang menunjuk coach/mentor bagi pegawai ini."))
    errors: dict[str, str] = {}
    if mentor.pk == mentee.pk:
        errors["mentor"] = _("Coach/mentor harus pegawai lain.")
    if not mentor.is_active or not mentee.is_active:
        errors["mentor"] = _("Hanya pegawai aktif yang dapat ditunjuk.")
    if end_date is not None and end_date < start_date:
        errors["end_date"] = _("Tanggal berakhir tidak boleh sebelum tanggal mulai.")
    if active_appointments().filter(mentor=mentor, mentee=mentee).exists():
        errors["mentor"] = _("Penunjukan ini sudah berlaku.")
    if errors:
        raise ValidationError(errors)
    appointment = CoachAppointment(
        mentor=mentor,
        mentee=mentee,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        note=note.strip(),
        appointed_by=user,
    )
    appointment.full_clean()
    with transaction.atomic():
        appointment.save()
        log(
            instance=appointment,
            action="pembinaan.appointment.create",
            user=user,
            data={"mentor": mentor.pk, "mentee": mentee.pk, "kind": kind},
        )
        role = appointment.get_kind_display()
        notify(
            users=[mentor.user_id],
            key=f"penunjukan:{appointment.pk}",
            title=_("Anda ditunjuk sebagai %(role)s") % {"role": role},
            body=_("Anda ditunjuk sebagai %(role)s bagi %(name)s.")
            % {"role": role, "name": mentee.nama},
            url=reverse("pembinaan:mentee_saya"),
        )
    return appointment


def appointment_end(*, user: User, appointment: CoachAppointment) -> CoachAppointment:
    """End an appointment today: the mentor loses access to the mentee at once."""
    if not may_appoint(user, mentee=appointment.mentee):
        raise PermissionDenied
    today = timezone.localdate()
    appointment.is_active = False
    appointment.ended_by = user
    if appointment.end_date is None or appointment.end_date > today:
        appointment.end_date = max(today, appointment.start_date)
    with transaction.atomic():
        appointment.save(update_fields=["is_active", "ended_by", "end_date"])
        log(instance=appointment, action="pembinaan.appointment.end", user=user)
    return appointment


def _participant(session: PembinaanSession, user: User) -> Pegawai:
    pegawai = Pegawai.objects.filter(user=user).first()
    if (
        pegawai is None
        or not SessionParticipant.objects.filter(session=session, pegawai=pegawai).exists()
    ):
        raise PermissionDenied
    return pegawai


def session_evaluate(
    *,
    user: User,
    session: PembinaanSession,
    manfaat: int,
    kejelasan: int,
    rating: int,
    tindak_lanjut: str = "",
    saran: str = "",
) -> SessionEvaluation:
    """The participant's own feedback on a session (B.1.8); given once, then amendable."""
    pegawai = _participant(session, user)
    evaluation = SessionEvaluation.objects.filter(session=session, pegawai=pegawai).first()
    evaluation = evaluation or SessionEvaluation(session=session, pegawai=pegawai)
    evaluation.manfaat, evaluation.kejelasan, evaluation.rating = manfaat, kejelasan, rating
    evaluation.tindak_lanjut, evaluation.saran = tindak_lanjut.strip(), saran.strip()
    evaluation.full_clean()
    with transaction.atomic():
        created = evaluation.pk is None
        evaluation.save()
        log(instance=evaluation, action="pembinaan.session_evaluation.save", user=user)
        if created:
            notify(
                users=[session.held_by.user_id],
                key=f"evaluasi-sesi:{evaluation.pk}",
                title=_("Umpan balik atas sesi dari %(name)s") % {"name": pegawai.nama},
                url=reverse("pembinaan:session_detail", args=[session.pk]),
            )
    return evaluation


def competency_rate(
    *,
    user: User,
    session: PembinaanSession,
    pegawai: Pegawai,
    competency: Competency,
    level: int,
) -> CompetencyRating:
    """The holder's 1–5 rating of a competency developed in the session (B.1.9)."""
    if session.held_by.user_id != user.pk:
        raise PermissionDenied
    in_session = SessionParticipant.objects.filter(session=session, pegawai=pegawai).exists()
    if not in_session or not session_reach(user).filter(pk=pegawai.pk).exists():
        raise PermissionDenied(_("Pegawai ini bukan (lagi) peserta yang Anda bina."))
    if not competency.has_levels:
        raise ValidationError({"competency": _("Kompetensi ini tidak memiliki level 1–5.")})
    if not 1 <= level <= 5:
        raise ValidationError({"level": _("Level harus 1 sampai 5.")})
    rating, _created = CompetencyRating.objects.update_or_create(
        session=session,
        pegawai=pegawai,
        competency=competency,
        # The date of the coaching, which the level's source names.
        defaults={"level": level, "rated_by": session.held_by, "date": session.date},
    )
    log(
        instance=rating,
        action="pembinaan.competency_rating.save",
        user=user,
        data={"pegawai": pegawai.pk, "competency": competency.pk, "level": level},
    )
    return rating
