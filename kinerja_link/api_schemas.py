"""Request and response schemas of the evaluation API (``kinerja_link.api``).

The rows' limit is the ``KINERJA_API_MAX_ROWS`` setting, read at each request and written
into the OpenAPI schema each time it is served, so the document and the check never differ.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import ConfigDict, Strict, field_validator
from pydantic_core import PydanticCustomError

from django.conf import settings
from django.utils.translation import gettext as _

from foundation.api_types import JsonRecord, SafeText

MAX_COLUMNS = 50
COLUMN_NAME_LENGTH = 100
CELL_LENGTH = 500


def max_rows() -> int:
    return int(getattr(settings, "KINERJA_API_MAX_ROWS", 5000))


def _rows_schema(schema: dict[str, Any]) -> None:
    schema["maxItems"] = max_rows()


Row = JsonRecord(
    max_properties=MAX_COLUMNS, key_length=COLUMN_NAME_LENGTH, value_length=CELL_LENGTH
)


class EvaluasiImportIn(Schema):
    # Unknown fields are refused: a misspelt "dryrun" must not turn a check into a write.
    model_config = ConfigDict(extra="forbid")

    rows: list[Row] = Field(  # type: ignore[valid-type]
        ...,
        min_length=1,
        json_schema_extra=_rows_schema,
        description="Baris dengan nama field SIASN (nip, tahun, periodikId, periodikNama, "
        "hasilKinerjaNilai, perilakuKerjaNilai, kuadranKinerjaNilai, penilaiNipNrp) "
        "atau judul kolom e-Kinerja (NIP, PERIODE, RATING HASIL KERJA, ...). "
        "Nilai: teks tanpa karakter kendali, angka terhingga, true/false atau null.",
        examples=[
            [
                {
                    "nip": "198609262015051001",
                    "tahun": 2026,
                    "periodikId": 2,
                    "periodikNama": "Triwulan III",
                    "hasilKinerjaNilai": 1,
                    "perilakuKerjaNilai": 2,
                }
            ]
        ],
    )
    periode: SafeText(100, min_length=1) | None = Field(  # type: ignore[valid-type]
        None, description='Periode bawaan, misalnya "Triwulan III 2026".'
    )
    dry_run: Annotated[bool, Strict()] = Field(
        False, description="Periksa saja tanpa menyimpan (true/false, bukan 0/1)."
    )

    @field_validator("rows")
    @classmethod
    def _at_most_max_rows(cls, rows: list[Any]) -> list[Any]:
        if len(rows) > max_rows():
            message = _("Paling banyak %(n)d baris per permintaan.") % {"n": max_rows()}
            raise PydanticCustomError("bina_too_many_rows", message)
        return rows


class RowError(Schema):
    baris: int
    nip: str
    pesan: str


class EvaluasiImportOut(Schema):
    job_id: int
    status: str
    dry_run: bool
    total: int
    created: int
    updated: int
    unchanged: int
    predikat_mismatch: int
    error_count: int
    errors: list[RowError]
    message: str
