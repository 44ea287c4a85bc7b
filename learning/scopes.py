"""Which pegawai a pengelola looks after, decided outside learning.

Learning knows nothing of unit kerja. kinerja_link narrows a pengelola's view to their
unit subtree by registering a scope in its ``AppConfig.ready()``::

    from learning.scopes import register_pengelola_scope

    @register_pengelola_scope
    def unit_subtree(pengelola, users):
        return users.filter(pegawai__unit__path__startswith=...)

A scope takes the pengelola and a User queryset and returns the part they may act on.
With no scope registered, a pengelola sees every pegawai.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

PengelolaScope = Callable[[object, QuerySet], QuerySet]
_scopes: list[PengelolaScope] = []


def register_pengelola_scope(scope: PengelolaScope) -> PengelolaScope:
    if scope not in _scopes:
        _scopes.append(scope)
    return scope


def unregister_pengelola_scope(scope: PengelolaScope) -> None:
    if scope in _scopes:
        _scopes.remove(scope)


def users_managed_by(pengelola) -> QuerySet:
    users = get_user_model().objects.all()
    for scope in _scopes:
        users = scope(pengelola, users)
    return users
