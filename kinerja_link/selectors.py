from django.conf import settings
from django.db.models import QuerySet

from .models import Pegawai


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
