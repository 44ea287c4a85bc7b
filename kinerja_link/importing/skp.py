"""Upsert SKPs by (NIP, periode) from e-Kinerja's long format (see ``skp_columns``).

The file is the SKP as e-Kinerja holds it: RHK are matched by (jenis, text) and their
aspek rows by aspek, so a changed target is updated in place; RHK and aspek rows no longer
in the file are removed. An SKP whose state would not change is not written, so importing
the same file twice changes nothing. Every created or changed SKP gets an audit entry with
its state before and after. Counts in the report are SKPs; errors name file rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from competencies.models import Competency
from foundation.audit.stamping import stamp

from .. import events
from ..models import SKP, Pegawai, PerilakuEkspektasi, RencanaHasilKerja
from . import engine
from . import skp_columns as sc
from .readers import Table
from .skp_links import rhk_pimpinan_link
from .skp_rows import SkpDraft, gather
from .skp_state import desired_state, skp_write, state_of

SKP_CHUNK = 200


def missing_columns_message(table: Table) -> str | None:
    missing = sc.missing_required(sc.map_headers(table.headers))
    if not missing:
        return None
    return _("Kolom wajib tidak ditemukan: %(cols)s. Periksa baris judul berkas.") % {
        "cols": ", ".join(missing)
    }


def run(
    table: Table, ctx: engine.ImportContext, committed: engine.Report | None = None
) -> engine.Report:
    """Import whole SKPs, a chunk of them per transaction.

    ``ctx.on_progress`` runs inside each chunk's transaction, so the counts a job persists
    there commit with the SKPs they count. A job resumed after its worker died
    (``committed``) carries on after the last committed chunk with those counts, like the
    evaluation import: the SKPs the crashed run wrote are neither read nor counted again.
    """
    mapping = sc.map_headers(table.headers)
    report = committed or engine.Report()
    report.total = len(table.rows)
    # A resumed job's committed counts hold the reading errors already (they are committed
    # before the first chunk), unless it died before even that.
    read_before = committed is not None and (committed.processed > 0 or bool(committed.errors))
    drafts = gather(table, mapping, ctx, engine.Report() if read_before else report)
    unreadable = report.total - sum(len(d.rows) for d in drafts)
    done = report.processed if read_before else 0
    if not read_before:
        report.processed = unreadable
        with transaction.atomic():
            ctx.on_progress(report)
    present = set(mapping)
    written: list[int] = []
    resumed_after: list[SkpDraft] = []
    cumulative = unreadable
    for start in range(0, len(drafts), SKP_CHUNK):
        chunk = drafts[start : start + SKP_CHUNK]
        cumulative += sum(len(d.rows) for d in chunk)
        if cumulative <= done:
            resumed_after += chunk  # committed by the crashed run
            continue
        with transaction.atomic():
            written += _process_chunk(chunk, present, ctx, report)
            report.processed = cumulative
            ctx.on_progress(report)
    if not ctx.dry_run:
        _link_and_announce(written + _stored_ids(resumed_after))
    return report


def _link_and_announce(skp_ids: list[int]) -> None:
    """Leader links for the written SKPs (and those a crashed run wrote), then the event:
    evidence that waited for these SKPs reaches them at once (pembinaan listens)."""
    if not skp_ids:
        return
    rhk_pimpinan_link(skp_ids=skp_ids)
    pegawai_ids = SKP.objects.filter(pk__in=skp_ids).values_list("pegawai_id", flat=True)
    events.announce_skps_changed(pegawai_ids=sorted(set(pegawai_ids)))


def _stored_ids(drafts: list[SkpDraft]) -> list[int]:
    """The stored SKPs of these drafts (those a crashed run committed), one query."""
    wanted = Q()
    for draft in drafts:
        key = draft.periode
        wanted |= Q(
            pegawai__user__nip=draft.nip,
            periode__tahun=key.tahun,
            periode__jenis=key.jenis,
            periode__nomor=key.nomor,
        )
    return list(SKP.objects.filter(wanted).values_list("pk", flat=True)) if drafts else []


def _process_chunk(
    drafts: list[SkpDraft], present: set[str], ctx: engine.ImportContext, report: engine.Report
) -> list[int]:
    for draft in drafts:
        if draft.failed:
            report.add_error(
                draft.row, draft.nip, _("SKP ini tidak diimpor: perbaiki baris bermasalahnya.")
            )
    usable = [d for d in drafts if not d.failed]
    periodes = {d.periode: engine._periode_for(d.periode, ctx) for d in usable}
    people = _people(usable)
    in_scope = [d for d in usable if engine._in_scope(people.get(d.nip), ctx, report, d)]
    existing = _existing(in_scope, people, periodes)
    values = {v.code: v for v in Competency.objects.values_berakhlak()}
    entries = []
    # A chunk's SKPs and their audit entries commit together: a crash loses the chunk,
    # never an entry, and a rerun writes what is still different.
    with transaction.atomic():
        for draft in in_scope:
            periode = periodes[draft.periode]
            before = existing.get((people[draft.nip]["id"], periode.pk if periode else None))
            outcome = _upsert(draft, people, periode, before, present, values, ctx, report)
            if outcome is not None:
                entries.append(outcome)
        if entries:
            ModelLogEntry.objects.bulk_create(_log_entries(entries, ctx))
    return [entry[0].pk for entry in entries]


def _upsert(draft, people, periode, before, present, values, ctx, report) -> tuple | None:
    """Create or update one SKP; returns (skp, draft, before, after, audit label) if written."""
    try:
        wanted = desired_state(draft, people, before, present)
    except ValueError as exc:
        report.add_error(draft.row, draft.nip, str(exc))
        return None
    old = state_of(before) if before is not None else None
    if old == wanted:
        report.unchanged += 1
        return None
    if before is None:
        report.created += 1
    else:
        report.updated += 1
    if ctx.dry_run:
        return None
    skp = skp_write(
        before, pegawai_id=people[draft.nip]["id"], periode=periode, state=wanted, values=values
    )
    name = people[draft.nip]["user__display_name"] or draft.nip
    return skp, draft, old, wanted, f"SKP {draft.periode.tahun} · {name}"


def _people(drafts: list[SkpDraft]) -> dict[str, dict[str, Any]]:
    nips = {d.nip for d in drafts}
    nips |= {d.fields[f] for d in drafts for f in (sc.PENILAI_NIP, sc.ATASAN_NIP) if f in d.fields}
    rows: Iterable[Mapping[str, Any]] = Pegawai.objects.filter(user__nip__in=nips).values(
        "id",
        "user__nip",
        "user__display_name",
        "pejabat_penilai_id",
        "atasan_pejabat_penilai_id",
        "unit__path",
    )
    return {row["user__nip"]: dict(row) for row in rows}


def _existing(drafts: list[SkpDraft], people: dict, periodes: dict) -> dict[tuple, SKP]:
    pegawai_ids = {people[d.nip]["id"] for d in drafts}
    periode_ids = {periodes[d.periode].pk for d in drafts if periodes[d.periode] is not None}
    if not pegawai_ids or not periode_ids:
        return {}
    rhk = RencanaHasilKerja.objects.prefetch_related("aspek_rows")
    perilaku = PerilakuEkspektasi.objects.select_related("nilai")
    queryset = SKP.objects.filter(pegawai_id__in=pegawai_ids, periode_id__in=periode_ids)
    queryset = queryset.prefetch_related(
        Prefetch("rhk", queryset=rhk), Prefetch("perilaku", queryset=perilaku)
    )
    return {(s.pegawai_id, s.periode_id): s for s in queryset}


def _log_entries(entries: list[tuple], ctx: engine.ImportContext) -> Iterator[ModelLogEntry]:
    """Audit entries as Wagtail's ``log()`` would write them, with before/after in ``data``."""
    content_type = ContentType.objects.get_for_model(SKP)
    now = timezone.now()
    for skp, draft, before, after, label in entries:
        yield ModelLogEntry(
            content_type=content_type,
            object_id=str(skp.pk),
            action="wagtail.create" if before is None else "wagtail.edit",
            label=label,
            timestamp=now,
            uuid=ctx.log_uuid,
            user_id=ctx.user_id,
            content_changed=True,
            data=stamp(
                {
                    "before": before,
                    "after": after,
                    "import_job": ctx.job_id,
                    "baris": draft.row,
                    "nip": draft.nip,
                }
            ),
        )
