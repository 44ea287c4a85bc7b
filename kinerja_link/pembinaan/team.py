"""Who is a pimpinan, and which of the ids a request names are in their own team.

Every pembinaan write that names pegawai (sessions, feedback) goes through
``team_members``: one id outside the team rejects the whole request, and the attempt is
written to the audit log so a pengelola can see someone probing other teams.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from ..models import Pegawai
from ..selectors import team_for


def pimpinan_of(user) -> Pegawai | None:
    if not user.is_authenticated:
        return None
    return Pegawai.objects.filter(user=user).select_related("unit").first()


def team_of(user) -> QuerySet[Pegawai]:
    """The user's own team as pimpinan (DESIGN §7); empty for everyone else."""
    me = pimpinan_of(user)
    return team_for(me) if me else Pegawai.objects.none()


def pimpinan_for(user) -> Pegawai:
    """The user's Pegawai record when they have a team; PermissionDenied otherwise."""
    if not user.is_authenticated:
        raise PermissionDenied
    pimpinan = Pegawai.objects.filter(user=user, is_active=True).select_related("unit").first()
    if pimpinan is None or not team_for(pimpinan).exists():
        raise PermissionDenied(_("Hanya pimpinan yang memiliki tim yang dapat mencatat ini."))
    return pimpinan


def team_members(*, user, pimpinan: Pegawai, ids: Iterable[int], action: str) -> list[Pegawai]:
    """The pegawai with ``ids``, all of them in ``pimpinan``'s team, or PermissionDenied."""
    wanted = {int(pk) for pk in ids}
    if not wanted:
        raise ValidationError({"participants": _("Pilih sedikitnya satu pegawai.")})
    members = list(team_for(pimpinan).filter(pk__in=wanted).select_related("user"))
    foreign = sorted(wanted - {m.pk for m in members})
    if foreign:
        log(
            instance=pimpinan,
            action="kinerja_link.team.rejected",
            user=user,
            data={"action": action, "foreign_ids": foreign},
        )
        raise PermissionDenied(_("Sebagian pegawai yang dipilih bukan anggota tim Anda."))
    return sorted(members, key=lambda m: m.pk)
