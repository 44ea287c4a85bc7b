"""Demo staff accounts; the pegawai themselves come from kinerja_link's demo organisation."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from .roles import Role, role_group

DEMO_PASSWORD = "bina-demo-2026"  # noqa: S105 - printed for the demo, never used in production


@dataclass(frozen=True)
class DemoLogin:
    role: str
    login: str
    name: str


STAFF = [
    ("admin", "admin@bina-asn.local", "Administrator Sistem", None, True),
    ("editor", "editor@bina-asn.local", "Rina Editor Konten", Role.EDITOR, False),
    ("moderator", "moderator@bina-asn.local", "Bambang Moderator", Role.MODERATOR, False),
]


def demo_password_hash() -> str:
    """One hash reused for every demo account: hashing 60 passwords would take half a minute."""
    return make_password(DEMO_PASSWORD)


def seed_staff(password_hash: str) -> list[DemoLogin]:
    user_model = get_user_model()
    logins = []
    for username, email, name, role, is_superuser in STAFF:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": email,
                "display_name": name,
                "password": password_hash,
                "is_superuser": is_superuser,
                "is_staff": is_superuser,
            },
        )
        if role and created:
            user.groups.add(role_group(role))
        logins.append(DemoLogin(role=str(role or "Superuser"), login=email, name=name))
    return logins
