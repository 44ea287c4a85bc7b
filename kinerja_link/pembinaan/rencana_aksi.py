"""Rencana aksi per RHK, the dialog kinerja with the pimpinan, realisasi and bukti dukung
(issue 15 §3).

Flow: the pegawai writes a rencana aksi for one RHK of their SKP (``draft``), submits it
(``diajukan``); their pimpinan accepts it (``disetujui``) or sends it back with a comment
(``perbaikan``), after which the pegawai edits and submits again. Both write in the
dialog (comments) at any time. Once agreed, the pegawai records the realisasi and adds
bukti dukung: files (validated by their content, kept in private storage) and http(s)
links.

Who is who (:func:`access_for`): the owner is the SKP's pegawai; the pimpinan is whoever
leads the pegawai by the team rule (``selectors.team_of``) or is the SKP's own pejabat
penilai; a pengelola whose scope holds the pegawai's unit may read (and open files), never
write. Anyone else gets None, which views turn into a 404. Every write is audited.
"""

from __future__ import annotations

import datetime
import enum
import io
import zipfile
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from learning.proofs import max_proof_bytes, sniff_kind

from ..models import SKP, RencanaHasilKerja
from ..scope import scope_for
from ..selectors import team_of
from .models import (
    BuktiDukung,
    BuktiDukungKind,
    RencanaAksi,
    RencanaAksiKomentar,
    RencanaAksiStatus,
)
from .notifications import notify

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

MAX_TEXT = 2000
MAX_REALISASI = 4000
MAX_BUKTI_PER_RENCANA = 20

# Office Open XML: a ZIP whose parts say what it is; macro-enabled parts are refused.
_OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
BUKTI_FILE_KINDS = ("pdf", "png", "jpg", "docx", "xlsx", "pptx")


class Access(enum.Enum):
    OWNER = "owner"
    PIMPINAN = "pimpinan"
    PENGELOLA = "pengelola"


def access_for(user: User | AnonymousUser, skp: SKP, *, as_staff: bool = True) -> Access | None:
    """How ``user`` stands to ``skp``'s rencana aksi, or None (the 404).

    ``skp`` should come with ``pegawai__unit`` and ``pejabat_penilai`` selected."""
    if not user.is_authenticated:
        return None
    if skp.pegawai.user_id == user.pk:
        return Access.OWNER
    penilai = skp.pejabat_penilai
    if (penilai is not None and penilai.user_id == user.pk and penilai.is_active) or team_of(
        user
    ).filter(pk=skp.pegawai_id).exists():
        return Access.PIMPINAN
    if as_staff:
        if user.is_superuser:
            return Access.PENGELOLA
        scope = scope_for(user)
        if scope is not None and scope.contains(skp.pegawai.unit.path):
            return Access.PENGELOLA
    return None


def _require(user: User, skp: SKP, wanted: Access) -> None:
    if access_for(user, skp) is not wanted:
        raise PermissionDenied


def _clean_text(text: str, *, field: str, limit: int, required: bool = True) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: _("Wajib diisi.")})
    if len(text) > limit:
        raise ValidationError({field: _("Paling banyak %(limit)d karakter.") % {"limit": limit}})
    return text


def _check_target(skp: SKP, target_date: datetime.date | None) -> None:
    if target_date is None:
        return
    periode = skp.periode
    if not periode.start_date <= target_date <= periode.end_date:
        raise ValidationError(
            {
                "target_date": _("Target harus di dalam periode SKP (%(range)s).")
                % {"range": periode.range_label}
            }
        )


def _url(rencana: RencanaAksi) -> str:
    return reverse("pembinaan:rencana_aksi", args=[rencana.pk])


# --- The pegawai's plan -------------------------------------------------------------------


@transaction.atomic
def rencana_aksi_create(
    *, user: User, rhk: RencanaHasilKerja, text: str, target_date: datetime.date | None
) -> RencanaAksi:
    skp = rhk.skp
    _require(user, skp, Access.OWNER)
    text = _clean_text(text, field="text", limit=MAX_TEXT)
    _check_target(skp, target_date)
    rencana = RencanaAksi.objects.create(skp=skp, rhk=rhk, text=text, target_date=target_date)
    log(instance=rencana, action="wagtail.create", user=user, data={"rhk": rhk.pk})
    return rencana


