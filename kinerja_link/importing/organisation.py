"""Import the organisation (pegawai, jabatan, unit, pejabat penilai) from CSV/XLSX.

Upsert by NIP: the NIP and name live on the user, the rest on Pegawai. Units must
exist (by ``kode``). Pejabat penilai and atasan are linked in a second pass, so a file
may name a penilai in a later row. Set-based per chunk, like the evaluation import.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from accounts.nip import normalize_nip, parse_nip
from accounts.services import users_upsert_by_nip
from foundation.audit.stamping import stamp

from ..models import GOLONGAN_CHOICES, JenisJabatan, Pegawai, UnitKerja
from ..scope import Scope
from .columns import cell_text, header_key
from .engine import CHUNK_SIZE, Report
from .readers import ImportFileError, Table

ALIASES = {
    "nip": "nip",
    "nipbaru": "nip",
    "nama": "nama",
    "namapegawai": "nama",
    "jabatan": "jabatan",
    "namajabatan": "jabatan",
    "jabatannama": "jabatan",
    "jenisjabatan": "jenis",
    "golongan": "golongan",
    "golonganruang": "golongan",
    "golnama": "golongan",
    "unitkerja": "unit",
    "kodeunit": "unit",
    "kodeunitkerja": "unit",
    "unorid": "unit",
    "kodeunor": "unit",
    "nippejabatpenilai": "penilai",
    "nippenilai": "penilai",
    "penilainipnrp": "penilai",
    "nipatasanpejabatpenilai": "atasan",
    "nipatasanpenilai": "atasan",
    "aktif": "aktif",
    "statusaktif": "aktif",
}
REQUIRED = {"nip": "NIP", "nama": "NAMA", "jabatan": "JABATAN", "unit": "UNIT KERJA"}
_GOLONGAN = {g.lower(): g for g, _label in GOLONGAN_CHOICES}
_JENIS = {header_key(c.value): c.value for c in JenisJabatan} | {
    header_key(c.label): c.value for c in JenisJabatan
}
_FALSE = {"0", "tidak", "t", "n", "no", "false", "nonaktif", "tidakaktif"}
PEGAWAI_FIELDS = ["jabatan", "jenis_jabatan", "golongan", "unit_id", "is_active"]


@dataclass
class OrgRow:
    row: int
    nip: str
    nama: str
    jabatan: str
    jenis: str
    golongan: str
    unit_kode: str
    penilai: str | None
    atasan: str | None
    aktif: bool


def run_organisation_import(table: Table, *, scope: Scope, dry_run: bool, user_id=None) -> Report:
    mapping: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        mapping.setdefault(ALIASES.get(header_key(header), ""), index)
    missing = [label for key, label in REQUIRED.items() if key not in mapping]
    if missing:
        raise ImportFileError(
            _("Kolom wajib tidak ditemukan: %(cols)s. Periksa baris judul berkas.")
            % {"cols": ", ".join(missing)}
        )
    report, seen, parsed = Report(total=len(table.rows)), {}, []
    for number, cells in table.rows:
        row = _parse(number, cells, mapping, report)
        if row and seen.setdefault(row.nip, number) != number:
            report.add_error(
                number, row.nip, _("Baris ganda: NIP ini sudah ada di baris %d.") % seen[row.nip]
            )
        elif row:
            parsed.append(row)
    with transaction.atomic():
        landed = []
        for start in range(0, len(parsed), CHUNK_SIZE):
            landed += _upsert_chunk(parsed[start : start + CHUNK_SIZE], scope, report, user_id)
        for start in range(0, len(landed), CHUNK_SIZE):
            _link_penilai(landed[start : start + CHUNK_SIZE], report)
        report.processed = report.total
        if dry_run:
            transaction.set_rollback(True)
    return report


def _parse(number: int, cells: list, mapping: dict, report: Report) -> OrgRow | None:
    def cell(name: str) -> str:
        index = mapping.get(name)
        return cell_text(cells[index]) if index is not None and index < len(cells) else ""

    raw_nip = cells[mapping["nip"]] if mapping["nip"] < len(cells) else None
    try:
        nip = normalize_nip(raw_nip)
        parse_nip(nip)
        row = OrgRow(
            row=number,
            nip=nip,
            nama=_required(cell("nama"), _("Nama")),
            jabatan=_required(cell("jabatan"), _("Jabatan")),
            jenis=_jenis(cell("jenis")),
            golongan=_golongan(cell("golongan")),
            unit_kode=_required(cell("unit"), _("Unit kerja")),
            penilai=_optional_nip(cells, mapping.get("penilai")),
            atasan=_optional_nip(cells, mapping.get("atasan")),
            aktif=header_key(cell("aktif")) not in _FALSE,
        )
    except ValidationError as exc:
        report.add_error(number, cell_text(raw_nip), " ".join(exc.messages))
        return None
    return row


def _required(value: str, label: str) -> str:
    if not value:
        raise ValidationError(_("%s wajib diisi.") % label)
    return value


def _jenis(value: str) -> str:
    if not value:
        return JenisJabatan.PELAKSANA
    if header_key(value) not in _JENIS:
        raise ValidationError(_("Jenis jabatan tidak dikenal: \u201c%s\u201d.") % value)
    return _JENIS[header_key(value)]


def _golongan(value: str) -> str:
    if value and value.replace(" ", "").lower() not in _GOLONGAN:
        raise ValidationError(_("Golongan tidak dikenal: \u201c%s\u201d.") % value)
    return _GOLONGAN.get(value.replace(" ", "").lower(), "")


def _optional_nip(cells: list, index: int | None) -> str | None:
    """None when the file has no such column (leave as is), "" for an empty cell (clear)."""
    if index is None:
        return None
    if index >= len(cells) or not cell_text(cells[index]):
        return ""
    nip = normalize_nip(cells[index])
    parse_nip(nip)
    return nip


def _upsert_chunk(rows: list[OrgRow], scope: Scope, report: Report, user_id) -> list[OrgRow]:
    units = {u.kode: u for u in UnitKerja.objects.filter(kode__in={r.unit_kode for r in rows})}
    existing = {
        p.user.nip: p
        for p in Pegawai.objects.filter(user__nip__in=[r.nip for r in rows]).select_related(
            "user", "unit"
        )
    }
    ok = [r for r in rows if _allowed(r, units, existing, scope, report)]
    by_nip, renamed = users_upsert_by_nip({r.nip: r.nama for r in ok})
    new, changed, logs = _pegawai_changes(ok, units, existing, by_nip, renamed, report)
    Pegawai.objects.bulk_create(new)
    Pegawai.objects.bulk_update(changed, PEGAWAI_FIELDS)
    _log([(p, None, None) for p in new] + logs, user_id)
    return ok


def _pegawai_changes(ok, units, existing, by_nip, renamed, report: Report):
    """The Pegawai rows to create, those to update and their (row, before, after) log lines."""
    new, changed, logs = [], [], []
    for r in ok:
        values = {
            "jabatan": r.jabatan,
            "jenis_jabatan": r.jenis,
            "golongan": r.golongan,
            "unit_id": units[r.unit_kode].pk,
            "is_active": r.aktif,
        }
        current = existing.get(r.nip)
        if current is None:
            new.append(Pegawai(user=by_nip[r.nip], **values))
            report.created += 1
        elif {f: getattr(current, f) for f in PEGAWAI_FIELDS} != values or by_nip[r.nip] in renamed:
            before = {f: getattr(current, f) for f in PEGAWAI_FIELDS}
            for field, value in values.items():
                setattr(current, field, value)
            changed.append(current)
            logs.append((current, before, values))
            report.updated += 1
        else:
            report.unchanged += 1
    return new, changed, logs


def _allowed(row: OrgRow, units: dict, existing: dict, scope: Scope, report: Report) -> bool:
    unit = units.get(row.unit_kode)
    current = existing.get(row.nip)
    if unit is None or not scope.contains(unit.path):
        report.add_error(
            row.row, row.nip, _("Unit kerja dengan kode %s tidak ditemukan.") % row.unit_kode
        )
        return False
    if current is not None and not scope.contains(current.unit.path):
        report.add_error(row.row, row.nip, _("NIP %s di luar unit yang Anda kelola.") % row.nip)
        return False
    return True


def _link_penilai(rows: list[OrgRow], report: Report) -> None:
    nips = {n for r in rows for n in (r.penilai, r.atasan) if n}
    ids = dict(Pegawai.objects.filter(user__nip__in=nips).values_list("user__nip", "pk"))
    pegawai = {
        p.user.nip: p
        for p in Pegawai.objects.filter(user__nip__in=[r.nip for r in rows]).select_related("user")
    }
    changed = []
    for r in rows:
        person = pegawai[r.nip]
        wanted = []
        for nip, field in (
            (r.penilai, "pejabat_penilai_id"),
            (r.atasan, "atasan_pejabat_penilai_id"),
        ):
            if nip and (nip not in ids or nip == r.nip):
                report.add_error(r.row, r.nip, _("NIP penilai %s tidak terdaftar.") % nip)
                continue
            wanted.append((field, ids[nip] if nip else None))
        if any(getattr(person, f) != v for f, v in wanted):
            for field, value in wanted:
                setattr(person, field, value)
            changed.append(person)
    Pegawai.objects.bulk_update(changed, ["pejabat_penilai", "atasan_pejabat_penilai"])


def _log(entries: list, user_id) -> None:
    content_type = ContentType.objects.get_for_model(Pegawai)
    now, batch = timezone.now(), uuid.uuid4()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(p.pk),
                label=p.user.display_name,
                action="wagtail.edit" if before else "wagtail.create",
                timestamp=now,
                uuid=batch,
                user_id=user_id,
                content_changed=True,
                data=stamp({"before": before, "after": after} if before else {}),
            )
            for p, before, after in entries
        ]
    )
