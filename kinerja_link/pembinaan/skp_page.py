"""What the SKP page shows of the evidence: per BerAKHLAK value, per RHK, competency
progress and the chart of the seven values. Four queries, whatever the amount of evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from competencies.models import Competency
from learning.selectors import jp_between

from ..models import SKP, Pegawai
from .models import CompetencyProgress, SkpEvidence


@dataclass
class ValueEvidence:
    """One BerAKHLAK value with the evidence on the SKP that supports it."""

    value: Competency
    evidence: list[SkpEvidence] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.evidence)

    @property
    def jp(self) -> Decimal:
        return sum((e.jp for e in self.evidence), Decimal(0))


def skp_evidence_context(*, pegawai: Pegawai, skp: SKP | None) -> dict:
    """Evidence of ``skp`` grouped per value and per RHK (each RHK of ``skp.rhk.all()``
    gets ``.bukti``), and the pegawai's competency progress."""
    evidence = _evidence_of(skp) if skp else []
    values = [ValueEvidence(value) for value in Competency.objects.values_berakhlak()]
    by_value = {row.value.pk: row for row in values}
    by_rhk: dict[int, list[SkpEvidence]] = {}
    for item in evidence:
        for value in item.values.all():
            if value.pk in by_value:
                by_value[value.pk].evidence.append(item)
        if item.rhk_id:
            by_rhk.setdefault(item.rhk_id, []).append(item)
    rhk_list = list(skp.rhk.all()) if skp else []
    for rhk in rhk_list:  # the prefetched instances the template iterates over
        rhk.bukti = by_rhk.get(rhk.pk, [])
    progress = (
        CompetencyProgress.objects.filter(pegawai=pegawai)
        .select_related("competency")
        .order_by("competency__kind", "competency__sort_order", "competency__code")
    )
    return {
        "evidence_list": evidence,
        "evidence_by_value": values,
        "evidence_jp": sum((e.jp for e in evidence), Decimal(0)),
        # The ledger's JP for the SKP's periode: the figure Belajar Saya shows for the year.
        "skp_jp": (
            jp_between(
                user_id=pegawai.user_id, start=skp.periode.start_date, end=skp.periode.end_date
            )
            if skp
            else Decimal(0)
        ),
        "rhk_choices": rhk_list,
        "competency_progress": list(progress),
    }


def _evidence_of(skp: SKP) -> list[SkpEvidence]:
    return list(
        SkpEvidence.objects.filter(skp=skp)
        .select_related("certificate", "session", "rhk", "learning_record")
        .prefetch_related(Prefetch("values", queryset=Competency.objects.order_by("sort_order")))
    )
