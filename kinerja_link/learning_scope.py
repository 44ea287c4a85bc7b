"""Tell learning which pegawai a pengelola looks after: their unit subtree."""

from django.db.models import QuerySet

from .selectors import scope_path_for


def unit_subtree_scope(pengelola, users: QuerySet) -> QuerySet:
    path = scope_path_for(pengelola)
    if path is None:
        return users.none()
    if path == "":
        return users
    return users.filter(pegawai__unit__path__startswith=path)
