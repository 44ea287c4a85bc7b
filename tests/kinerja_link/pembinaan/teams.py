"""A small organisation for the session, feedback and reminder tests."""

from types import SimpleNamespace

from django.contrib.auth.models import Group

from accounts.roles import Role
from kinerja_link.models import SKP, JenisPeriode, Periode
from kinerja_link.services import pimpinan_group_sync
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.kinerja_link.factories import rhk_create


def make_team(*, members: int = 2) -> SimpleNamespace:
    """A pimpinan with ``members`` direct reports, and another pimpinan with one."""
    unit = UnitKerjaFactory()
    pimpinan = PegawaiFactory(unit=unit)
    team = [PegawaiFactory(unit=unit, pejabat_penilai=pimpinan) for _ in range(members)]
    pimpinan_lain = PegawaiFactory(unit=unit)
    foreign = PegawaiFactory(unit=unit, pejabat_penilai=pimpinan_lain)
    pengelola = PegawaiFactory(unit=unit)
    pengelola.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    pimpinan_group_sync()
    return SimpleNamespace(
        unit=unit,
        pimpinan=pimpinan,
        team=team,
        pimpinan_lain=pimpinan_lain,
        foreign=foreign,
        pengelola=pengelola,
    )


def make_skp(pegawai, *, tahun: int, rhk: int = 1) -> SKP:
    periode = Periode.objects.get_or_create(tahun=tahun, jenis=JenisPeriode.TAHUNAN, nomor=0)[0]
    skp = SKP.objects.create(pegawai=pegawai, periode=periode)
    for n in range(rhk):
        rhk_create(skp=skp, rhk=f"RHK {n + 1} {pegawai.nama}", indikator="Indikator", target="100%")
    return skp
