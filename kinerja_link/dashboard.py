"""What the pengelola's dashboard shows, for the units they manage (``kinerja_link.scope``).

A fixed number of queries whatever the size of the organisation: one aggregate for the
periods, one for the units, one short list of pegawai without an SKP, and learning's count
of JP records waiting for verification.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, Max, OuterRef, Q

from learning.selectors import pending_records

from .models import SKP, Evaluasi, ImportJob, Pegawai, Periode
from .scope import Scope, scope_for

if TYPE_CHECKING:
    from accounts.models import User

# Names listed under "without an SKP"; the per-unit table carries every count.
MISSING_SKP_SHOWN = 20


@dataclass(frozen=True)
class PeriodeRow:
    periode: Periode
    evaluasi: int
    last_change: Any
    last_job: ImportJob | None


@dataclass(frozen=True)
class UnitRow:
    nama: str
    kode: str
    depth: int
    pegawai: int
    dinilai: int
    tanpa_skp: int

    @property
    def belum_dinilai(self) -> int:
        return self.pegawai - self.dinilai


def pengelola_dashboard(*, user: User, periode_id: int | None = None) -> dict[str, Any] | None:
    """The dashboard's figures; None for someone who manages no unit."""
    scope = scope_for(user)
    if scope is None:
        return None
    periodes = _periode_rows(scope)
    chosen = next((r.periode for r in periodes if r.periode.pk == periode_id), None)
    if chosen is None and periodes:
        chosen = periodes[0].periode
    units = _unit_rows(scope, chosen) if chosen else []
    return {
        "periodes": periodes,
        "periode": chosen,
        "units": units,
        "tanpa_skp_total": sum(u.tanpa_skp for u in units),
        "tanpa_skp": _missing_skp(scope, chosen.tahun) if chosen else [],
        "jp_pending": pending_records(pengelola=user).count(),
    }


def _periode_rows(scope: Scope) -> list[PeriodeRow]:
    evaluasi = scope.filter(Evaluasi.objects.all(), "pegawai__unit__path")
    figures = list(
        evaluasi.values("periode_id")
        .annotate(jumlah=Count("pk"), terakhir=Max("updated_at"), job_id=Max("import_job_id"))
        .order_by()
    )
    periodes = Periode.objects.in_bulk([f["periode_id"] for f in figures])
    jobs = ImportJob.objects.select_related("created_by").in_bulk(
        [f["job_id"] for f in figures if f["job_id"]]
    )
    rows = [
        PeriodeRow(periodes[f["periode_id"]], f["jumlah"], f["terakhir"], jobs.get(f["job_id"]))
        for f in figures
    ]
    # Periode's own ordering: the latest year first.
    return sorted(rows, key=lambda r: (-r.periode.tahun, r.periode.jenis, -r.periode.nomor))


def _active_in_scope(scope: Scope, tahun: int) -> Any:
    return scope.filter(Pegawai.objects.active()).annotate(
        has_skp=Exists(SKP.objects.filter(pegawai=OuterRef("pk"), periode__tahun=tahun))
    )


def _unit_rows(scope: Scope, periode: Periode) -> list[UnitRow]:
    rated = Evaluasi.objects.filter(pegawai=OuterRef("pk"), periode=periode)
    figures = (
        _active_in_scope(scope, periode.tahun)
        .annotate(rated=Exists(rated))
        .values("unit__nama", "unit__kode", "unit__depth", "unit__path")
        .annotate(
            pegawai=Count("pk"),
            dinilai=Count("pk", filter=Q(rated=True)),
            tanpa_skp=Count("pk", filter=Q(has_skp=False)),
        )
        .order_by("unit__path")
    )
    return [
        UnitRow(
            f["unit__nama"],
            f["unit__kode"],
            f["unit__depth"],
            f["pegawai"],
            f["dinilai"],
            f["tanpa_skp"],
        )
        for f in figures
    ]


def _missing_skp(scope: Scope, tahun: int) -> list[Pegawai]:
    return list(
        _active_in_scope(scope, tahun)
        .filter(has_skp=False)
        .select_related("user", "unit")
        .order_by("unit__path", "user__display_name")[:MISSING_SKP_SHOWN]
    )
