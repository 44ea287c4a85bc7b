"""The writers of ``PengelolaScope``: which unit subtrees a pengelola serves.

Superusers only, each change audited with the pengelola and the unit, so the trail answers
"who let this pengelola see that unit, and when". Read the rule in ``kinerja_link.scope``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from accounts.roles import Role, has_role

from .models import PengelolaScope, UnitKerja
from .scope import scope_forget

if TYPE_CHECKING:
    from accounts.models import User


def _require_superuser(user: User) -> None:
    if not user.is_superuser:
        raise PermissionDenied(_("Hanya superuser yang boleh mengatur cakupan pengelola."))


def _validate(row: PengelolaScope) -> None:
    if not has_role(row.user, Role.PENGELOLA):
        raise ValidationError(
            {"user": _("Akun ini bukan Pengelola Kepegawaian; berikan perannya lebih dahulu.")}
        )
    row.full_clean()


def _described(row: PengelolaScope) -> dict[str, Any]:
    return {"pengelola": str(row.user), "unit": row.unit.kode, "unit_nama": row.unit.nama}


@transaction.atomic
def pengelola_scope_add(*, user: User, pengelola: User, unit: UnitKerja) -> PengelolaScope:
    """Let ``pengelola`` serve ``unit`` and everything under it."""
    _require_superuser(user)
    row = PengelolaScope(user=pengelola, unit=unit)
    _validate(row)
    row.save()
    log(instance=row, action="wagtail.create", user=user, data={"after": _described(row)})
    scope_forget(pengelola)
    return row


@transaction.atomic
def pengelola_scope_change(*, user: User, row: PengelolaScope) -> PengelolaScope:
    """Save an edited row (another pengelola or unit), logging before and after."""
    _require_superuser(user)
    before = PengelolaScope.objects.select_related("user", "unit").get(pk=row.pk)
    _validate(row)
    row.save()
    data = {"before": _described(before), "after": _described(row)}
    log(instance=row, action="wagtail.edit", user=user, data=data)
    scope_forget(row.user)
    return row


@transaction.atomic
def pengelola_scope_remove(*, user: User, row: PengelolaScope) -> None:
    """Stop ``row.user`` serving ``row.unit``; with no rows left the default applies."""
    _require_superuser(user)
    log(instance=row, action="wagtail.delete", user=user, data={"before": _described(row)})
    row.delete()
    scope_forget(row.user)
