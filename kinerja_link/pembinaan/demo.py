"""The whole pembinaan loop in the demo, through the same services a pimpinan uses.

The demo pimpinan (the kepala seksi whose login ``seed_demo`` prints) gets: values flagged on
weak behaviour ratings, the recommendations the rules make from them, assignments in every
state (assigned, in progress, completed through a real course completion, overdue), a
dismissed recommendation, a coaching session, feedback, and the reminders that follow.
Runs once: a second ``seed_demo`` finds the pimpinan's assignments and leaves them alone.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from competencies.models import Competency
from learning import services as learning_services
from learning.models import CoursePage
from learning.quiz.demo import seed_attempt
from learning.quiz.models import QuizPage

from ..kuadran import Rating
from ..models import Evaluasi, JenisJabatan, JenisPeriode, Pegawai, Periode
from ..perilaku_notes import perilaku_notes_update
from ..selectors import team_for
from .assignments import (
    assignments_bulk_create,
    assignments_mark_overdue,
    recommendation_accept,
    recommendation_dismiss,
)
from .feedback import feedback_give
from .models import Assignment, FeedbackKind, Recommendation, RecommendationStatus, SessionKind
from .recommendations import recommendations_generate
from .reminders import reminders_create
from .sessions import session_record

DEMO_UNIT = "KW.PL.1"


def demo_pimpinan() -> Pegawai | None:
    return (
        Pegawai.objects.filter(unit__kode=DEMO_UNIT, jenis_jabatan=JenisJabatan.PENGAWAS)
        .select_related("user", "unit")
        .first()
    )


def seed_pembinaan(*, today: datetime.date | None = None) -> int:
    """Returns the number of assignments made (0 when the loop was seeded before)."""
    today = today or timezone.localdate()
    pimpinan = demo_pimpinan()
    periode = Periode.objects.filter(jenis=JenisPeriode.TRIWULAN).order_by("-tahun", "-nomor")
    periode = periode.filter(evaluasi_set__isnull=False).first()
    if pimpinan is None or periode is None:
        return 0
    user = pimpinan.user
    if Assignment.objects.filter(assigned_by=user).exists():
        return 0
    team = list(team_for(pimpinan).select_related("user").order_by("user__nip"))
    if len(team) < 3:
        return 0
    _flag_values(user, team, periode)
    recommendations_generate(periode_id=periode.pk)
    courses = {c.slug: c for c in CoursePage.objects.live()}
    made = _assignments(user, team, courses, today)
    _decide_recommendations(user, team, today)
    _session_and_feedback(user, team, periode, today)
    reminders_create(today=today)
    return made


def _flag_values(user, team, periode) -> None:
    """Behaviour rated below expectation gets a value flagged, as the pimpinan would."""
    weak = Evaluasi.objects.filter(
        periode=periode, pegawai__in=team, rating_perilaku=Rating.DI_BAWAH
    ).select_related("pegawai__unit")
    for evaluasi in weak or Evaluasi.objects.filter(periode=periode, pegawai=team[-1]):
        perilaku_notes_update(
            user=user,
            evaluasi=evaluasi,
            flags={"AK": True, "KL": True},
            notes={
                "AK": "Laporan bulanan dua kali terlambat.",
                "KL": "Jarang berbagi data dengan seksi lain.",
            },
        )


def _assignments(user, team, courses, today) -> int:
    first, second, third = team[0], team[1], team[2]
    in_two_weeks = today + datetime.timedelta(days=14)
    made = 0
    # Assigned to two people; the first (the demo pegawai) is half way through it.
    kolaboratif = courses.get("kolaboratif")
    if kolaboratif:
        made += len(
            assignments_bulk_create(
                user=user,
                pegawai_ids=[first.pk, second.pk],
                course=kolaboratif,
                due_date=in_two_weeks,
                note="Untuk persiapan kerja lintas seksi pada triwulan IV.",
            ).created
        )
        for lesson in list(kolaboratif.lessons())[:2]:
            learning_services.lesson_complete(user=first.user, lesson=lesson)
    # Completed through the course itself: lessons done and the quiz passed.
    dialog = courses.get("dialog-kinerja-dan-umpan-balik")
    if dialog:
        made += len(
            assignments_bulk_create(
                user=user, pegawai_ids=[third.pk], course=dialog, due_date=in_two_weeks
            ).created
        )
        _finish_course(third.user, dialog)
    # Overdue: assigned earlier with a date that has passed.
    skp = courses.get("menyusun-skp-dan-rhk")
    if skp:
        result = assignments_bulk_create(
            user=user, pegawai_ids=[second.pk], course=skp, due_date=in_two_weeks
        )
        made += len(result.created)
        Assignment.objects.filter(pk__in=[a.pk for a in result.created]).update(
            due_date=today - datetime.timedelta(days=3),
            created_at=timezone.now() - datetime.timedelta(days=30),
        )
        assignments_mark_overdue(today=today)
    return made


def _finish_course(user, course: CoursePage) -> None:
    with transaction.atomic():
        for lesson in course.lessons():
            learning_services.lesson_complete(user=user, lesson=lesson)
    quiz = QuizPage.objects.child_of(course).live().first()
    if quiz is not None:
        seed_attempt(quiz, user)


def _decide_recommendations(user, team, today) -> None:
    """Accept one course recommendation; dismiss another with a reason."""
    open_courses = Recommendation.objects.filter(
        pegawai__in=team, status=RecommendationStatus.OPEN, course__isnull=False
    ).order_by("priority", "pk")
    first = open_courses.first()
    if first is not None:
        recommendation_accept(user=user, recommendation=first, today=today)
    # Any other open one but coaching, which the session below takes up.
    second = (
        Recommendation.objects.filter(pegawai__in=team, status=RecommendationStatus.OPEN)
        .exclude(session_kind=SessionKind.COACHING)
        .order_by("-priority", "pk")
        .first()
    )
    if second is not None:
        recommendation_dismiss(
            user=user,
            recommendation=second,
            reason="Sudah mengikuti pelatihan serupa dari BPSDM bulan lalu.",
        )


def _session_and_feedback(user, team, periode, today) -> None:
    session_rec = (
        Recommendation.objects.filter(
            pegawai__in=team, status=RecommendationStatus.OPEN, session_kind=SessionKind.COACHING
        )
        .select_related("pegawai", "evaluasi")
        .first()
    )
    participant = session_rec.pegawai if session_rec else team[1]
    session_record(
        user=user,
        kind=SessionKind.COACHING,
        date=today - datetime.timedelta(days=2),
        participant_ids=[participant.pk],
        topics="Menyusun RHK yang terukur untuk triwulan IV\n"
        "Membagi laporan menjadi target mingguan",
        agreed_actions="Mengirim draf RHK revisi paling lambat Jumat; evaluasi bersama tiap Senin.",
        follow_up_date=today + datetime.timedelta(days=12),
        duration_minutes=90,
        nilai=Competency.objects.get(code="KO"),
        recommendation=session_rec,
    )
    feedback_give(
        user=user,
        pegawai=team[0],
        kind=FeedbackKind.TERJADWAL,
        date=today - datetime.timedelta(days=7),
        text="Laporan layanan bulan ini rapi dan tepat waktu. Pertahankan, dan coba bagikan "
        "format laporanmu ke seksi lain.",
        nilai=Competency.objects.get(code="KL"),
    )
    feedback_give(
        user=user,
        pegawai=team[2],
        date=today - datetime.timedelta(days=1),
        text="Terima kasih sudah membantu rekan baru memahami e-Kinerja.",
        nilai=Competency.objects.get(code="KO"),
    )
