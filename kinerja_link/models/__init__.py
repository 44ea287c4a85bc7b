from .evaluasi import ApiToken, Evaluasi, EvaluasiSource, ImportJob, ImportKind, ImportStatus
from .organisation import (
    GOLONGAN_CHOICES,
    JenisJabatan,
    Pegawai,
    PegawaiQuerySet,
    UnitKerja,
)
from .skp import (
    SKP,
    AspekRHK,
    IndikatorRHK,
    JenisPeriode,
    JenisRHK,
    Pendekatan,
    PerilakuEkspektasi,
    Periode,
    RencanaHasilKerja,
    StatusSKP,
)

__all__ = [
    "GOLONGAN_CHOICES",
    "SKP",
    "ApiToken",
    "AspekRHK",
    "Evaluasi",
    "EvaluasiSource",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "IndikatorRHK",
    "JenisJabatan",
    "JenisPeriode",
    "JenisRHK",
    "Pegawai",
    "PegawaiQuerySet",
    "Pendekatan",
    "PerilakuEkspektasi",
    "Periode",
    "RencanaHasilKerja",
    "StatusSKP",
    "UnitKerja",
]
