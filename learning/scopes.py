"""Which pegawai a pengelola looks after, decided outside learning.

Learning knows nothing of unit kerja. kinerja_link narrows a pengelola's view to their
unit subtree by registering a Wagtail hook in its ``wagtail_hooks.py``::

    @hooks.register(PENGELOLA_SCOPE_HOOK)  # "bina_pengelola_scope"
    def unit_subtree(pengelola, users):
        return users.filter(pegawai__unit__path__startswith=...)

A scope takes the pengelola and a User queryset and returns the part they may act on.
With no scope registered, a pengelola sees every pegawai.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from wagtail import hooks

PENGELOLA_SCOPE_HOOK = "bina_pengelola_scope"


def users_managed_by(pengelola) -> QuerySet:
    users = get_user_model().objects.all()
    for scope in hooks.get_hooks(PENGELOLA_SCOPE_HOOK):
        users = scope(pengelola, users)
    return users


def manages_user(pengelola, user_id: int) -> bool:
    """Whether ``user_id`` is one of the pegawai this pengelola looks after."""
    return users_managed_by(pengelola).filter(pk=user_id).exists()
