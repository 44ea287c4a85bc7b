from django.db.models import TextChoices


class Role(TextChoices):
    """The groups every installation has (created by a data migration).

    ``PIMPINAN`` is derived: kinerja_link keeps its membership in step with who is
    pejabat penilai of an active pegawai.
    """

    PEGAWAI = "Pegawai"
    PIMPINAN = "Pimpinan"
    PENGELOLA = "Pengelola Kepegawaian"
    EDITOR = "Editor"
    MODERATOR = "Moderator"


def has_role(user, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=role).exists()
