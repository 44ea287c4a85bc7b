"""Demo: the post-training evaluation at levels 1–3 (level 4 comes from the pembinaan demo's
assignments), so the pengelola's report shows figures. Every pegawai of two bidang (and two
of a third, a group the report hides) took
the pre-test, the lessons and the final quiz of one course 65 days ago, most answered the
reaction survey, and their pejabat penilai rated most of them at level 3. The demo
pegawai's own survey is left open, so the prompt shows on the course page. Runs once."""

from __future__ import annotations

from learning import services as learning_services
from learning.demo import backdate_completion
from learning.models import CoursePage
from learning.quiz.demo import seed_attempt, seed_pretest
from learning.quiz.models import QuizPage
from learning.reaction import questions_for, reaction_submit

from ..models import Pegawai
from .demo import demo_pegawai
from .evaluasi import l3_answer, l3_open_for, l3_request
from .models import PenilaianPascaPelatihan

BIDANG = ("KW.PL", "KW.PD")  # every pegawai of these
FEW_FROM = "KW.PW"  # two of this one: a small group, suppressed in the report
DAYS_AGO = 65


def _course() -> CoursePage | None:
    for course in CoursePage.objects.live().order_by("path"):
        if QuizPage.objects.child_of(course).filter(is_pretest=False).exists():
            return course
    return None


def _participants() -> list[Pegawai]:
    pegawai = Pegawai.objects.active().select_related("user", "pejabat_penilai__user")
    chosen = [p for kode in BIDANG for p in pegawai.filter(unit__kode__startswith=kode)]
    return chosen + list(pegawai.filter(unit__kode__startswith=FEW_FROM).order_by("pk")[:2])


def _learn(course: CoursePage, user, pretest, final, i: int):
    """Pre-test (about half right), the lessons, the final quiz: the real services."""
    learning_services.enrolment_create(user=user, course=course)
    if pretest is not None:
        seed_attempt(pretest, user, leave_out=2 + i % 3)
    for lesson in course.lessons():
        learning_services.lesson_complete(user=user, lesson=lesson)
    seed_attempt(final, user, leave_out=i % 2)
    return learning_services.enrolment_recompute(enrolment_id=user.enrolments.get(course=course).pk)


def _answer_most_l3() -> None:
    requests = PenilaianPascaPelatihan.objects.select_related("pegawai__pejabat_penilai__user")
    for n, penilaian in enumerate(requests.order_by("pk")):
        pimpinan = penilaian.pegawai.pejabat_penilai
        if n % 6 == 5 or pimpinan is None:
            continue  # a few still wait in the pimpinan's list
        if l3_open_for(pimpinan.user).filter(pk=penilaian.pk).exists():
            l3_answer(user=pimpinan.user, penilaian=penilaian, rating=3 + n % 3)


def seed_evaluasi_pelatihan() -> int:
    """Returns the number of level-3 requests made (0 when seeded before)."""
    course = _course()
    if course is None or PenilaianPascaPelatihan.objects.exists():
        return 0
    pretest = seed_pretest(course)
    final = QuizPage.objects.child_of(course).filter(is_pretest=False).first().specific
    keep_open = demo_pegawai()
    questions = questions_for(course)
    for i, pegawai in enumerate(_participants()):
        enrolment = _learn(course, pegawai.user, pretest, final, i)
        if not enrolment.is_completed:
            continue
        backdate_completion(user=pegawai.user, course=course, days_ago=DAYS_AGO)
        if (keep_open is not None and pegawai.pk == keep_open.pk) or i % 7 == 6:
            continue  # some do not answer the optional survey
        reaction_submit(
            user=pegawai.user,
            enrolment=enrolment,
            scores={q.key: 3 + (i + n) % 3 for n, q in enumerate(questions)},
            comment="Contoh kasusnya dekat dengan pekerjaan sehari-hari." if i % 4 == 0 else "",
        )
    asked = l3_request()
    _answer_most_l3()
    return asked
