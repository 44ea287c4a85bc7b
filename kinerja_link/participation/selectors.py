"""Reads of participation: the IKM per service, unit and periode, published feedback, and
the figures the transparency page shows. Aggregates are one ``GROUP BY`` each."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from kinerja_link.models import Pegawai, UnitKerja

from .ikm import Ikm, ikm_from_sums
from .models import ELEMENT_FIELDS, FeedbackStatus, Layanan, PublicFeedback, SurveyResponse


def periode_of(moment: datetime.datetime | None = None) -> str:
    """The calendar quarter of ``moment`` (local time): ``"2026-T4"``."""
    day = timezone.localdate(moment or timezone.now())
    return f"{day.year}-T{(day.month - 1) // 3 + 1}"


def periode_label(periode: str) -> str:
    year, quarter = periode.split("-T")
    return f"Triwulan {quarter} {year}"


def _aggregate(queryset: QuerySet[SurveyResponse], *group: str) -> list[dict]:
    return list(
        queryset.values(*group)
        .annotate(n=Count("pk"), **{f"sum_{code}": Sum(code) for code in ELEMENT_FIELDS})
        .order_by(*group)
    )


def _ikm(row: dict) -> Ikm | None:
    return ikm_from_sums(row["n"], {code: row[f"sum_{code}"] for code in ELEMENT_FIELDS})


def ikm_of(responses: QuerySet[SurveyResponse]) -> Ikm | None:
    """One aggregate statement over ``responses``."""
    row = responses.order_by().aggregate(
        n=Count("pk"), **{f"sum_{code}": Sum(code) for code in ELEMENT_FIELDS}
    )
    return _ikm(row) if row["n"] else None


def ikm_trend(responses: QuerySet[SurveyResponse]) -> list[tuple[str, Ikm]]:
    """(periode, IKM) in time order, one statement."""
    out = []
    for row in _aggregate(responses, "periode"):
        ikm = _ikm(row)
        if ikm is not None:
            out.append((row["periode"], ikm))
    return out


def ikm_by_layanan(layanan_ids: list[int], *, periode_prefix: str = "") -> dict[int, Ikm]:
    responses = SurveyResponse.objects.filter(layanan_id__in=layanan_ids)
    if periode_prefix:
        responses = responses.filter(periode__startswith=periode_prefix)
    result = {}
    for row in _aggregate(responses, "layanan_id"):
        ikm = _ikm(row)
        if ikm is not None:
            result[row["layanan_id"]] = ikm
    return result


def responses_of_unit(unit: UnitKerja) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(layanan__unit=unit)


def active_layanan() -> QuerySet[Layanan]:
    return (
        Layanan.objects.filter(is_active=True).select_related("unit").order_by("unit__path", "nama")
    )


def published_feedback(**target) -> QuerySet[PublicFeedback]:
    """Approved feedback on a target (``layanan=`` or ``article_id=``), for the public: the
    caller shows kind, date, text and answer, never the sender's e-mail."""
    return (
        PublicFeedback.objects.filter(status=FeedbackStatus.APPROVED, **target)
        .only("kind", "submitted_at", "text", "answer", "answered_at")
        .order_by("-submitted_at", "-pk")
    )


def feedback_answered_count(*, year: int) -> int:
    return (
        PublicFeedback.objects.filter(status=FeedbackStatus.APPROVED, answered_at__year=year)
        .exclude(answer="")
        .count()
    )


def unit_pimpinan_user_ids(unit_id: int) -> list[int]:
    """Who leads a unit: its active pegawai who are pejabat penilai of someone there, else
    its JPT/administrator officials."""
    active = Pegawai.objects.active().filter(unit_id=unit_id)
    ids = list(
        active.filter(pk__in=Pegawai.objects.active().values("pejabat_penilai")).values_list(
            "user_id", flat=True
        )
    )
    if not ids:
        ids = list(
            active.filter(jenis_jabatan__in=("jpt", "administrator")).values_list(
                "user_id", flat=True
            )
        )
    return sorted(set(ids))


@dataclass(frozen=True)
class PublicFigures:
    """What the transparency page shows of participation in a year."""

    respondents: int
    ikm: Ikm | None
    feedback_answered: int


def public_figures(*, year: int) -> PublicFigures:
    responses = SurveyResponse.objects.filter(periode__startswith=f"{year}-")
    ikm = ikm_of(responses)
    return PublicFigures(
        respondents=ikm.respondents if ikm else 0,
        ikm=ikm,
        feedback_answered=feedback_answered_count(year=year),
    )
