"""Reads for the session, feedback and notification pages, in a fixed number of queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet

from ..models import Pegawai
from .models import Feedback, PembinaanSession, SessionParticipant

if TYPE_CHECKING:
    from accounts.models import User


def _sessions() -> QuerySet[PembinaanSession]:
    participants = Pegawai.objects.select_related("user").order_by("user__display_name", "pk")
    return PembinaanSession.objects.select_related(
        "held_by__user", "nilai", "rhk", "evaluasi__periode"
    ).prefetch_related(Prefetch("participants", queryset=participants))


def sessions_held_by(pimpinan: Pegawai) -> QuerySet[PembinaanSession]:
    return _sessions().filter(held_by=pimpinan)


def sessions_attended_by(pegawai: Pegawai) -> QuerySet[PembinaanSession]:
    return _sessions().filter(participants=pegawai)


def sessions_visible_to(user: User) -> QuerySet[PembinaanSession]:
    """Sessions ``user`` held or took part in; everyone else's are not there (404)."""
    if not user.is_authenticated:
        return PembinaanSession.objects.none()
    return _sessions().filter(
        Q(held_by__user=user)
        | Q(pk__in=SessionParticipant.objects.filter(pegawai__user=user).values("session_id"))
    )


def _feedback() -> QuerySet[Feedback]:
    return Feedback.objects.select_related(
        "pegawai__user", "given_by__user", "nilai", "rhk"
    ).order_by("-date", "-pk")


def feedback_received(pegawai: Pegawai) -> QuerySet[Feedback]:
    return _feedback().filter(pegawai=pegawai)


def feedback_given(pegawai: Pegawai) -> QuerySet[Feedback]:
    return _feedback().filter(given_by=pegawai)


def feedback_visible_to(user: User) -> QuerySet[Feedback]:
    """Feedback ``user`` gave or received; nobody else's (404)."""
    if not user.is_authenticated:
        return Feedback.objects.none()
    return _feedback().filter(Q(pegawai__user=user) | Q(given_by__user=user))
