"""Pembinaan sessions: coaching, mentoring and konseling a pimpinan records for the team.

A session is one transaction: the session, its participants, each participant's JP
ledger row (when the agency counts sessions as JP), the bukti dukung on each
participant's SKP of that year, the recommendation it answers, a notification to each
participant, and the audit entry.

Which jenis diklat (SIASN) a session becomes:

* coaching → 14 Coaching, mentoring → 15 Mentoring;
* konseling → **no JP record**. Konseling (PermenPANRB 6/2022) addresses personal or
  behavioural problems that hinder performance; it is not competency development, and
  the JP ledger is exported to SIASN *Riwayat Kursus*, where a confidential counselling
  session does not belong. It still appears on the pegawai's SKP as pembinaan evidence.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from competencies.models import Competency, CompetencyKind
from learning.models import LearningRecord
from learning.services import learning_records_for_session

from ..models import SKP, Evaluasi, JenisPeriode, Pegawai, RencanaHasilKerja
from ..selectors import team_of
from .assignments import recommendation_accept
from .evidence import competency_progress_refresh
from .models import (
    EvidenceKind,
    PembinaanSession,
    PembinaanSettings,
    Recommendation,
    SessionKind,
    SessionParticipant,
    SkpEvidence,
)
from .notifications import notify
from .team import session_holder_for, session_reach, team_members

if TYPE_CHECKING:
    from accounts.models import User

JENIS_DIKLAT_FOR_KIND = {SessionKind.COACHING: 14, SessionKind.MENTORING: 15}


def session_record(
    *,
    user: User,
    kind: str,
    date: datetime.date,
    participant_ids: Iterable[int],
    topics: str,
    agreed_actions: str,
    follow_up_date: datetime.date | None,
    duration_minutes: int,
    evaluasi: Evaluasi | None = None,
    rhk: RencanaHasilKerja | None = None,
    nilai: Competency | None = None,
    recommendation: Recommendation | None = None,
) -> PembinaanSession:
    """Record a session a pimpinan held with members of their own team, or an appointed
    coach/mentor with their current mentees (both at once for a pimpinan who is both).

    An evaluation or recommendation may only be linked for members of the user's own team:
    a mentor sees no evaluations (issue 16 §2)."""
    pimpinan = session_holder_for(user)
    participants = team_members(
        user=user, ids=participant_ids, action="session_record", among=session_reach(user)
    )
    links: dict[str, Any] = {"rhk": rhk, "nilai": nilai, "recommendation": recommendation}
    _check_links(ids={p.pk for p in participants}, date=date, evaluasi=evaluasi, **links)
    _check_team_links(user=user, evaluasi=evaluasi, recommendation=recommendation)
    session = PembinaanSession(
        kind=kind,
        held_by=pimpinan,
        date=date,
        topics=topics.strip(),
        agreed_actions=agreed_actions.strip(),
        follow_up_date=follow_up_date,
        duration_minutes=duration_minutes,
        evaluasi=evaluasi or (recommendation.evaluasi if recommendation else None),
        recorded_by=user,
        **links,
    )
    session.full_clean()
    with transaction.atomic():
        _session_save(session, participants, user=user)
    return session


def _session_save(session: PembinaanSession, participants: list[Pegawai], *, user: User) -> None:
    """Everything one session writes, in the caller's transaction (see the module doc)."""
    if session.recommendation is not None:
        recommendation_accept(user=user, recommendation=session.recommendation)
    session.save()
    SessionParticipant.objects.bulk_create(
        [SessionParticipant(session=session, pegawai=p) for p in participants]
    )
    records = session_learning_records(session=session)
    _add_evidence(session, participants, records)
    _notify_participants(session, participants)
    log(
        instance=session,
        action="kinerja_link.session.create",
        user=user,
        data={"participants": sorted(p.pk for p in participants), "kind": session.kind},
    )


def _notify_participants(session: PembinaanSession, participants: list[Pegawai]) -> None:
    kind = session.get_kind_display().lower()
    notify(
        users=[p.user_id for p in participants],
        key=f"session:{session.pk}",
        title=_("Sesi %(kind)s dicatat") % {"kind": kind},
        body=_("%(name)s mencatat sesi %(kind)s bersama Anda pada %(date)s.")
        % {"name": session.held_by.nama, "kind": kind, "date": f"{session.date:%d-%m-%Y}"},
        url=reverse("pembinaan:session_detail", args=[session.pk]),
    )