@transaction.atomic
def rencana_aksi_update(
    *, user: User, rencana: RencanaAksi, text: str, target_date: datetime.date | None
) -> RencanaAksi:
    """Edit a draft, or a plan the pimpinan sent back for perbaikan."""
    _require(user, rencana.skp, Access.OWNER)
    if not rencana.is_editable:
        raise ValidationError(
            _("Rencana aksi yang sudah diajukan atau disetujui tidak dapat diubah.")
        )
    before = {"text": rencana.text, "target_date": _iso(rencana.target_date)}
    rencana.text = _clean_text(text, field="text", limit=MAX_TEXT)
    _check_target(rencana.skp, target_date)
    rencana.target_date = target_date
    rencana.save(update_fields=["text", "target_date", "updated_at"])
    after = {"text": rencana.text, "target_date": _iso(rencana.target_date)}
    log(instance=rencana, action="wagtail.edit", user=user, data={"before": before, "after": after})
    return rencana


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def rencana_aksi_submit(*, user: User, rencana: RencanaAksi) -> RencanaAksi:
    """Ask the pimpinan to agree; they get a notification."""
    _require(user, rencana.skp, Access.OWNER)
    if not rencana.is_editable:
        raise ValidationError(_("Rencana aksi ini sudah diajukan."))
    rencana.status = RencanaAksiStatus.DIAJUKAN
    rencana.submitted_at = timezone.now()
    rencana.save(update_fields=["status", "submitted_at", "updated_at"])
    log(instance=rencana, action="kinerja_link.rencana_aksi.submit", user=user)
    penilai_users = _pimpinan_user_ids(rencana.skp)
    if penilai_users:
        name = rencana.skp.pegawai.nama
        notify(
            users=penilai_users,
            key=f"rencana-aksi:{rencana.pk}:diajukan:{rencana.submitted_at:%Y%m%d%H%M%S}",
            title=_("%(name)s mengajukan rencana aksi") % {"name": name},
            body=_("%(name)s menunggu persetujuan Anda atas rencana aksi: %(text)s")
            % {"name": name, "text": rencana.text[:200]},
            url=_url(rencana),
        )
    return rencana


def _pimpinan_user_ids(skp: SKP) -> list[int]:
    """Who answers for the pegawai: the SKP's pejabat penilai, else the pegawai's own."""
    penilai = skp.pejabat_penilai or skp.pegawai.pejabat_penilai
    if penilai is None or not penilai.is_active or penilai.user_id is None:
        return []
    return [penilai.user_id]


# --- The pimpinan's answer ----------------------------------------------------------------


@transaction.atomic
def rencana_aksi_approve(*, user: User, rencana: RencanaAksi, comment: str = "") -> RencanaAksi:
    _require(user, rencana.skp, Access.PIMPINAN)
    if rencana.status != RencanaAksiStatus.DIAJUKAN:
        raise ValidationError(_("Hanya rencana aksi yang diajukan yang dapat disetujui."))
    comment = _clean_text(comment, field="comment", limit=MAX_TEXT, required=False)
    return _decide(user, rencana, RencanaAksiStatus.DISETUJUI, comment)


@transaction.atomic
def rencana_aksi_request_revision(*, user: User, rencana: RencanaAksi, comment: str) -> RencanaAksi:
    """Send the plan back; the comment saying what to change is required."""
    _require(user, rencana.skp, Access.PIMPINAN)
    if rencana.status != RencanaAksiStatus.DIAJUKAN:
        raise ValidationError(_("Hanya rencana aksi yang diajukan yang dapat dikembalikan."))
    comment = _clean_text(comment, field="comment", limit=MAX_TEXT)
    return _decide(user, rencana, RencanaAksiStatus.PERBAIKAN, comment)


def _decide(user: User, rencana: RencanaAksi, status: str, comment: str) -> RencanaAksi:
    rencana.status = status
    rencana.decided_by = user
    rencana.decided_at = timezone.now()
    rencana.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if comment:
        RencanaAksiKomentar.objects.create(rencana_aksi=rencana, author=user, text=comment)
    action = (
        "kinerja_link.rencana_aksi.approve"
        if status == RencanaAksiStatus.DISETUJUI
        else "kinerja_link.rencana_aksi.revise"
    )
    log(instance=rencana, action=action, user=user, data={"comment": bool(comment)})
    title = (
        _("Rencana aksi Anda disetujui")
        if status == RencanaAksiStatus.DISETUJUI
        else _("Rencana aksi Anda perlu perbaikan")
    )
    notify(
        users=[rencana.skp.pegawai.user_id],
        key=f"rencana-aksi:{rencana.pk}:{status}:{rencana.decided_at:%Y%m%d%H%M%S}",
        title=title,
        body=rencana.text[:200],
        url=_url(rencana),
    )
    return rencana


# --- The dialog -----------------------------------------------------------------------------


