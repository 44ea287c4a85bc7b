from django import template
from django.contrib.auth.models import Permission
from django.db.models import Q

from ..roles import STAFF_ROLES, Role

register = template.Library()


@register.simple_tag
def nav_roles(user) -> dict[str, bool]:
    """What the site header shows: one query for every role the user holds (superusers hold
    all), so the Tim Saya and admin links cost no more than Tim Saya alone did."""
    if not (user.is_authenticated and user.is_active):
        return {"team": False, "admin": False}
    if user.is_superuser:
        held = set(Role)
    else:
        codenames = set(
            Permission.objects.filter(
                Q(group__user=user) | Q(user=user),
                content_type__app_label="accounts",
                codename__in=[role.codename for role in Role],
            ).values_list("codename", flat=True)
        )
        held = {role for role in Role if role.codename in codenames}
    return {
        "team": Role.PIMPINAN in held,
        "admin": bool(held & set(STAFF_ROLES)) or user.is_superuser,
    }
