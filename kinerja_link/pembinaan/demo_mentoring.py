"""Demo: a Sangat Baik member of the demo team is appointed mentor of the demo pegawai by
their pimpinan, records one mentoring session, the pegawai rates it (B.1.8) and the mentor
rates a competency (B.1.9), so the IDP drafted afterwards names that source. The session's
follow-up date has passed, so Tim Saya and Mentee Saya show it overdue. Runs once."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from competencies.models import Competency

from ..models import Evaluasi
from ..selectors import team_for
from .demo import demo_pimpinan
from .demo_rencana import demo_pegawai
from .mentoring import appointment_create, competency_rate, session_evaluate
from .models import AppointmentKind, CoachAppointment, SessionKind
from .sessions import session_record

RATED_COMPETENCY = "MJ-KOM"  # in the demo jabatan's standard, not assessed (pengembangan demo)


@transaction.atomic
def seed_mentoring(*, today: datetime.date | None = None) -> CoachAppointment | None:
    today = today or timezone.localdate()
    pimpinan, mentee = demo_pimpinan(), demo_pegawai()
    if pimpinan is None or mentee is None:
        return None
    existing = CoachAppointment.objects.filter(mentee=mentee).first()
    if existing is not None:
        return existing
    best = (
        Evaluasi.objects.filter(pegawai__in=team_for(pimpinan).exclude(pk=mentee.pk))
        .select_related("pegawai__user")
        .order_by("predikat", "-periode__tahun", "-periode__nomor", "pegawai__user__nip")
        .first()
    )
    competency = Competency.objects.filter(code=RATED_COMPETENCY).first()
    if best is None or competency is None:
        return None
    mentor = best.pegawai  # Sangat Baik first: the "Sangat Baik → mentoring" default
    appointment = appointment_create(
        user=pimpinan.user,
        mentor=mentor,
        mentee=mentee,
        kind=AppointmentKind.MENTOR,
        start_date=today - datetime.timedelta(days=30),
        note="Mentoring penyusunan laporan dan komunikasi dengan pemangku kepentingan.",
    )
    session = session_record(
        user=mentor.user,
        kind=SessionKind.MENTORING,
        date=today - datetime.timedelta(days=9),
        participant_ids=[mentee.pk],
        topics="Menyampaikan hasil pengolahan data kepada pimpinan unit\n"
        "Menyusun ringkasan satu halaman",
        agreed_actions="Menyiapkan ringkasan laporan bulanan dan mempresentasikannya.",
        follow_up_date=today - datetime.timedelta(days=2),
        duration_minutes=60,
    )
    session_evaluate(
        user=mentee.user,
        session=session,
        manfaat=5,
        kejelasan=4,
        rating=5,
        tindak_lanjut="Ringkasan laporan bulanan, dibahas lagi minggu depan.",
        saran="Contoh ringkasan dari unit lain akan sangat membantu.",
    )
    competency_rate(
        user=mentor.user, session=session, pegawai=mentee, competency=competency, level=2
    )
    return appointment