@transaction.atomic
def komentar_add(*, user: User, rencana: RencanaAksi, text: str) -> RencanaAksiKomentar:
    """A message in the dialog kinerja, by the pegawai or their pimpinan."""
    if access_for(user, rencana.skp) not in (Access.OWNER, Access.PIMPINAN):
        raise PermissionDenied
    text = _clean_text(text, field="text", limit=MAX_TEXT)
    komentar = RencanaAksiKomentar.objects.create(rencana_aksi=rencana, author=user, text=text)
    log(
        instance=rencana,
        action="kinerja_link.rencana_aksi.comment",
        user=user,
        data={"komentar": komentar.pk},
    )
    return komentar


# --- Realisasi and bukti dukung -------------------------------------------------------------


def _require_agreed(user: User, rencana: RencanaAksi) -> None:
    _require(user, rencana.skp, Access.OWNER)
    if rencana.status != RencanaAksiStatus.DISETUJUI:
        raise ValidationError(_("Realisasi dicatat setelah rencana aksi disetujui pimpinan."))


@transaction.atomic
def realisasi_update(*, user: User, rencana: RencanaAksi, text: str) -> RencanaAksi:
    _require_agreed(user, rencana)
    rencana.realisasi = _clean_text(text, field="realisasi", limit=MAX_REALISASI)
    rencana.realisasi_at = timezone.now()
    rencana.save(update_fields=["realisasi", "realisasi_at", "updated_at"])
    log(instance=rencana, action="kinerja_link.rencana_aksi.realisasi", user=user)
    return rencana


def validate_bukti_file(upload: UploadedFile) -> str:
    """The file's real kind (one of ``BUKTI_FILE_KINDS``), decided by its content, never
    its name or the browser's content type; raise if it is not acceptable. PDF and images
    as certificates are (``learning.proofs``), plus Office Open XML documents without
    macros. HTML, scripts, executables and anything else are refused."""
    limit = max_proof_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            {"file": _("Ukuran berkas maksimal %(size)s.") % {"size": filesizeformat(limit)}}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_kind(head) or (_ooxml_kind(upload) if head.startswith(b"PK\x03\x04") else None)
    upload.seek(0)
    if kind is None:
        raise ValidationError(
            {
                "file": _(
                    "Berkas harus berupa PDF, JPG, PNG, atau dokumen Office "
                    "(DOCX, XLSX, PPTX) yang sah."
                )
            }
        )
    return kind


def _ooxml_kind(upload: UploadedFile) -> str | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None  # macro-enabled: refused
    for prefix, kind in _OOXML_PARTS.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def validate_bukti_url(url: str) -> str:
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Tautan harus alamat web lengkap yang diawali http:// atau https://.")}
        ) from None
    if len(url) > 500:
        raise ValidationError({"url": _("Tautan terlalu panjang.")})
    return url


def _check_room(rencana: RencanaAksi) -> None:
    if rencana.bukti.count() >= MAX_BUKTI_PER_RENCANA:
        raise ValidationError(
            _("Paling banyak %(n)d bukti dukung per rencana aksi.") % {"n": MAX_BUKTI_PER_RENCANA}
        )


@transaction.atomic
def bukti_file_add(
    *, user: User, rencana: RencanaAksi, upload: UploadedFile, title: str = ""
) -> BuktiDukung:
    _require_agreed(user, rencana)
    _check_room(rencana)
    kind = validate_bukti_file(upload)
    title = _clean_text(title, field="title", limit=200, required=False) or _("Berkas %(kind)s") % {
        "kind": kind.upper()
    }
    bukti = BuktiDukung(
        rencana_aksi=rencana,
        kind=BuktiDukungKind.FILE,
        title=title,
        file_kind=kind,
        uploaded_by=user,
    )
    # The stored suffix is the sniffed kind, never the uploader's.
    bukti.file.save(f"bukti.{kind}", upload, save=False)
    bukti.save()
    log(instance=bukti, action="wagtail.create", user=user, data={"rencana_aksi": rencana.pk})
    return bukti


@transaction.atomic
def bukti_link_add(*, user: User, rencana: RencanaAksi, url: str, title: str = "") -> BuktiDukung:
    _require_agreed(user, rencana)
    _check_room(rencana)
    url = validate_bukti_url(url)
    title = _clean_text(title, field="title", limit=200, required=False) or url[:200]
    bukti = BuktiDukung.objects.create(
        rencana_aksi=rencana, kind=BuktiDukungKind.LINK, title=title, url=url, uploaded_by=user
    )
    log(instance=bukti, action="wagtail.create", user=user, data={"rencana_aksi": rencana.pk})
    return bukti


@transaction.atomic
def bukti_delete(*, user: User, bukti: BuktiDukung) -> None:
    """The pegawai removes one of their bukti (a wrong file); audited, file removed."""
    _require(user, bukti.rencana_aksi.skp, Access.OWNER)
    # The deletion itself is audited row by row (``audit_deletions`` in apps.py).
    stored = bukti.file.name if bukti.file else ""
    storage = bukti.file.storage
    bukti.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
