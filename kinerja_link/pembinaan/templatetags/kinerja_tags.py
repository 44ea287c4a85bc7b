from django import template

from accounts.roles import Role, has_role

register = template.Library()


@register.simple_tag
def has_team_page(user) -> bool:
    """Whether "Tim Saya" has anything for this user: a pimpinan (pejabat penilai of an
    active pegawai; the group is kept in step by ``pimpinan_group_sync``)."""
    return has_role(user, Role.PIMPINAN)


@register.simple_tag
def unread_notifications(user) -> int:
    """The header badge: one indexed count, and none at all for anonymous visitors."""
    from ..notifications import unread_count

    return unread_count(user)
