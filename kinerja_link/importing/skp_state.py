"""An SKP's state as one comparable dict, what a file wants it to be, and the write.

The dict is what the import compares (unchanged SKPs are not written) and what the audit
entry records before and after. Pegawai are named by id, not NIP, so the audit trail
holds no more personal data than the records it describes.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from competencies.models import Competency

from ..models import (
    SKP,
    IndikatorRHK,
    Pendekatan,
    PerilakuEkspektasi,
    Periode,
    RencanaHasilKerja,
    StatusSKP,
)
from . import skp_columns as sc
from .columns import BERAKHLAK
from .skp_rows import ASPEK_ORDER, SkpDraft

LAMPIRAN_FIELDS = sc.LAMPIRAN  # the column keys are the model's field names


def state_of(skp: SKP) -> dict[str, Any]:
    """The stored SKP (with ``rhk__aspek_rows`` and ``perilaku__nilai`` prefetched)."""
    return {
        "pejabat_penilai": skp.pejabat_penilai_id,
        "atasan_pejabat_penilai": skp.atasan_pejabat_penilai_id,
        "pendekatan": skp.pendekatan,
        "status": skp.status,
        **{name: getattr(skp, name) for name in LAMPIRAN_FIELDS},
        "perilaku": {p.nilai.code: p.ekspektasi for p in skp.perilaku.all()},
        "rhk": [
            {
                "jenis": r.jenis,
                "rhk": r.rhk,
                "rhk_pimpinan": r.rhk_pimpinan,
                "aspek": [[a.aspek, a.indikator, a.target] for a in r.aspek_rows.all()],
            }
            for r in skp.rhk.all()
        ],
    }


def desired_state(
    draft: SkpDraft, people: dict[str, dict], before: SKP | None, present: set[str]
) -> dict[str, Any]:
    """What the file says. A column the file lacks keeps the stored value (or, for a new
    SKP, the pegawai's own pejabat penilai and atasan). Raises ValueError for a penilai
    or atasan NIP that is not a pegawai."""
    person = people[draft.nip]
    old = state_of(before) if before is not None else None
    return {
        "pejabat_penilai": _person(draft, people, sc.PENILAI_NIP, old, person, "pejabat_penilai"),
        "atasan_pejabat_penilai": _person(
            draft, people, sc.ATASAN_NIP, old, person, "atasan_pejabat_penilai"
        ),
        "pendekatan": _kept(draft, sc.PENDEKATAN, old, "pendekatan", Pendekatan.KUANTITATIF),
        "status": _kept(draft, sc.STATUS, old, "status", StatusSKP.KONSEP),
        **{
            name: draft.fields.get(name, "") if name in present else (old or {}).get(name, "")
            for name in LAMPIRAN_FIELDS
        },
        "perilaku": _perilaku(draft, old, present),
        "rhk": [
            {
                "jenis": r.jenis,
                "rhk": r.rhk,
                "rhk_pimpinan": r.rhk_pimpinan,
                "aspek": [
                    [aspek, *r.aspek[aspek][:2]] for aspek in ASPEK_ORDER if aspek in r.aspek
                ],
            }
            for r in draft.rhk_in_order()
        ],
    }


def _person(draft, people, column, old, person, name) -> int | None:
    nip = draft.fields.get(column)
    if nip is None:
        return old[name] if old is not None else person[f"{name}_id"]
    if nip not in people:
        raise ValueError(
            _("%(col)s %(nip)s tidak terdaftar sebagai pegawai.")
            % {"col": sc.LABELS[column], "nip": nip}
        )
    return people[nip]["id"]


def _kept(draft: SkpDraft, column: str, old: dict | None, name: str, default: str) -> str:
    if column in draft.fields:
        return draft.fields[column]
    return old[name] if old is not None else default


def _perilaku(draft: SkpDraft, old: dict | None, present: set[str]) -> dict[str, str]:
    columns = {code: sc.ekspektasi_field(code) for code in BERAKHLAK}
    if not present & set(columns.values()):
        return old["perilaku"] if old is not None else dict.fromkeys(BERAKHLAK, "")
    return {code: draft.fields.get(column, "") for code, column in columns.items()}


def skp_write(
    before: SKP | None,
    *,
    pegawai_id: int,
    periode: Periode,
    state: dict[str, Any],
    values: dict[str, Competency],
) -> SKP:
    """Bring the SKP to ``state``, touching only rows that differ (ids stay stable)."""
    skp = before or SKP(pegawai_id=pegawai_id, periode=periode)
    skp.pejabat_penilai_id = state["pejabat_penilai"]
    skp.atasan_pejabat_penilai_id = state["atasan_pejabat_penilai"]
    skp.pendekatan, skp.status = state["pendekatan"], state["status"]
    for name in LAMPIRAN_FIELDS:
        setattr(skp, name, state[name])
    skp.save()
    _sync_rhk(skp, state["rhk"], list(before.rhk.all()) if before else [])
    _sync_perilaku(skp, state["perilaku"], list(before.perilaku.all()) if before else [], values)
    return skp


def _sync_rhk(skp: SKP, wanted: list[dict], existing: list[RencanaHasilKerja]) -> None:
    by_key = {(r.jenis, r.rhk): r for r in existing}
    for order, item in enumerate(wanted):
        rhk = by_key.pop((item["jenis"], item["rhk"]), None)
        rows = list(rhk.aspek_rows.all()) if rhk else []
        if rhk is None:
            rhk = RencanaHasilKerja(skp_id=skp.pk, jenis=item["jenis"], rhk=item["rhk"])
        if rhk.pk is None or (rhk.rhk_pimpinan, rhk.sort_order) != (item["rhk_pimpinan"], order):
            rhk.rhk_pimpinan, rhk.sort_order = item["rhk_pimpinan"], order
            rhk.save()
        _sync_aspek(rhk, item["aspek"], rows)
    RencanaHasilKerja.objects.filter(pk__in=[r.pk for r in by_key.values()]).delete()


def _sync_aspek(rhk: RencanaHasilKerja, wanted: list[list[str]], existing: list) -> None:
    by_aspek = {row.aspek: row for row in existing}
    for aspek, indikator, target in wanted:
        row = by_aspek.pop(aspek, None) or IndikatorRHK(rhk_id=rhk.pk, aspek=aspek)
        order = ASPEK_ORDER.index(aspek)
        if row.pk is None or (row.indikator, row.target, row.sort_order) != (
            indikator,
            target,
            order,
        ):
            row.indikator, row.target, row.sort_order = indikator, target, order
            row.save()
    IndikatorRHK.objects.filter(pk__in=[row.pk for row in by_aspek.values()]).delete()


def _sync_perilaku(
    skp: SKP, wanted: dict[str, str], existing: list[PerilakuEkspektasi], values: dict
) -> None:
    by_code = {p.nilai.code: p for p in existing}
    for order, (code, nilai) in enumerate(values.items()):
        text = wanted.get(code, "")
        row = by_code.get(code) or PerilakuEkspektasi(skp_id=skp.pk, nilai=nilai)
        if row.pk is None or row.ekspektasi != text:
            row.ekspektasi, row.sort_order = text, order
            row.save()
