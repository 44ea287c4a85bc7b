"""JSON API for integrations: ``POST /api/v1/kinerja/evaluasi/`` runs the same import service."""

from __future__ import annotations

from ninja import Router, Status
from ninja.security import HttpBearer

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from foundation.api_errors import ErrorOut, ValidationErrorOut

from .api_schemas import EvaluasiImportIn, EvaluasiImportOut
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


RESPONSES = {
    200: EvaluasiImportOut,
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    413: ErrorOut,
    415: ErrorOut,
    422: ValidationErrorOut,
}

# The OpenAPI document is for integrators; its descriptions stay as written, in Indonesian.
RESPONSE_DESCRIPTIONS = {
    200: {"description": "Baris diproses; kesalahan per baris ada di `errors`."},
    400: {
        "description": "Badan permintaan bukan JSON UTF-8 yang sah (NaN, Infinity, terlalu "
        "dalam), atau baris ditolak seluruhnya (kolom wajib tidak ada, periode tidak terbaca)."
    },
    401: {"description": "Token API tidak ada atau tidak berlaku."},
    403: {"description": "Pemilik token bukan Pengelola Kepegawaian."},
    413: {"description": "Badan permintaan lebih besar dari batas server (2,5 MB)."},
    415: {"description": "Jenis isi bukan application/json (UTF-8)."},
    422: {"description": "JSON tidak sesuai skema; `errors` menyebut lokasi tiap kesalahan."},
}


@router.post(
    "/evaluasi/",
    auth=TokenAuth(),
    response=RESPONSES,
    summary="Impor evaluasi kinerja",
    description="Upsert evaluasi per (NIP, periode); predikat dihitung dari kuadran kinerja. "
    "Baris dinomori mulai 2, seperti di berkas dengan baris judul.",
    openapi_extra={"responses": RESPONSE_DESCRIPTIONS},
)
def import_evaluasi(request, payload: EvaluasiImportIn):
    """Upsert evaluations by (NIP, periode); the predikat is computed from the kuadran.

    Rows are numbered from 2, as if row 1 were a spreadsheet header. The schema has
    checked every field (``api_schemas``); a 400 here refuses the rows as a whole.
    """
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
