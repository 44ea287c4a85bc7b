import pytest

from django.core import signing
from django.core.cache import cache

from kinerja_link.participation import abuse
from kinerja_link.participation.models import Layanan
from tests.factories import PegawaiFactory, UnitKerjaFactory


@pytest.fixture(autouse=True)
def _clean_counters():
    """Rate-limit and duplicate keys live in the cache, which outlives a test's rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def unit(db):
    return UnitKerjaFactory()


@pytest.fixture
def layanan(unit):
    return Layanan.objects.create(unit=unit, nama="Layanan Kenaikan Pangkat")


@pytest.fixture
def pimpinan(unit):
    head = PegawaiFactory(unit=unit)
    PegawaiFactory(unit=unit, pejabat_penilai=head)
    return head


def challenge() -> dict:
    _question, token = abuse.challenge_new()
    answer = signing.loads(token, salt=abuse.CHALLENGE_SALT)["s"]
    return {"tantangan": token, "jawaban": str(answer)}


def survey_data(scores=(4, 4, 3, 3, 4, 3, 4, 3, 3), **extra) -> dict:
    data = {f"u{n}": str(score) for n, score in enumerate(scores, start=1)}
    data.update(challenge())
    data.update(extra)
    return data


def feedback_data(**extra) -> dict:
    data = {"jenis": "pengaduan", "isi": "Antrean terlalu panjang di pagi hari."}
    data.update(challenge())
    data.update(extra)
    return data
