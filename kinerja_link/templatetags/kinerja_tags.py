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
