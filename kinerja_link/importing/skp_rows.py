"""Gather the long rows of an SKP file into one draft per (NIP, periode).

A row that cannot be read is reported with its number and marks its SKP as failed: an
SKP is imported whole or not at all, so a half-read file never leaves a half SKP.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.nip import normalize_nip, parse_nip

from ..models import AspekRHK, JenisPeriode, JenisRHK
from . import skp_columns as sc
from .columns import PeriodeKey, cell_text, parse_periode
from .engine import ImportContext, Report
from .readers import Table

ASPEK_ORDER = [a.value for a in AspekRHK]


@dataclass
class RhkDraft:
    jenis: str
    rhk: str
    rhk_pimpinan: str
    aspek: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # (iki, target, row)


@dataclass
class SkpDraft:
    row: int  # the SKP's first row: errors about the SKP as a whole are reported there
    nip: str
    periode: PeriodeKey
    rows: list[int] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    field_rows: dict[str, int] = field(default_factory=dict)
    rhk: dict[tuple[str, str], RhkDraft] = field(default_factory=dict)
    failed: bool = False

    def rhk_in_order(self) -> list[RhkDraft]:
        """Utama before tambahan, each in file order."""
        drafts = list(self.rhk.values())
        return sorted(drafts, key=lambda r: r.jenis != JenisRHK.UTAMA)


def gather(
    table: Table, mapping: dict[str, int], ctx: ImportContext, report: Report
) -> list[SkpDraft]:
    drafts: dict[tuple[str, PeriodeKey], SkpDraft] = {}
    for number, cells in table.rows:
        _gather_row(number, _cell_reader(cells, mapping), ctx, drafts, report)
    return list(drafts.values())


def _cell_reader(cells: list, mapping: dict[str, int]) -> Callable[[str], object]:
    def cell(name: str) -> object:
        index = mapping.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    return cell


def _gather_row(number: int, cell, ctx: ImportContext, drafts: dict, report: Report) -> None:
    raw_nip = cell(sc.NIP)
    try:
        nip = normalize_nip(raw_nip)
        parse_nip(nip)
        periode = _annual_periode(cell(sc.PERIODE), ctx)
    except ValidationError as exc:
        report.add_error(number, cell_text(raw_nip), " ".join(exc.messages))
        return
    draft = drafts.setdefault((nip, periode), SkpDraft(row=number, nip=nip, periode=periode))
    draft.rows.append(number)
    try:
        _merge_skp_fields(draft, cell, number)
        _add_aspek_row(draft, cell, number)
    except ValidationError as exc:
        draft.failed = True
        report.add_error(number, nip, " ".join(exc.messages))


def _annual_periode(value: object, ctx: ImportContext) -> PeriodeKey:
    """An SKP is for one year: "2026" or "Tahunan 2026"; blank takes the job's year."""
    if not cell_text(value):
        if ctx.default_periode is None:
            raise ValidationError(_("Periode kosong dan tidak ada periode bawaan."))
        return PeriodeKey(ctx.default_periode.tahun, JenisPeriode.TAHUNAN, 0)
    key = parse_periode(value)
    if key.jenis != JenisPeriode.TAHUNAN:
        raise ValidationError(
            _("Periode SKP harus tahunan, misalnya \u201c2026\u201d atau \u201cTahunan 2026\u201d.")
        )
    return key


_FIELD_PARSERS: dict[str, Callable[[object], str | None]] = {
    sc.PENILAI_NIP: lambda v: _nip_or_none(v),
    sc.ATASAN_NIP: lambda v: _nip_or_none(v),
    sc.PENDEKATAN: sc.parse_pendekatan,
    sc.STATUS: sc.parse_status,
}


def _nip_or_none(value: object) -> str | None:
    if not cell_text(value):
        return None
    nip = normalize_nip(value)
    parse_nip(nip)
    return nip


def _merge_skp_fields(draft: SkpDraft, cell, number: int) -> None:
    """The SKP's own fields: the first filled cell counts; a different one later is an error."""
    for name in sc.SKP_FIELDS:
        parser = _FIELD_PARSERS.get(name, lambda v: cell_text(v) or None)
        value = parser(cell(name))
        if value is None:
            continue
        first = draft.fields.setdefault(name, value)
        draft.field_rows.setdefault(name, number)
        if first != value:
            raise ValidationError(
                _("Kolom %(col)s berbeda dengan baris %(row)s untuk SKP yang sama.")
                % {"col": sc.LABELS[name], "row": draft.field_rows[name]}
            )


def _add_aspek_row(draft: SkpDraft, cell, number: int) -> None:
    jenis = sc.parse_jenis(cell(sc.JENIS_RHK))
    text = sc.required_text(cell(sc.RHK), _("Rencana hasil kerja"))
    pimpinan = cell_text(cell(sc.RHK_PIMPINAN))
    aspek = sc.parse_aspek(cell(sc.ASPEK))
    iki = sc.required_text(cell(sc.INDIKATOR), _("Indikator kinerja individu"))
    target = sc.required_text(cell(sc.TARGET), _("Target"), sc.MAX_TARGET_LENGTH)
    rhk = draft.rhk.setdefault((jenis, text), RhkDraft(jenis=jenis, rhk=text, rhk_pimpinan=""))
    if pimpinan and rhk.rhk_pimpinan and pimpinan != rhk.rhk_pimpinan:
        raise ValidationError(_("RHK pimpinan berbeda dengan baris lain untuk RHK yang sama."))
    rhk.rhk_pimpinan = rhk.rhk_pimpinan or pimpinan
    if aspek in rhk.aspek:
        raise ValidationError(
            _("Aspek %(aspek)s untuk RHK ini sudah ada di baris %(row)s.")
            % {"aspek": AspekRHK(aspek).label, "row": rhk.aspek[aspek][2]}
        )
    rhk.aspek[aspek] = (iki, target, number)
