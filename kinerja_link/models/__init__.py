from .evaluasi import ApiToken, Evaluasi, EvaluasiSource, ImportJob, ImportStatus
from .organisation import (
    GOLONGAN_CHOICES,
    JenisJabatan,
    Pegawai,
    PegawaiQuerySet,
    PengelolaScope,
    UnitKerja,
)
from .skp import (
    SKP,
    AspekRHK,
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
    "ImportStatus",
    "JenisJabatan",
    "JenisPeriode",
    "JenisRHK",
    "Pegawai",
    "PegawaiQuerySet",
    "Pendekatan",
    "PengelolaScope",
    "PerilakuEkspektasi",
    "Periode",
    "RencanaHasilKerja",
    "StatusSKP",
    "UnitKerja",
]
