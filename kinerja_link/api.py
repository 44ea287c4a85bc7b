"""JSON API for integrations: ``POST /api/v1/kinerja/evaluasi/`` runs the same import service."""

from __future__ import annotations

from typing import Any

from ninja import Field, Router, Schema, Status
from ninja.security import HttpBearer

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from .models import ApiToken, ImportStatus
from .models.evaluasi import hash_token
from .services import evaluasi_import_records, periode_resolve

router = Router(tags=["kinerja"])


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; tokens are stored hashed (see ``ApiToken``)."""

    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=hash_token(token), is_active=True, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found.user


class EvaluasiImportIn(Schema):
    rows: list[dict[str, Any]] = Field(
        ...,
        description="Baris dengan nama field SIASN (nip, tahun, periodikId, periodikNama, "
        "hasilKinerjaNilai, perilakuKerjaNilai, kuadranKinerjaNilai, penilaiNipNrp) "
        "atau judul kolom e-Kinerja (NIP, PERIODE, RATING HASIL KERJA, ...).",
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
    periode: str | None = Field(None, description='Periode bawaan, misalnya "Triwulan III 2026".')
    dry_run: bool = Field(False, description="Periksa saja tanpa menyimpan.")


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


class ErrorOut(Schema):
    detail: str


@router.post(
    "/evaluasi/",
    auth=TokenAuth(),
    response={200: EvaluasiImportOut, 400: ErrorOut, 403: ErrorOut},
    summary="Impor evaluasi kinerja",
)
def import_evaluasi(request, payload: EvaluasiImportIn):
    """Upsert evaluations by (NIP, periode); the predikat is computed from the kuadran.

    Rows are numbered from 2, as if row 1 were a spreadsheet header.
    """
    max_rows = getattr(settings, "KINERJA_API_MAX_ROWS", 5000)
    if len(payload.rows) > max_rows:
        return Status(400, {"detail": f"Paling banyak {max_rows} baris per permintaan."})
    try:
        periode = periode_resolve(text=payload.periode) if payload.periode else None
        job = evaluasi_import_records(
            user=request.auth, records=payload.rows, periode=periode, dry_run=payload.dry_run
        )
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    except ValidationError as exc:  # a periode text that cannot be read
        return Status(400, {"detail": " ".join(exc.messages)})
    if job.status == ImportStatus.GAGAL:
        return Status(400, {"detail": job.message})
    return Status(
        200,
        {
            "job_id": job.pk,
            "status": job.status,
            "dry_run": job.dry_run,
            "total": job.total_rows,
            "created": job.created_count,
            "updated": job.updated_count,
            "unchanged": job.unchanged_count,
            "predikat_mismatch": job.mismatch_count,
            "error_count": job.error_count,
            "errors": job.errors,
            "message": job.message,
        },
    )
