from django.conf import settings
from django.db.models import QuerySet

from accounts.roles import Role, has_role

from .models import Evaluasi, ImportJob, Pegawai


def team_for(pimpinan: Pegawai) -> QuerySet[Pegawai]:
    """The active pegawai a pimpinan is responsible for (DESIGN §7).

    "direct" (the default) is everyone whose pejabat penilai they are; "unit" adds
    every pegawai in the pimpinan's unit subtree.
    """
    team = Pegawai.objects.active().filter(pejabat_penilai=pimpinan)
    if settings.BINA_TEAM_SCOPE == "unit":
        in_subtree = Pegawai.objects.active().filter(unit__path__startswith=pimpinan.unit.path)
        team = (team | in_subtree).exclude(pk=pimpinan.pk).distinct()
    return team


def pimpinan_user_ids() -> QuerySet:
    """Ids of users who are pejabat penilai of at least one active pegawai."""
    return (
        Pegawai.objects.active()
        .filter(pejabat_penilai__isnull=False)
        .values_list("pejabat_penilai__user_id", flat=True)
        .distinct()
    )


def scope_path_for(user) -> str | None:
    """The unit-path prefix whose pegawai a pengelola manages: "" for all, None for none.

    Superusers see everything; a Pengelola Kepegawaian sees their own unit subtree.
    """
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ""
    if not has_role(user, Role.PENGELOLA):
        return None
    pegawai = Pegawai.objects.filter(user=user).select_related("unit").first()
    return pegawai.unit.path if pegawai else None


def evaluasi_for_admin(user) -> QuerySet[Evaluasi]:
    path = scope_path_for(user)
    queryset = Evaluasi.objects.select_related("pegawai__user", "pegawai__unit", "periode")
    if path is None:
        return queryset.none()
    return queryset.filter(pegawai__unit__path__startswith=path)


def import_jobs_for(user) -> QuerySet[ImportJob]:
    """A pengelola sees the jobs they started; a superuser sees every job."""
    queryset = ImportJob.objects.select_related("created_by", "periode")
    if user.is_superuser:
        return queryset
    return queryset.filter(created_by=user)
