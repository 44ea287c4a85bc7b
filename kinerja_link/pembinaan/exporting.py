"""Pembinaan's part of the export back to e-Kinerja (``kinerja_link.exporting``): the
``ringkasanPembinaan`` of each evaluation (what was recommended and assigned after it) and
the "Bukti dukung" sheet (the evidence on each pegawai's annual SKP, with its certificate
number and link)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from competencies.models import Competency
from kinerja_link.exporting import EVIDENCE_HEADERS
from kinerja_link.models import JenisPeriode, Periode, UnitKerja

from .models import Assignment, Recommendation, RecommendationStatus, SkpEvidence


def follow_ups_for(*, periode: Periode, evaluasi_ids: list[int]) -> dict[int, list[str]]:
    """Per evaluation, what was actually done about it: the recommendations still standing
    (not dismissed, not yet turned into an assignment), then the courses assigned because
    of it, each with its status. Two queries, whatever the number of evaluations."""
    assignments = list(
        Assignment.objects.filter(
            Q(evaluasi__in=evaluasi_ids) | Q(recommendation__evaluasi__in=evaluasi_ids)
        )
        .select_related("course", "recommendation")
        .order_by("created_at", "pk")
    )
    turned_into_assignment = {a.recommendation_id for a in assignments}
    recommendations = (
        Recommendation.objects.filter(evaluasi__in=evaluasi_ids)
        .exclude(status=RecommendationStatus.DISMISSED)
        .exclude(pk__in=[pk for pk in turned_into_assignment if pk])
        .select_related("course")
        .order_by("priority", "created_at", "pk")
    )
    result: dict[int, list[str]] = {}
    for r in recommendations:
        what = r.course.title if r.course else r.get_session_kind_display()
        text = _("direkomendasikan: %(what)s (%(status)s)")
        result.setdefault(r.evaluasi_id, []).append(
            text % {"what": what, "status": r.get_status_display().lower()}
        )
    for a in assignments:
        evaluasi_id = a.evaluasi_id or (a.recommendation.evaluasi_id if a.recommendation else 0)
        text = _("ditugaskan: %(course)s (%(status)s)")
        result.setdefault(evaluasi_id, []).append(
            text % {"course": a.course.title, "status": a.get_status_display().lower()}
        )
    return result


def evidence_rows(*, periode: Periode, unit: UnitKerja) -> Iterator[Sequence[object]]:
    """Header, then one row per bukti dukung on the annual SKP of ``periode.tahun`` of each
    active pegawai in the unit subtree (the whole year, as the Riwayat Kursus rows)."""
    evidence = (
        SkpEvidence.objects.filter(
            skp__periode__jenis=JenisPeriode.TAHUNAN,
            skp__periode__tahun=periode.tahun,
            skp__pegawai__is_active=True,
            skp__pegawai__unit__path__startswith=unit.path,
        )
        .select_related(
            "skp__pegawai__user",
            "skp__pegawai__unit",
            "certificate",
            "session",
            "rhk",
            "learning_record",
        )
        .prefetch_related(Prefetch("values", queryset=Competency.objects.order_by("sort_order")))
        .order_by("skp__pegawai__unit__path", "skp__pegawai__user__nip", "date", "pk")
    )
    yield EVIDENCE_HEADERS
    for e in evidence:
        person = e.skp.pegawai
        yield [
            person.nip,
            person.nama,
            person.unit.nama,
            periode.tahun,
            e.get_kind_display(),
            e.session.get_kind_display() if e.session else "",
            e.title,
            f"{e.date:%d-%m-%Y}",
            e.jp,
            "; ".join(v.name for v in e.values.all()),
            e.rhk.rhk if e.rhk else "",
            _certificate_number(e),
            _certificate_link(e),
        ]


def _certificate_number(evidence: SkpEvidence) -> str:
    if evidence.certificate:
        return evidence.certificate.number
    return evidence.learning_record.certificate_number if evidence.learning_record else ""


def _certificate_link(evidence: SkpEvidence) -> str:
    if not evidence.certificate:
        return ""
    path = reverse("learning:certificate_verify", kwargs={"uuid": evidence.certificate.uuid})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
