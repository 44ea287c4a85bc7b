"""Validate evaluation rows and upsert them by (NIP, periode), a chunk at a time.

On PostgreSQL a chunk is set-based (``evaluasi_sql``): the rows go by ``COPY`` into a
staging table and a few statements resolve, upsert and audit them all. Elsewhere (SQLite)
per chunk: one query for the pegawai named in it, one for their existing evaluations,
then ``bulk_create``/``bulk_update`` and one ``bulk_create`` of audit entries. Either way
the number of statements does not grow with the number of rows in a chunk. Each chunk
commits on its own, with the job's progress and counts, so progress is visible and a
crash loses at most one chunk; a resumed run starts after the last committed chunk, and
even a full rerun is safe because the upsert is keyed and unchanged rows are left alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from accounts.nip import normalize_nip, parse_nip
from foundation.audit.stamping import stamp

from .. import perilaku_catatan
from ..kuadran import Predikat, Rating, predikat_for
from ..models import Evaluasi, Pegawai, Periode
from ..scope import Scope
from . import columns as col
from . import evaluasi_sql
from .readers import Table

# Large chunks: the statements per chunk are fixed, so fewer chunks is less overhead; a
# crash still loses at most one chunk, and progress still moves ten times per 100,000 rows.
CHUNK_SIZE = 10_000
T = TypeVar("T")
MAX_STORED_ERRORS = 1000
COMPARED_FIELDS = (
    "rating_hasil",
    "rating_perilaku",
    "predikat",
    "predikat_imported",
    "predikat_mismatch",
    "pejabat_penilai_id",
    "perilaku_catatan",
)
UPDATED_FIELDS = [f.removesuffix("_id") for f in COMPARED_FIELDS] + [
    "source",
    "import_job",
    "updated_at",
]


class RowRef(Protocol):
    """What the scope check needs of a row: its number and NIP (any import kind's row)."""

    row: int
    nip: str


@dataclass
class ParsedRow:
    row: int
    nip: str
    periode: col.PeriodeKey
    hasil: Rating
    perilaku: Rating
    predikat_imported: Predikat | None
    penilai_nip: str | None
    # None when the file has no such column: the stored notes are then left as they are.
    flagged_values: list[str] | None = None
    # An 18-digit NIP whose structure is checked only if it is not a registered pegawai's
    # (a registered NIP was validated when it was stored): parse_nip per row cost more
    # than the rest of the import.
    nip_unchecked: bool = False


@dataclass
class Report:
    total: int = 0
    processed: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    mismatches: int = 0
    error_count: int = 0
    errors: list[dict] = field(default_factory=list)

    def add_error(self, row: int, nip: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append({"baris": row, "nip": nip, "pesan": message})


@dataclass
class ImportContext:
    """Who imports what: the units the importer manages (``kinerja_link.scope``)."""

    scope: Scope
    dry_run: bool
    source: str
    job_id: int | None = None
    user_id: int | None = None
    default_periode: col.PeriodeKey | None = None
    on_progress: Callable[[Report], None] = lambda report: None
    periodes: dict[col.PeriodeKey, Periode | None] = field(default_factory=dict)
    seen: dict[tuple[str, col.PeriodeKey], int] = field(default_factory=dict)
    log_uuid: uuid.UUID = field(default_factory=uuid.uuid4)
    # Parsed cells by their raw values: periods, ratings and predikat repeat on every row.
    memo: dict[tuple, object] = field(default_factory=dict)
    # Translated once per run: gettext per row costs more than the rest of parsing.
    labels: dict[str, str] = field(
        default_factory=lambda: {
            "hasil": _("Rating hasil kerja"),
            "perilaku": _("Rating perilaku kerja"),
        }
    )


def missing_columns_message(table: Table) -> str | None:
    missing = col.missing_required(col.map_headers(table.headers))
    if not missing:
        return None
    return _("Kolom wajib tidak ditemukan: %(cols)s. Periksa baris judul berkas.") % {
        "cols": ", ".join(missing)
    }


def run(table: Table, ctx: ImportContext, report: Report | None = None) -> Report:
    """Import the table, from the start or, for a resumed job, from where ``report`` ends.

    ``ctx.on_progress`` runs inside each chunk's transaction, so the counts a job persists
    there commit with the rows they count: a run resumed after a crash adds exactly what
    the crashed one did not commit.
    """
    mapping = col.map_headers(table.headers)
    report = report or Report()
    report.total = len(table.rows)
    _replay(table.rows[: report.processed], mapping, ctx)
    for start in range(report.processed, len(table.rows), CHUNK_SIZE):
        chunk = table.rows[start : start + CHUNK_SIZE]
        with transaction.atomic():
            parsed = [
                p for p in (_parse(n, cells, mapping, ctx, report) for n, cells in chunk) if p
            ]
            _process_chunk(parsed, ctx, report)
            # Parse errors come before scope errors within a chunk; the pengelola reads by row.
            report.errors.sort(key=lambda error: error["baris"])
            report.processed += len(chunk)
            ctx.on_progress(report)
    return report


def _replay(rows: list, mapping: dict, ctx: ImportContext) -> None:
    """Rows a crashed run committed: parsed again only so that a later duplicate is still
    caught and their periods still get recommendations; never counted or written again."""
    scratch = Report()
    parsed = [p for p in (_parse(n, cells, mapping, ctx, scratch) for n, cells in rows) if p]
    for key in {p.periode for p in parsed}:
        _periode_for(key, ctx)


# The cells besides the NIP: their values repeat across rows (periods, ratings, penilai),
# so each distinct combination is parsed once per run.
_VALUE_CELLS = (
    col.PERIODE,
    col.TAHUN,
    col.PERIODIK_ID,
    col.HASIL,
    col.PERILAKU,
    col.PREDIKAT,
    col.PENILAI_NIP,
    col.NILAI_PEMBINAAN,
)


def _parse(number: int, cells: list, mapping: dict, ctx: ImportContext, report: Report):
    count = len(cells)

    def cell(name: str) -> object:
        index = mapping.get(name)
        return cells[index] if index is not None and index < count else None

    raw_nip = cell(col.NIP)
    unchecked = (
        isinstance(raw_nip, str) and len(raw_nip) == 18 and raw_nip.isascii() and raw_nip.isdigit()
    )
    nip = raw_nip if unchecked else ""
    try:
        if not unchecked:
            nip = normalize_nip(raw_nip)
            parse_nip(nip)
        key = tuple(map(cell, _VALUE_CELLS))
        periode, hasil, perilaku, predikat, penilai, flags = _memo(
            ctx.memo, key, _parse_values, cell, col.NILAI_PEMBINAAN in mapping, ctx
        )
    except ValidationError as exc:
        # The NIP's own error comes first, as when it was checked before the other cells.
        message = _nip_error(nip) if unchecked else None
        report.add_error(number, str(raw_nip or ""), message or " ".join(exc.messages))
        return None
    row = ParsedRow(
        row=number,
        nip=nip,
        periode=periode,
        hasil=hasil,
        perilaku=perilaku,
        predikat_imported=predikat,
        penilai_nip=penilai,
        flagged_values=flags,
        nip_unchecked=unchecked,
    )
    first = ctx.seen.setdefault((nip, row.periode), number)
    if first != number:
        report.add_error(
            number, nip, _("Baris ganda: NIP dan periode yang sama sudah ada di baris %d.") % first
        )
        return None
    return row


def _parse_values(cell: Callable[[str], object], has_flags: bool, ctx: ImportContext) -> tuple:
    """Everything of a row but its NIP, checked in the order the pengelola reads errors."""
    return (
        _periode_of(cell, ctx),
        col.parse_rating(cell(col.HASIL), ctx.labels["hasil"]),
        col.parse_rating(cell(col.PERILAKU), ctx.labels["perilaku"]),
        col.parse_predikat(cell(col.PREDIKAT)),
        _penilai_nip(cell(col.PENILAI_NIP)),
        col.parse_flagged_values(cell(col.NILAI_PEMBINAAN)) if has_flags else None,
    )


def _memo(memo: dict, key: tuple, parse: Callable[..., T], *args: Any) -> T:
    """``parse(*args)``, remembered by ``key`` (the raw cells), errors included."""
    try:
        hit = memo[key]
    except KeyError:
        try:
            hit = parse(*args)
        except ValidationError as exc:
            hit = exc
        memo[key] = hit
    except TypeError:  # an unhashable cell (a list in JSON): parsed every time
        return parse(*args)
    if isinstance(hit, ValidationError):
        raise ValidationError(hit.messages)
    return cast(T, hit)


def _nip_error(nip: str) -> str | None:
    """The message for a structurally invalid NIP, or None when it is valid."""
    try:
        parse_nip(nip)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


def _periode_of(cell: Callable[[str], object], ctx: ImportContext) -> col.PeriodeKey:
    text, tahun, periodik_id = cell(col.PERIODE), cell(col.TAHUN), cell(col.PERIODIK_ID)
    if not any(col.cell_text(v) for v in (text, tahun)):
        if ctx.default_periode is None:
            raise ValidationError(_("Periode kosong dan tidak ada periode bawaan."))
        return ctx.default_periode
    return col.parse_periode(text, tahun, periodik_id)


def _penilai_nip(value: object) -> str | None:
    if not col.cell_text(value):
        return None
    nip = normalize_nip(value)
    parse_nip(nip)
    return nip


def _process_chunk(parsed: list[ParsedRow], ctx: ImportContext, report: Report) -> None:
    if not parsed:
        return
    periodes = {key: _periode_for(key, ctx) for key in {p.periode for p in parsed}}
    if evaluasi_sql.applies():
        _process_chunk_in_sql(parsed, periodes, ctx, report)
        return
    people = _people(parsed)
    in_scope = [p for p in parsed if _in_scope(people.get(p.nip), ctx, report, p)]
    pegawai_ids = {people[p.nip]["id"] for p in in_scope}
    periode_ids = {p.pk for p in periodes.values() if p is not None}
    existing = {
        (e.pegawai_id, e.periode_id): e
        for e in Evaluasi.objects.filter(pegawai_id__in=pegawai_ids, periode_id__in=periode_ids)
    }
    new, changed = [], []
    for p in in_scope:
        person, periode = people[p.nip], periodes[p.periode]
        candidate = _candidate(p, person, periode, people, ctx)
        if candidate.predikat_mismatch:
            report.mismatches += 1
        before = existing.get((person["id"], periode.pk if periode else None))
        notes = before.perilaku_catatan if before else {}
        candidate.perilaku_catatan = (
            notes
            if p.flagged_values is None
            else perilaku_catatan.with_flags(notes, p.flagged_values)
        )
        if before is None:
            new.append((p, candidate, person, None))
        elif _snapshot(before) != _snapshot(candidate):
            candidate.pk = before.pk
            changed.append((p, candidate, person, _snapshot(before)))
        else:
            report.unchanged += 1
    report.created += len(new)
    report.updated += len(changed)
    if not ctx.dry_run:
        _write(new, changed, periodes, ctx)


def _periode_for(key: col.PeriodeKey, ctx: ImportContext) -> Periode | None:
    """The period row, made on first sight (periods are a fixed calendar); a dry run only looks."""
    if key not in ctx.periodes:
        fields = {"tahun": key.tahun, "jenis": key.jenis, "nomor": key.nomor}
        if ctx.dry_run:
            ctx.periodes[key] = Periode.objects.filter(**fields).first()
        else:
            ctx.periodes[key] = Periode.objects.get_or_create(**fields)[0]
    return ctx.periodes[key]


def _people(parsed: list[ParsedRow]) -> dict[str, dict]:
    nips = {p.nip for p in parsed} | {p.penilai_nip for p in parsed if p.penilai_nip}
    rows = Pegawai.objects.filter(user__nip__in=nips).values(
        "id", "user__nip", "user__display_name", "pejabat_penilai_id", "unit__path"
    )
    return {row["user__nip"]: row for row in rows}


def _process_chunk_in_sql(
    parsed: list[ParsedRow], periodes: dict, ctx: ImportContext, report: Report
) -> None:
    evaluasi_sql.stage(
        (
            p.row,
            p.nip,
            periodes[p.periode].pk if periodes[p.periode] else None,
            p.hasil,
            p.perilaku,
            p.predikat_imported,
            p.penilai_nip,
            p.flagged_values,
        )
        for p in parsed
    )
    by_row = {p.row: p for p in parsed}
    excluded = []
    for number, path in evaluasi_sql.unresolved(ctx.scope.paths):
        person = None if path is None else {"unit__path": path}
        _in_scope(person, ctx, report, by_row[number])  # words the error
        excluded.append(number)
    if ctx.dry_run:
        counts = evaluasi_sql.upsert(excluded, None)
    else:
        counts = _write_in_sql(excluded, periodes, ctx)
    report.created += counts.created
    report.updated += counts.updated
    report.unchanged += counts.unchanged
    report.mismatches += counts.mismatches


def _write_in_sql(excluded: list[int], periodes: dict, ctx: ImportContext):
    """Inside the chunk's transaction (``run``)."""
    labels = {p.pk: p.label for p in periodes.values()}
    return evaluasi_sql.upsert(
        excluded,
        evaluasi_sql.Write(
            now=timezone.now(),
            source=ctx.source,
            job_id=ctx.job_id,
            user_id=ctx.user_id,
            log_uuid=str(ctx.log_uuid),
            periode_labels=labels,
        ),
    )


def _in_scope(person: dict | None, ctx: ImportContext, report: Report, p: RowRef) -> bool:
    # Two different fixes, so two messages: register the pegawai first, or ask the
    # pengelola of their unit (or a superuser to widen the scope). Issue #15.
    if person is None:
        # An unchecked NIP that is no pegawai's may not be a NIP at all: say that first.
        message = _nip_error(p.nip) if getattr(p, "nip_unchecked", False) else None
        if message:
            report.add_error(p.row, p.nip, message)
            return False
        report.add_error(p.row, p.nip, _("NIP %s tidak terdaftar sebagai pegawai.") % p.nip)
        return False
    if not ctx.scope.contains(person["unit__path"]):
        report.add_error(p.row, p.nip, _("NIP %s di luar unit yang Anda kelola.") % p.nip)
        return False
    return True


def _candidate(p: ParsedRow, person: dict, periode, people: dict, ctx: ImportContext) -> Evaluasi:
    predikat = predikat_for(p.hasil, p.perilaku)
    penilai = people.get(p.penilai_nip) if p.penilai_nip else None
    return Evaluasi(
        pegawai_id=person["id"],
        periode=periode,
        rating_hasil=p.hasil,
        rating_perilaku=p.perilaku,
        predikat=predikat,
        predikat_imported=p.predikat_imported,
        predikat_mismatch=p.predikat_imported is not None and p.predikat_imported != predikat,
        pejabat_penilai_id=penilai["id"] if penilai else person["pejabat_penilai_id"],
        source=ctx.source,
        import_job_id=ctx.job_id,
    )


def _snapshot(evaluasi: Evaluasi) -> dict:
    return {name: _plain(getattr(evaluasi, name)) for name in COMPARED_FIELDS}


def _plain(value: object) -> object:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _write(new: list, changed: list, periodes: dict, ctx: ImportContext) -> None:
    """Inside the chunk's transaction (``run``)."""
    now = timezone.now()
    created = Evaluasi.objects.bulk_create(
        [c for _, c, _, _ in new],
        update_conflicts=True,
        unique_fields=["pegawai", "periode"],
        update_fields=UPDATED_FIELDS,
    )
    for _p, candidate, _person, _before in changed:
        candidate.updated_at = now
    Evaluasi.objects.bulk_update([c for _, c, _, _ in changed], UPDATED_FIELDS)
    ModelLogEntry.objects.bulk_create(_log_entries(new, created, changed, now, ctx))


def _log_entries(new, created, changed, now, ctx: ImportContext) -> Iterator[ModelLogEntry]:
    """Audit entries as Wagtail's ``log()`` would write them, with before/after in ``data``."""
    content_type = ContentType.objects.get_for_model(Evaluasi)
    periode_labels = {p.pk: p.label for p in {c.periode for _r, c, _p, _b in new + changed}}
    pairs = [
        ("wagtail.create", row, saved, person, None)
        for (row, _c, person, _b), saved in zip(new, created, strict=True)
    ]
    pairs += [("wagtail.edit", row, c, person, before) for row, c, person, before in changed]
    for action, row, evaluasi, person, before in pairs:
        yield ModelLogEntry(
            content_type=content_type,
            object_id=str(evaluasi.pk),
            action=action,
            label=f"{person['user__display_name'] or row.nip} · "
            f"{periode_labels[evaluasi.periode_id]}",
            timestamp=now,
            uuid=ctx.log_uuid,
            user_id=ctx.user_id,
            content_changed=True,
            data=stamp(
                {
                    "before": before,
                    "after": _snapshot(evaluasi),
                    "import_job": ctx.job_id,
                    "baris": row.row,
                    "nip": row.nip,
                }
            ),
        )
