import datetime
from types import SimpleNamespace

import pytest

from competencies.models import Competency
from kinerja_link.pengembangan.models import StandarKompetensi
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.kinerja_link.pembinaan.factories import RecommendationFactory

YEAR = datetime.date.today().year
JABATAN = "Analis SDM Aparatur"


@pytest.fixture
def idp_org(org):
    """``org`` plus a jabatan standard on the instansi and staff[0] in that jabatan."""
    pegawai = org.staff[0]
    pegawai.jabatan = JABATAN
    pegawai.save(update_fields=["jabatan"])
    integritas = Competency.objects.get(code="MJ-INT")
    kerja_sama = Competency.objects.get(code="MJ-KS")
    komunikasi = Competency.objects.get(code="MJ-KOM")
    for competency, level in ((integritas, 3), (kerja_sama, 3), (komunikasi, 2)):
        StandarKompetensi.objects.create(
            jabatan=JABATAN, unit=org.root, competency=competency, required_level=level
        )
    return SimpleNamespace(
        **vars(org),
        pegawai=pegawai,
        integritas=integritas,
        kerja_sama=kerja_sama,
        komunikasi=komunikasi,
    )


@pytest.fixture
def recommendation(idp_org):
    periode = PeriodeFactory(tahun=YEAR)
    evaluasi = EvaluasiFactory(pegawai=idp_org.pegawai, periode=periode)
    return RecommendationFactory(evaluasi=evaluasi, reason="Predikat Butuh Perbaikan")


@pytest.fixture
def other_pegawai(org):
    return PegawaiFactory(unit=org.unit_b)
