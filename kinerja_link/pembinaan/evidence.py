"""Back to the SKP: finished learning becomes bukti dukung on the pegawai's SKP, and
competency progress is recomputed from all of a pegawai's evidence (issue 7, item 7).

Flow: learning sends ``course_completed`` after its transaction commits; the receiver in
``evidence_receivers`` enqueues ``tasks.skp_evidence_from_learning_record_task`` with the
LearningRecord id; the task calls :func:`evidence_from_learning_record`.

Which SKP: the pegawai's annual SKP of the year the learning ended. When there is none
the evidence *waits*: no SKP konsep is invented (an SKP is agreed in a dialog kinerja, not
made up by a machine). :func:`evidence_attach_pending` attaches a person's waiting records
at once when their SKP is saved or a pengelola verifies (or a revocation rejects) their
records — both announced by events, see ``receivers`` — and hourly for everyone as a repair.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from competencies.models import CompetencyKind
from learning.models import (
    Certificate,
    CourseCompetency,
    LearningRecord,
    LearningRecordSource,
    VerificationStatus,
)

from ..models import SKP, JenisPeriode, Pegawai, RencanaHasilKerja
from .models import (
    Assignment,
    AssignmentStatus,
    CompetencyProgress,
    EvidenceKind,
    PembinaanSession,
    SkpEvidence,
)

if TYPE_CHECKING:
    from accounts.models import User

PROGRESS_CHUNK = 500


def values_taught(course_ids: Iterable[int]) -> dict[int, set[int]]:
    """BerAKHLAK value ids each course teaches: a value itself, or the value a guide
    (panduan perilaku) belongs to. One query."""
    rows = CourseCompetency.objects.filter(
        course_id__in=list(course_ids),
        competency__kind__in=[CompetencyKind.BERAKHLAK_VALUE, CompetencyKind.BERAKHLAK_GUIDE],
    ).values_list("course_id", "competency_id", "competency__kind", "competency__parent_id")
    result: dict[int, set[int]] = defaultdict(set)
    for course_id, competency_id, kind, parent_id in rows:
        result[course_id].add(
            competency_id if kind == CompetencyKind.BERAKHLAK_VALUE else parent_id
        )
    return dict(result)


def skp_for(*, pegawai_id: int, year: int) -> SKP | None:
    """The pegawai's annual SKP for ``year``, if one exists."""
    skp: SKP | None = SKP.objects.filter(
        pegawai_id=pegawai_id, periode__jenis=JenisPeriode.TAHUNAN, periode__tahun=year
    ).first()
    return skp


def assignment_for(*, pegawai_id: int, course_id: int, since: datetime.date) -> Assignment | None:
    """The assignment this completion answers: the open one for the course, else the one
    completed on or after the learning started (the assignment branch may close it first)."""
    candidates = Assignment.objects.filter(pegawai_id=pegawai_id, course_id=course_id).filter(
        Q(status__in=AssignmentStatus.open_values())
        | Q(status=AssignmentStatus.COMPLETED, completed_at__date__gte=since)
    )
    # Open first, then the most recently completed.
    return min(
        candidates,
        key=lambda a: (not a.is_open, -(a.completed_at.timestamp() if a.completed_at else 0)),
        default=None,
    )


@transaction.atomic
def evidence_from_learning_record(
    *, learning_record_id: int, refresh_progress: bool = True
) -> SkpEvidence | None:
    """Add the SkpEvidence for one verified learning record (course or external training).

    Idempotent: the evidence is one-to-one with its learning record, so a second call (a
    second delivery of the event, the sweep) returns the existing row. Returns None when
    there is nothing to attach yet: record not verified, user without a Pegawai, no SKP
    for the year. Coaching records are left to the session's own evidence.
    """
    record = (
        LearningRecord.objects.select_related("enrolment").filter(pk=learning_record_id).first()
    )
    if record is None or record.source == LearningRecordSource.COACHING:
        return None
    existing = SkpEvidence.objects.filter(learning_record=record).first()
    if existing is not None or record.verification_status != VerificationStatus.VERIFIED:
        return existing
    pegawai_id = Pegawai.objects.filter(user_id=record.user_id).values_list("pk", flat=True).first()
    if pegawai_id is None:
        return None  # learning of someone who is not a pegawai has no SKP
    skp = skp_for(pegawai_id=pegawai_id, year=record.end_date.year)
    if skp is None:
        return None  # waits for its SKP: see evidence_attach_pending
    evidence = _evidence_create(record, skp)
    if evidence is None:  # a concurrent delivery won the race
        return SkpEvidence.objects.get(learning_record=record)
    if refresh_progress:
        competency_progress_refresh(pegawai_ids=[pegawai_id])
    return evidence


