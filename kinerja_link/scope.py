"""Whom a Pengelola Kepegawaian manages: the one rule, asked by every screen, import,
export, chooser, the API and learning's JP verification (through ``bina_pengelola_scope``).

A pengelola's reach is data: the unit subtrees listed for them in ``PengelolaScope``
(edited by a superuser under Kinerja → Cakupan pengelola, audited). Without rows the
default applies: a pengelola sitting in the instansi's kepegawaian unit (``UnitKerja.
is_kepegawaian``, on the unit or an ancestor) serves the whole instansi; anyone else their
own unit subtree. Superusers reach everything. See docs/integration-kinerja.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model, Q, QuerySet

from accounts.roles import Role, has_role

from .models import Pegawai, PengelolaScope, UnitKerja

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

M = TypeVar("M", bound=Model)

# Set on the user object: a request asks several times, the answer cannot change within it.
_CACHE_ATTR = "_bina_pengelola_scope"


@dataclass(frozen=True)
class Scope:
    """A set of unit-path prefixes: ``("",)`` is every unit, ``()`` none."""

    paths: tuple[str, ...]

    @classmethod
    def of(cls, paths: Iterable[str]) -> Scope:
        """The minimal sorted set: a subtree inside another listed one adds nothing."""
        kept: list[str] = []
        for path in sorted(set(paths)):
            if not any(path.startswith(outer) for outer in kept):
                kept.append(path)
        return cls(tuple(kept))

    @property
    def is_everything(self) -> bool:
        return self.paths == ("",)

    def contains(self, path: str) -> bool:
        return any(path.startswith(prefix) for prefix in self.paths)

    def q(self, lookup: str) -> Q:
        """A condition on a unit-path field such as ``"pegawai__unit__path"``."""
        if self.is_everything:
            return Q()
        condition = Q(pk__in=[])
        for prefix in self.paths:
            condition |= Q(**{f"{lookup}__startswith": prefix})
        return condition

    def filter(self, queryset: QuerySet[M], lookup: str = "unit__path") -> QuerySet[M]:
        if self.is_everything:  # no LIKE '%': PostgreSQL would scan every row
            return queryset
        return queryset.filter(self.q(lookup))


EVERYTHING = Scope(("",))
NOTHING = Scope(())


def scope_for(user: User | AnonymousUser | None) -> Scope | None:
    """The units ``user`` manages as pengelola; None when they manage none."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return EVERYTHING
    if not hasattr(user, _CACHE_ATTR):
        setattr(user, _CACHE_ATTR, _pengelola_scope(user))
    scope: Scope | None = getattr(user, _CACHE_ATTR)
    return scope


def scope_forget(user: User) -> None:
    """Drop the cached answer after the user's scope rows changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _pengelola_scope(user: User) -> Scope | None:
    if not has_role(user, Role.PENGELOLA):
        return None
    return _listed_scope(user) or default_scope(user)


def _listed_scope(user: User) -> Scope | None:
    paths = list(PengelolaScope.objects.filter(user=user).values_list("unit__path", flat=True))
    return Scope.of(paths) if paths else None


def default_scope(user: User) -> Scope | None:
    """Without listed units: the whole instansi from its kepegawaian unit, else the own unit."""
    path = Pegawai.objects.filter(user=user).values_list("unit__path", flat=True).first()
    if path is None:
        return None
    step = UnitKerja.steplen
    ancestors = [path[:end] for end in range(step, len(path) + 1, step)]
    if UnitKerja.objects.filter(path__in=ancestors, is_kepegawaian=True).exists():
        return Scope.of([path[:step]])
    return Scope.of([path])
