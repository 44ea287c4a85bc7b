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


@register.filter
def break_after_slash(value) -> str:
    """ "Kurang/Misconduct" may wrap after the slash on a phone instead of mid-word."""
    from django.utils.html import format_html_join
    from django.utils.safestring import mark_safe

    return format_html_join(mark_safe("/<wbr>"), "{}", ((part,) for part in str(value).split("/")))