def rhk_recommended_for(*, assignment: Assignment | None, skp: SKP) -> int | None:
    """The RHK of ``skp`` a course was recommended for, if the pembinaan says so.

    Recommendations and assignments name an evaluation, not an RHK; what ties pembinaan to
    an RHK is a coaching session (``PembinaanSession.rhk``). A course assigned from a
    recommendation (or after an evaluation) that a session with this pegawai about an RHK
    of this SKP also answered goes under that RHK, the latest such session winning.
    Anything else stays "umum" (None); the pegawai can move it on the SKP page."""
    if assignment is None or not (assignment.recommendation_id or assignment.evaluasi_id):
        return None
    link = Q()
    if assignment.recommendation_id:
        link |= Q(recommendation_id=assignment.recommendation_id)
    if assignment.evaluasi_id:
        link |= Q(evaluasi_id=assignment.evaluasi_id)
    rhk_id: int | None = (
        PembinaanSession.objects.filter(link, rhk__skp=skp, participants=skp.pegawai_id)
        .order_by("-date", "-pk")
        .values_list("rhk_id", flat=True)
        .first()
    )
    return rhk_id


def _evidence_create(record: LearningRecord, skp: SKP) -> SkpEvidence | None:
    course_id = record.enrolment.course_id if record.enrolment else None
    assignment = (
        assignment_for(pegawai_id=skp.pegawai_id, course_id=course_id, since=record.start_date)
        if course_id
        else None
    )
    evidence = SkpEvidence(
        skp=skp,
        kind=EvidenceKind.COURSE if course_id else EvidenceKind.EXTERNAL,
        title=record.title,
        date=record.end_date,
        jp=record.jp,
        learning_record=record,
        certificate=Certificate.objects.filter(enrolment_id=record.enrolment_id).first()
        if record.enrolment_id
        else None,
        assignment=assignment,
        rhk_id=rhk_recommended_for(assignment=assignment, skp=skp),
    )
    try:
        with transaction.atomic():
            evidence.save()
    except IntegrityError:
        return None
    if course_id:
        evidence.values.set(values_taught([course_id]).get(course_id, ()))
    log(instance=evidence, action="wagtail.create", data={"learning_record": record.pk})
    return evidence


def evidence_attach_pending(*, user_ids: Iterable[int] | None = None, limit: int = 2000) -> int:
    """Attach every verified learning record that has no evidence yet but whose SKP now
    exists: SKPs created after the learning, and external trainings verified by a pengelola;
    withdraw evidence whose record no longer counts. Only ``user_ids``' records when given.

    Run at once for the people concerned when learning or kinerja_link announce a change
    (``receivers``), and hourly by beat as a repair. Records whose SKP is still missing are
    not even loaded (the SKP test is in the query), so the sweep stays cheap however long
    they wait.
    """
    records = LearningRecord.objects.counted()
    if user_ids is not None:
        records = records.filter(user_id__in=list(user_ids))
    same_year_skp = SKP.objects.filter(
        pegawai__user=OuterRef("user"),
        periode__jenis=JenisPeriode.TAHUNAN,
        periode__tahun=OuterRef("year"),
    )
    pending = list(
        records.exclude(source=LearningRecordSource.COACHING)
        .annotate(year=ExtractYear("end_date"))
        .filter(~Exists(SkpEvidence.objects.filter(learning_record=OuterRef("pk"))))
        .filter(Exists(same_year_skp))
        .order_by("pk")
        .values_list("pk", "user__pegawai__id")[:limit]
    )
    attached = 0
    for record_id, _pegawai_id in pending:
        if evidence_from_learning_record(learning_record_id=record_id, refresh_progress=False):
            attached += 1
    withdrawn = evidence_withdraw_unverified(user_ids=user_ids)
    competency_progress_refresh(pegawai_ids={p for _r, p in pending} | withdrawn)
    return attached


def evidence_withdraw_unverified(*, user_ids: Iterable[int] | None = None) -> set[int]:
    """Delete evidence whose learning record no longer counts (a revoked certificate
    rejects its record). Returns the ids of the pegawai concerned."""
    gone = SkpEvidence.objects.filter(learning_record__isnull=False).exclude(
        learning_record__verification_status=VerificationStatus.VERIFIED
    )
    if user_ids is not None:
        gone = gone.filter(learning_record__user_id__in=list(user_ids))
    pegawai_ids = set(gone.values_list("skp__pegawai_id", flat=True))
    if pegawai_ids:
        gone.delete()
    return pegawai_ids


# --- Competency progress ---------------------------------------------------------------


