"""The pengelola's Kirkpatrick report: figures per course and unit from the four levels,
small groups hidden as on the transparency page, only the pengelola's units, and
formula-safe exports."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from kinerja_link.models import PengelolaScope
from kinerja_link.pengembangan.evaluasi import l3_answer, l3_request
from kinerja_link.pengembangan.evaluasi_report import evaluation_report, export_rows, to_csv
from kinerja_link.scope import scope_for
from learning.models import Enrolment, EnrolmentStatus, ReactionResponse
from learning.quiz.models import AttemptState, QuizAttempt
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.learning.factories import make_course
from tests.learning.quiz.factories import make_quiz

pytestmark = pytest.mark.django_db

SIZE = 10  # portal.transparency.MIN_GROUP_SIZE


def complete(pegawai, course, days_ago=70) -> Enrolment:
    return Enrolment.objects.create(
        user=pegawai.user,
        course=course,
        status=EnrolmentStatus.COMPLETED,
        percent=100,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def attempt(user, quiz, score):
    QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        number=1,
        state=AttemptState.FINISHED,
        submitted_at=timezone.now(),
        score=Decimal(score),
    )


@pytest.fixture
def world(db):
    root = UnitKerjaFactory(nama="Kanwil", kode="KW")
    big = UnitKerjaFactory(parent=root, nama="Bidang Besar", kode="KW.A")
    small = UnitKerjaFactory(parent=root, nama="Bidang Kecil", kode="KW.B")
    subbag = UnitKerjaFactory(parent=root, nama="Subbag Kepegawaian", kode="KW.K")
    elsewhere = UnitKerjaFactory(nama="Kanwil Lain", kode="KL")
    kepala = PegawaiFactory(unit=big)
    # The pengelola sits in the Subbag Kepegawaian and serves the whole Kanwil.
    pengelola = PegawaiFactory(unit=subbag)
    pengelola.user.groups.add(Group.objects.get_or_create(name=Role.PENGELOLA)[0])
    PengelolaScope.objects.create(user=pengelola.user, unit=root)
    staff = [PegawaiFactory(unit=big, pejabat_penilai=kepala) for _ in range(SIZE + 2)]
    few = [PegawaiFactory(unit=small, pejabat_penilai=kepala) for _ in range(2)]
    outsiders = [PegawaiFactory(unit=elsewhere) for _ in range(3)]
    course = make_course(title='=HYPERLINK("http://x")', competencies=("BP-1",))
    final = make_quiz(course, title="Kuis akhir")
    pretest = make_quiz(course, title="Pre-test", is_pretest=True, required_for_completion=False)
    for i, pegawai in enumerate(staff):
        enrolment = complete(pegawai, course)
        if i < SIZE:  # ten answer the survey and take both tests
            ReactionResponse.objects.create(
                enrolment=enrolment,
                scores={"relevansi": 4 + i % 2, "kejelasan": 3},
                labels={"relevansi": "Relevan", "kejelasan": "Jelas"},
            )
            attempt(pegawai.user, pretest, 50)
            attempt(pegawai.user, final, 70 + i)
    for pegawai in few + outsiders:
        complete(pegawai, course)
    l3_request()
    from kinerja_link.pengembangan.models import PenilaianPascaPelatihan

    for i, request in enumerate(
        PenilaianPascaPelatihan.objects.filter(pegawai__in=staff).order_by("pk")[:SIZE]
    ):
        l3_answer(user=kepala.user, penilaian=request, rating=3 + i % 3)
    return locals()


def test_figures_per_course_and_unit_with_small_units_hidden_and_other_instansi_left_out(world):
    report = evaluation_report(scope=scope_for(world["pengelola"].user))
    [course] = report.by_course
    assert course.n == SIZE + 2 + 2  # the instansi's units, not the other Kanwil
    assert not course.suppressed
    assert course.l1_responses == SIZE
    assert dict(course.l1_by_question) == {"Relevan": Decimal("4.5"), "Jelas": Decimal("3.0")}
    assert course.l2_pairs == SIZE and course.l2_gain == Decimal("24.5")  # 70..79 − 50
    assert (course.l3_asked, course.l3_answered) == (SIZE + 4, SIZE)
    assert course.l3_rate == round(100 * SIZE / (SIZE + 4))
    assert course.l3_average == Decimal("3.9")  # 3,4,5,3,4,5,3,4,5,3
    units = {row.label: row for row in report.by_unit}
    assert set(units) == {"Bidang Besar", "Bidang Kecil"}
    # Bidang Kecil (2) is under the threshold; Bidang Besar is hidden with it, or the
    # course row minus Bidang Besar would give Bidang Kecil away (complementary hiding).
    assert units["Bidang Kecil"].suppressed and units["Bidang Besar"].suppressed


def test_an_average_over_fewer_than_ten_answers_is_hidden(world):
    ReactionResponse.objects.filter(enrolment__user=world["staff"][0].user).delete()
    [course] = evaluation_report(scope=scope_for(world["pengelola"].user)).by_course
    assert course.l1_responses == SIZE - 1
    assert course.l1_average is None and dict(course.l1_by_question)["Relevan"] is None


def test_the_admin_page_and_exports_are_the_pengelolas_and_formula_safe(client, world):
    url = reverse("evaluasi_pelatihan:index")
    client.force_login(world["staff"][0].user)
    assert client.get(url).status_code in (302, 403)
    client.force_login(world["pengelola"].user)
    page = client.get(url)
    assert page.status_code == 200
    assert "Bidang Besar" in page.content.decode()
    exported = client.get(url + "?format=csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    course_row = next(row for row in rows if row[0] == "Kursus")
    assert course_row[1] == '\'=HYPERLINK("http://x")'
    assert course_row[2] == str(SIZE + 4)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content))
    titles = [row[1] for row in workbook.active.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://x")' in titles


def test_export_rows_hide_suppressed_figures(world):
    report = evaluation_report(scope=scope_for(world["pengelola"].user))
    text = to_csv(export_rows(report)).decode("utf-8-sig")
    small_row = next(line for line in text.splitlines() if "Bidang Kecil" in line)
    assert "disembunyikan" in small_row and str(2) not in small_row.split(",")[2:]


def test_a_small_course_is_hidden_alone_and_the_report_reads_in_few_queries(
    world, django_assert_max_num_queries
):
    other = make_course(title="Kursus Kecil", competencies=("BP-2",))
    complete(world["staff"][0], other)
    scope = scope_for(world["pengelola"].user)
    with django_assert_max_num_queries(16):
        report = evaluation_report(scope=scope)
    rows = {row.label: row for row in report.by_course}
    assert rows["Kursus Kecil"].suppressed
    assert not rows['=HYPERLINK("http://x")'].suppressed  # no total over courses to protect
