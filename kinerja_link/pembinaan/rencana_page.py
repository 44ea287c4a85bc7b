"""Reads for the rencana aksi on the SKP page, the rencana aksi page and Tim Saya's
pengamatan, each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet

from ..models import SKP, JenisPeriode, RencanaHasilKerja
from .models import (
    BuktiDukung,
    RencanaAksi,
    RencanaAksiKomentar,
    RencanaAksiStatus,
    SkpEvidence,
)
from .rencana_aksi import Access, access_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def _rencana() -> QuerySet[RencanaAksi]:
    return RencanaAksi.objects.annotate(
        bukti_count=Count("bukti", distinct=True),
        komentar_count=Count("komentar", distinct=True),
    ).order_by("target_date", "pk")


def skp_rencana_context(*, user: User | AnonymousUser, skp: SKP, as_staff: bool) -> dict[str, Any]:
    """What the SKP page shows under each RHK: its rencana aksi and the learning and
    coaching evidence offered for it. Three queries (access aside), whatever the amount."""
    access = access_for(user, skp, as_staff=as_staff)
    if access is None:  # the page itself already refused; nothing to add
        return {}
    rhk_list = list(skp.rhk.all())
    by_rhk: dict[int | None, list[RencanaAksi]] = defaultdict(list)
    for rencana in _rencana().filter(skp=skp):
        by_rhk[rencana.rhk_id].append(rencana)
    evidence_by_rhk: dict[int | None, list[SkpEvidence]] = defaultdict(list)
    for item in SkpEvidence.objects.filter(skp=skp).select_related(
        "certificate", "session", "learning_record"
    ):
        evidence_by_rhk[item.rhk_id].append(item)
    for rhk in rhk_list:
        rhk.rencana_list = by_rhk.get(rhk.pk, [])
        rhk.bukti_pembelajaran = evidence_by_rhk.get(rhk.pk, [])
    return {
        "rencana_section": True,
        "rencana_access": access.value,
        "rencana_rhk": rhk_list,
        "rencana_umum": by_rhk.get(None, []),
        "bukti_umum": evidence_by_rhk.get(None, []),
        "rencana_can_write": access is Access.OWNER,
    }


def rencana_aksi_visible(
    user: User | AnonymousUser, pk: int, *, as_staff: bool
) -> tuple[RencanaAksi, Access] | None:
    """One rencana aksi with its dialog and bukti, and how ``user`` stands to it; None for
    anyone who may not see it (the same 404 as a missing one)."""
    rencana = (
        RencanaAksi.objects.filter(pk=pk)
        .select_related(
            "skp__periode",
            "skp__pegawai__user",
            "skp__pegawai__unit",
            "skp__pegawai__pejabat_penilai",
            "skp__pejabat_penilai",
            "rhk",
            "decided_by",
        )
        .prefetch_related(
            Prefetch(
                "komentar",
                queryset=RencanaAksiKomentar.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch("bukti", queryset=BuktiDukung.objects.order_by("created_at", "pk")),
        )
        .first()
    )
    if rencana is None:
        return None
    access = access_for(user, rencana.skp, as_staff=as_staff)
    if access is None:
        return None
    return rencana, access


def bukti_visible(
    user: User | AnonymousUser, pk: int, *, as_staff: bool
) -> tuple[BuktiDukung, Access] | None:
    bukti = (
        BuktiDukung.objects.filter(pk=pk)
        .select_related("rencana_aksi__skp__pegawai__unit", "rencana_aksi__skp__pejabat_penilai")
        .first()
    )
    if bukti is None:
        return None
    access = access_for(user, bukti.rencana_aksi.skp, as_staff=as_staff)
    return (bukti, access) if access is not None else None


# --- Tim Saya's pengamatan --------------------------------------------------------------------


@dataclass(frozen=True)
class Pengamatan:
    """One member's rencana aksi and realisasi on their SKP of the year."""

    skp_id: int | None = None
    total: int = 0
    disetujui: int = 0
    menunggu: int = 0
    perbaikan: int = 0
    rhk_total: int = 0
    rhk_with_bukti: int = 0

    @property
    def rhk_without_bukti(self) -> int:
        return self.rhk_total - self.rhk_with_bukti


def pengamatan_for(pegawai_ids: list[int], *, year: int) -> dict[int, Pengamatan]:
    """Per pegawai: counts of rencana aksi by status and RHK with/without bukti dukung on
    their annual SKP of ``year``. Two queries for any number of pegawai.

    An RHK "has bukti dukung" when one of its rencana aksi has a file or link, or
    learning/coaching evidence is linked to it."""
    skps = _skp_counts(pegawai_ids, year=year)
    with_bukti = _rhk_with_bukti([row[0] for row in skps])
    return {
        pegawai_id: Pengamatan(
            skp_id=pk,
            total=total,
            disetujui=disetujui,
            menunggu=menunggu,
            perbaikan=perbaikan,
            rhk_total=rhk_total,
            rhk_with_bukti=with_bukti.get(pk, 0),
        )
        for pk, pegawai_id, total, disetujui, menunggu, perbaikan, rhk_total in skps
    }


def _status_count(status: str) -> Count:
    return Count("rencana_aksi", filter=Q(rencana_aksi__status=status), distinct=True)


def _skp_counts(pegawai_ids: list[int], *, year: int) -> list[tuple[int, ...]]:
    return list(
        SKP.objects.filter(
            pegawai_id__in=pegawai_ids,
            periode__jenis=JenisPeriode.TAHUNAN,
            periode__tahun=year,
        )
        .annotate(
            ra_total=Count("rencana_aksi", distinct=True),
            ra_disetujui=_status_count(RencanaAksiStatus.DISETUJUI),
            ra_menunggu=_status_count(RencanaAksiStatus.DIAJUKAN),
            ra_perbaikan=_status_count(RencanaAksiStatus.PERBAIKAN),
            rhk_total=Count("rhk", distinct=True),
        )
        .values_list(
            "pk",
            "pegawai_id",
            "ra_total",
            "ra_disetujui",
            "ra_menunggu",
            "ra_perbaikan",
            "rhk_total",
        )
    )


def _rhk_with_bukti(skp_ids: list[int]) -> dict[int, int]:
    with_bukti: dict[int, int] = defaultdict(int)
    rhk_rows = (
        RencanaHasilKerja.objects.filter(skp_id__in=skp_ids)
        .filter(Q(rencana_aksi__bukti__isnull=False) | Q(evidence__isnull=False))
        .values_list("skp_id", "pk")
        .distinct()
    )
    for skp_id, _rhk_id in rhk_rows:
        with_bukti[skp_id] += 1
    return with_bukti