@dataclass
class _Tally:
    evidence: set[int] = field(default_factory=set)
    level: int | None = None
    last_date: datetime.date | None = None

    def add(self, evidence_id: int, date: datetime.date, level: int | None) -> None:
        self.evidence.add(evidence_id)
        if level is not None:
            self.level = max(self.level or 0, level)
        self.last_date = max(self.last_date or date, date)


def competency_progress_refresh(*, pegawai_ids: Iterable[int]) -> int:
    """Recompute CompetencyProgress of these pegawai from all their SkpEvidence.

    A piece of evidence supports a competency when the competency is one of the
    BerAKHLAK values on the evidence (course evidence: the values its course teaches;
    session evidence: the values the coaching branch put on it) or when the evidence's
    course teaches the competency (CourseCompetency). ``level_reached`` is the highest
    ``target_level`` among courses whose outcome is "Kompetensi tercapai"; "Bukti dukung"
    outcomes and sessions count as evidence without a level. Rows of competencies that
    lost all their evidence are deleted.

    Set-based: at most six queries per chunk of 500 pegawai, whatever the amount of evidence.
    Safe to call again at any time (e.g. by the coaching branch after a session).
    Returns the number of progress rows written.
    """
    ids = sorted({int(pk) for pk in pegawai_ids if pk is not None})
    written = 0
    for start in range(0, len(ids), PROGRESS_CHUNK):
        written += _progress_refresh_chunk(ids[start : start + PROGRESS_CHUNK])
    return written


def _progress_tallies(ids: list[int]) -> dict[tuple[int, int], _Tally]:
    evidence = list(
        SkpEvidence.objects.filter(skp__pegawai_id__in=ids).values_list(
            "pk", "skp__pegawai_id", "date", "learning_record__enrolment__course_id"
        )
    )
    value_links = SkpEvidence.values.through.objects.filter(
        skpevidence__skp__pegawai_id__in=ids
    ).values_list("skpevidence_id", "competency_id")
    course_ids = {course_id for *_, course_id in evidence if course_id}
    taught: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for course_id, competency_id, outcome, level in CourseCompetency.objects.filter(
        course_id__in=course_ids
    ).values_list("course_id", "competency_id", "outcome", "target_level"):
        taught[course_id].append(
            (competency_id, level if outcome == CourseCompetency.Outcome.COMPLETE else None)
        )
    values_of: dict[int, list[int]] = defaultdict(list)
    for evidence_id, competency_id in value_links:
        values_of[evidence_id].append(competency_id)

    tallies: dict[tuple[int, int], _Tally] = defaultdict(_Tally)
    for evidence_id, pegawai_id, date, course_id in evidence:
        for competency_id in values_of[evidence_id]:
            tallies[pegawai_id, competency_id].add(evidence_id, date, None)
        for competency_id, level in taught.get(course_id, ()):
            tallies[pegawai_id, competency_id].add(evidence_id, date, level)
    return tallies


@transaction.atomic
def _progress_refresh_chunk(ids: list[int]) -> int:
    tallies = _progress_tallies(ids)
    stale = [
        pk
        for pk, pegawai_id, competency_id in CompetencyProgress.objects.filter(
            pegawai_id__in=ids
        ).values_list("pk", "pegawai_id", "competency_id")
        if (pegawai_id, competency_id) not in tallies
    ]
    if stale:
        CompetencyProgress.objects.filter(pk__in=stale).delete()
    rows = [
        CompetencyProgress(
            pegawai_id=pegawai_id,
            competency_id=competency_id,
            evidence_count=len(tally.evidence),
            level_reached=tally.level,
            last_date=tally.last_date,
        )
        for (pegawai_id, competency_id), tally in sorted(tallies.items())
    ]
    CompetencyProgress.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["pegawai", "competency"],
        update_fields=["evidence_count", "level_reached", "last_date"],
    )
    return len(rows)


# --- The pegawai links evidence to an RHK ------------------------------------------------


def evidence_link_rhk(
    *, user: User, evidence: SkpEvidence, rhk: RencanaHasilKerja | None
) -> SkpEvidence:
    """Link one's own evidence to one RHK of the same SKP (or unlink it with None)."""
    if evidence.skp.pegawai.user_id != user.pk:
        raise PermissionDenied
    if rhk is not None and rhk.skp_id != evidence.skp_id:
        raise ValidationError({"rhk": _("RHK ini tidak termasuk SKP bukti dukung tersebut.")})
    if evidence.rhk_id == (rhk.pk if rhk else None):
        return evidence
    evidence.rhk = rhk
    evidence.save(update_fields=["rhk"])
    log(instance=evidence, action="wagtail.edit", user=user, data={"rhk": rhk.pk if rhk else None})
    return evidence
