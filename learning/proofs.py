"""Checks on certificate files pegawai upload as proof of an external training.

The type is decided by the file's first bytes, never by its name or the browser's
content type, both of which the uploader controls.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_SIGNATURES = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
]


def max_proof_bytes() -> int:
    return getattr(settings, "BINA_PROOF_MAX_BYTES", DEFAULT_MAX_BYTES)


def sniff_kind(head: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def validate_proof(upload: UploadedFile) -> str:
    """Return the file's real kind ("pdf", "png" or "jpg"); raise if it is not acceptable."""
    limit = max_proof_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            {"proof": _("Ukuran berkas maksimal %(size)s.") % {"size": filesizeformat(limit)}}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_kind(head)
    if kind is None:
        raise ValidationError({"proof": _("Berkas harus berupa PDF, JPG, atau PNG yang sah.")})
    return kind
