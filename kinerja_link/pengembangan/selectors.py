"""Who sees which IDP: the pegawai their own, the pimpinan their team's, the pengelola
those of the units they manage (``kinerja_link.scope``). Anything else is a 404."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from ..scope import scope_for
from ..selectors import team_of
from .models import RencanaPengembangan

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def idps_visible_to(user: User | AnonymousUser) -> QuerySet[RencanaPengembangan]:
    if not user.is_authenticated:
        return RencanaPengembangan.objects.none()
    condition = Q(pegawai__user=user) | Q(pegawai__in=team_of(user))
    scope = scope_for(user)
    if scope is not None:
        condition |= scope.q("pegawai__unit__path")
    return RencanaPengembangan.objects.filter(condition).select_related(
        "pegawai__user", "pegawai__unit", "pegawai__pejabat_penilai__user", "decided_by"
    )


def idp_with_items(queryset: QuerySet[RencanaPengembangan], pk: int) -> RencanaPengembangan:
    return queryset.prefetch_related("items__competency", "items__course").get(pk=pk)


def team_idps(user: User, tahun: int) -> QuerySet[RencanaPengembangan]:
    return (
        RencanaPengembangan.objects.filter(pegawai__in=team_of(user), tahun=tahun)
        .select_related("pegawai__user")
        .order_by("status", "pegawai__user__display_name")
    )


def unit_idps(user: User, tahun: int) -> QuerySet[RencanaPengembangan]:
    scope = scope_for(user)
    if scope is None:
        return RencanaPengembangan.objects.none()
    return (
        scope.filter(RencanaPengembangan.objects.filter(tahun=tahun), "pegawai__unit__path")
        .select_related("pegawai__user", "pegawai__unit")
        .order_by("pegawai__unit__path", "pegawai__user__display_name")
    )
