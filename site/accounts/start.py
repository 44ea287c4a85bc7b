"""Where each role starts after signing in, and whether the header links to the admin."""

from django.urls import reverse

from .roles import STAFF_ROLES, Role, has_any_role, has_role


def can_use_admin(user) -> bool:
    """Whether the Wagtail admin lets this user in (editor, moderator, pengelola, superuser)."""
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")
    )


def start_page_url(user) -> str:
    """The role's own start page: staff → the admin dashboard, pimpinan → Tim Saya,
    pegawai → Belajar Saya; anyone else → the public home.

    URL names only: accounts sits below the apps that own these pages.
    """
    if has_any_role(user, STAFF_ROLES) and can_use_admin(user):
        return reverse("wagtailadmin_home")
    if has_role(user, Role.PIMPINAN):
        return reverse("tim_saya:index")
    if has_role(user, Role.PEGAWAI):
        return reverse("learning:belajar_saya")
    return "/"
