from django import template

from accounts.roles import Role

register = template.Library()


@register.simple_tag
def has_team_page(user) -> bool:
    """Whether "Tim Saya" has anything for this user: pimpinan, pengelola, superuser."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[Role.PIMPINAN, Role.PENGELOLA]).exists()


@register.simple_tag
def unread_notifications(user) -> int:
    """The header badge: one indexed count, and none at all for anonymous visitors."""
    from kinerja_link.pembinaan.notifications import unread_count

    return unread_count(user)
