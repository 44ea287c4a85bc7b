"""Tell learning which pegawai a pengelola looks after: the units they manage."""

from django.db.models import QuerySet

from .scope import scope_for


def unit_subtree_scope(pengelola, users: QuerySet) -> QuerySet:
    scope = scope_for(pengelola)
    if scope is None:
        return users.none()
    return scope.filter(users, "pegawai__unit__path")
