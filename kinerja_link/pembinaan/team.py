"""Who may write pembinaan for whom: the user's own team, and one rule for refusing ids
outside it.

Every pembinaan write that names pegawai (assignments, sessions, feedback) goes through
``team_members``: one id outside the team rejects the whole request, and the attempt is
written to the audit log (``REJECTED_ACTION``) so a pengelola can see someone probing
other teams.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.log_actions import log

from ..models import Pegawai
from ..selectors import pimpinan_of, team_for, team_of
from .models import CoachAppointment

if TYPE_CHECKING:
    from accounts.models import User

REJECTED_ACTION = "kinerja_link.team.rejected"
# Written by assignments before there was one rule; kept registered so old rows still read.
LEGACY_REJECTED_ACTION = "kinerja_link.assignment.reject"


class OutsideTeamError(PermissionDenied):
    """Some pegawai ids are not (or no longer) in the user's team: nothing was done."""

    def __init__(self, ids: Iterable[int]):
        self.ids = sorted(ids)
        super().__init__(
            ngettext(
                "Ditolak: %(count)d pegawai yang dipilih bukan anggota tim Anda. "
                "Tidak ada yang disimpan.",
                "Ditolak: %(count)d pegawai yang dipilih bukan anggota tim Anda. "
                "Tidak ada yang disimpan.",
                len(self.ids),
            )
            % {"count": len(self.ids)}
        )


def pimpinan_for(user: User) -> Pegawai:
    """The user's active Pegawai record when they have a team; PermissionDenied otherwise."""
    pimpinan = pimpinan_of(user)
    if pimpinan is None or not team_for(pimpinan).exists():
        raise PermissionDenied(_("Hanya pimpinan yang memiliki tim yang dapat mencatat ini."))
    return pimpinan


def active_appointments() -> QuerySet[CoachAppointment]:
    """Appointments in force today: active, started, not yet ended."""
    today = timezone.localdate()
    return CoachAppointment.objects.filter(
        is_active=True, start_date__lte=today, mentee__is_active=True
    ).exclude(end_date__lt=today)


def mentees_of(user: User) -> QuerySet[Pegawai]:
    """The pegawai ``user`` is an appointed coach or mentor of today; empty for others."""
    if not user.is_authenticated:
        return Pegawai.objects.none()
    ids = active_appointments().filter(mentor__user=user, mentor__is_active=True)
    return Pegawai.objects.filter(pk__in=ids.values("mentee_id"))


def session_holder_for(user: User) -> Pegawai:
    """Whoever may hold sessions: a pimpinan with a team or an appointed coach/mentor."""
    me = pimpinan_of(user)
    if me is None or not (team_for(me).exists() or mentees_of(user).exists()):
        raise PermissionDenied(
            _("Hanya pimpinan atau coach/mentor yang ditunjuk yang dapat mencatat sesi.")
        )
    return me


def team_members(
    *,
    user: User,
    ids: Iterable[int],
    action: str,
    among: QuerySet[Pegawai] | None = None,
    **audited: Any,
) -> list[Pegawai]:
    """The pegawai with ``ids``, all of them in the user's team (or ``among``, e.g. the team
    and the user's mentees), or ``OutsideTeamError``.

    The refusal is audited outside any transaction of the caller's, so it stays on record;
    ``audited`` adds what the request was about (e.g. the course).
    """
    wanted = {int(pk) for pk in ids}
    if not wanted:
        raise ValidationError({"participants": _("Pilih sedikitnya satu pegawai.")})
    reach = team_of(user) if among is None else among
    members = list(reach.filter(pk__in=wanted).select_related("user"))
    foreign = sorted(wanted - {m.pk for m in members})
    if foreign:
        log(
            instance=pimpinan_of(user) or user,
            action=REJECTED_ACTION,
            user=user,
            data={
                "action": action,
                "requested_ids": sorted(wanted),
                "foreign_ids": foreign,
                **audited,
            },
        )
        raise OutsideTeamError(foreign)
    return sorted(members, key=lambda m: m.pk)


def session_reach(user: User) -> QuerySet[Pegawai]:
    """Whom ``user`` may hold sessions with: their team and their current mentees."""
    return Pegawai.objects.filter(
        Q(pk__in=team_of(user).values("pk")) | Q(pk__in=mentees_of(user).values("pk"))
    )