def _check_team_links(
    *, user: User, evaluasi: Evaluasi | None, recommendation: Recommendation | None
) -> None:
    team = team_of(user)
    if evaluasi is not None and not team.filter(pk=evaluasi.pegawai_id).exists():
        raise ValidationError({"evaluasi": _("Evaluasi hanya dapat dikaitkan oleh pimpinannya.")})
    if recommendation is not None and not team.filter(pk=recommendation.pegawai_id).exists():
        raise ValidationError(
            {"recommendation": _("Rekomendasi hanya dapat dijawab oleh pimpinannya.")}
        )


def _check_links(
    *,
    ids: set[int],
    date: datetime.date,
    evaluasi: Evaluasi | None,
    rhk: RencanaHasilKerja | None,
    nilai: Competency | None,
    recommendation: Recommendation | None,
) -> None:
    """Not in the future; linked evaluation, RHK and recommendation of a participant."""
    errors: dict[str, str] = {}
    if date > timezone.localdate():
        errors["date"] = _("Tanggal sesi tidak boleh di masa depan.")
    if evaluasi is not None and evaluasi.pegawai_id not in ids:
        errors["evaluasi"] = _("Evaluasi ini bukan milik peserta sesi.")
    if rhk is not None and not SKP.objects.filter(pk=rhk.skp_id, pegawai_id__in=ids).exists():
        errors["rhk"] = _("RHK ini bukan milik peserta sesi.")
    if nilai is not None and nilai.kind != CompetencyKind.BERAKHLAK_VALUE:
        errors["nilai"] = _("Pilih salah satu nilai BerAKHLAK.")
    if recommendation is not None and (
        recommendation.pegawai_id not in ids or recommendation.course_id is not None
    ):
        errors["recommendation"] = _("Rekomendasi ini bukan rekomendasi sesi bagi peserta.")
    if errors:
        raise ValidationError(errors)


def session_learning_records(*, session: PembinaanSession) -> dict[int, LearningRecord]:
    """The JP ledger rows of a session, per pegawai id, made where missing.

    Idempotent: a participant who already has a record keeps it. Nothing is made when
    the agency does not count sessions as JP, or for konseling (see the module doc).
    """
    participants = list(
        SessionParticipant.objects.filter(session=session).select_related(
            "pegawai__user", "learning_record"
        )
    )
    records = {p.pegawai_id: p.learning_record for p in participants if p.learning_record}
    jenis = JENIS_DIKLAT_FOR_KIND.get(SessionKind(session.kind))
    if jenis is None or not PembinaanSettings.load().sessions_count_as_jp:
        return records
    held_by = Pegawai.objects.select_related("user", "unit").get(pk=session.held_by_id)
    missing = [p for p in participants if p.learning_record_id is None]
    created = learning_records_for_session(
        users=[p.pegawai.user for p in missing],
        title=_("%(kind)s bersama %(name)s")
        % {"kind": session.get_kind_display(), "name": held_by.nama},
        institution=held_by.unit.nama,
        jenis_diklat_id=jenis,
        minutes=session.duration_minutes,
        date=session.date,
        recorded_by=session.recorded_by,
    )
    for participant, record in zip(missing, created, strict=True):
        participant.learning_record = record
        records[participant.pegawai_id] = record
    SessionParticipant.objects.bulk_update(missing, ["learning_record"])
    return records


def _add_evidence(
    session: PembinaanSession,
    participants: list[Pegawai],
    records: dict[int, LearningRecord],
) -> None:
    """Bukti dukung on each participant's SKP of the session's year, when there is one."""
    skps = SKP.objects.filter(
        pegawai__in=participants,
        periode__jenis=JenisPeriode.TAHUNAN,
        periode__tahun=session.date.year,
    )
    first_line = session.topics.splitlines()[0] if session.topics else ""
    title = f"{session.get_kind_display()}: {first_line}"[:255]
    for skp in skps:
        record = records.get(skp.pegawai_id)
        evidence, created = SkpEvidence.objects.get_or_create(
            skp=skp,
            session=session,
            defaults={
                "kind": EvidenceKind.SESSION,
                "title": title,
                "date": session.date,
                "jp": record.jp if record else 0,
                "learning_record": record,
                "rhk": session.rhk if session.rhk and session.rhk.skp_id == skp.pk else None,
            },
        )
        if created and session.nilai_id:
            evidence.values.add(session.nilai_id)
    if session.nilai_id:
        competency_progress_refresh(pegawai_ids=[skp.pegawai_id for skp in skps])
