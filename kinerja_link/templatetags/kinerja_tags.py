from django import template

from accounts.roles import Role

register = template.Library()


@register.simple_tag
def has_team_page(user) -> bool:
    """Whether "Tim Saya" has anything for this user: a pimpinan (pejabat penilai of an
    active pegawai; the group is kept in step by ``pimpinan_group_sync``)."""
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=Role.PIMPINAN).exists()
