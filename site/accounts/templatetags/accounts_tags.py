from django import template

from ..start import can_use_admin as _can_use_admin

register = template.Library()


@register.simple_tag
def can_use_admin(user) -> bool:
    """Whether the site header shows the link to the admin."""
    return _can_use_admin(user)
