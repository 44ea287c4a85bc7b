"""Rules -> recommendations: every default rule, idempotence, exclusions, query budget,
the Celery task on a real worker, and the import trigger."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from kinerja_link.models import ImportStatus
from kinerja_link.pembinaan.models import AssignmentStatus, PembinaanRule, Priority, Recommendation
from kinerja_link.pembinaan.recommendations import recommendations_generate
from kinerja_link.pembinaan.tasks import recommendations_generate_task
from kinerja_link.services import import_job_create, import_job_run
from learning.models import Enrolment, EnrolmentStatus
from tests.factories import PegawaiFactory
from tests.kinerja_link.factories import SIASN_HEADERS, EvaluasiFactory, PeriodeFactory, csv_file

from .conftest import flag
from .factories import AssignmentFactory

pytestmark = pytest.mark.django_db
TW3 = "Triwulan III 2026"


def rows_of(evaluasi):
    return {
        (r.rule.code, r.course.title if r.course else r.session_kind, r.reason, r.priority)
        for r in Recommendation.objects.filter(evaluasi=evaluasi).select_related("rule", "course")
    }


def test_every_default_rule_recommends_the_right_things(courses):
    periode = PeriodeFactory(tahun=2026, nomor=3)
    bp = EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2)
    kurang = EvaluasiFactory(
        periode=periode, rating_hasil=2, rating_perilaku=3, perilaku_catatan=flag("AK")
    )
    sangat_kurang = EvaluasiFactory(
        periode=periode, rating_hasil=3, rating_perilaku=3, perilaku_catatan=flag("KL")
    )
    sangat_baik = EvaluasiFactory(periode=periode, rating_hasil=1, rating_perilaku=1)
    baik_flagged = EvaluasiFactory(periode=periode, perilaku_catatan=flag("KL"))
    baik = EvaluasiFactory(periode=periode)
    inactive = EvaluasiFactory(
        periode=periode, rating_hasil=3, rating_perilaku=2, pegawai=PegawaiFactory(is_active=False)
    )

    counts = recommendations_generate(periode_id=periode.pk)

    bp_reason = f"Predikat Butuh Perbaikan pada {TW3}"
    assert rows_of(bp) == {
        ("butuh-perbaikan", "Menyusun SKP dan RHK", bp_reason, Priority.SEDANG),
        ("butuh-perbaikan", "coaching", bp_reason, Priority.SEDANG),
    }
    assert rows_of(kurang) == {
        (
            "kurang-misconduct",
            "Akuntabel",
            f"Perilaku Akuntabel di bawah ekspektasi pada {TW3}",
            Priority.SEDANG,
        ),
        (
            "kurang-misconduct",
            "konseling",
            f"Predikat Kurang/Misconduct pada {TW3}",
            Priority.SEDANG,
        ),
    }
    sk_reason = f"Predikat Sangat Kurang pada {TW3}"
    assert rows_of(sangat_kurang) == {
        ("sangat-kurang-coaching", "Menyusun SKP dan RHK", sk_reason, Priority.TINGGI),
        ("sangat-kurang-coaching", "coaching", sk_reason, Priority.TINGGI),
        (
            "sangat-kurang-konseling",
            "Kolaboratif",
            f"Perilaku Kolaboratif di bawah ekspektasi pada {TW3}",
            Priority.TINGGI,
        ),
        ("sangat-kurang-konseling", "konseling", sk_reason, Priority.TINGGI),
    }
    assert rows_of(sangat_baik) == {
        ("sangat-baik-mentoring", "mentoring", f"Predikat Sangat Baik pada {TW3}", Priority.RENDAH)
    }
    assert rows_of(baik_flagged) == {
        (
            "nilai-ditandai",
            "Kolaboratif",
            f"Perilaku Kolaboratif di bawah ekspektasi pada {TW3}",
            Priority.SEDANG,
        ),
    }
    assert rows_of(baik) == rows_of(inactive) == set()
    assert counts["dibuat"] == Recommendation.objects.count() == 10


def test_rerunning_creates_nothing_twice(courses):
    periode = PeriodeFactory()
    EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=3, perilaku_catatan=flag("AK"))
    EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2)
    first = recommendations_generate(periode_id=periode.pk)
    total = Recommendation.objects.count()
    assert first["dibuat"] == total == 6
    second = recommendations_generate(periode_id=periode.pk)
    assert second["dibuat"] == 0 and second["sudah_ada"] == total
    assert Recommendation.objects.count() == total
    # A decided recommendation is not made again either.
    Recommendation.objects.update(status="dismissed")
    assert recommendations_generate(periode_id=periode.pk)["dibuat"] == 0


def test_no_course_completed_this_year_or_already_assigned(courses):
    periode = PeriodeFactory(tahun=2026, nomor=3)
    done = EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2)
    last_year = EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2)
    assigned = EvaluasiFactory(periode=periode, rating_hasil=3, rating_perilaku=2)
    for evaluasi, when in (
        (done, datetime.datetime(2026, 3, 5, 10)),
        (last_year, datetime.datetime(2025, 6, 1, 10)),
    ):
        Enrolment.objects.create(
            user=evaluasi.pegawai.user,
            course=courses.skp,
            status=EnrolmentStatus.COMPLETED,
            percent=100,
            completed_at=timezone.make_aware(when),
        )
    AssignmentFactory(pegawai=assigned.pegawai, course=courses.skp)
    counts = recommendations_generate(periode_id=periode.pk)
    assert rows_of(done) == {
        ("butuh-perbaikan", "coaching", f"Predikat Butuh Perbaikan pada {TW3}", 2)
    }
    assert len(rows_of(assigned)) == 1
    assert len(rows_of(last_year)) == 2  # completed in 2025: recommended again for 2026
    assert (counts["sudah_selesai"], counts["sudah_ditugaskan"]) == (1, 1)
    # A cancelled assignment no longer blocks the recommendation.
    assigned.pegawai.assignments.update(status=AssignmentStatus.CANCELLED)
    assert recommendations_generate(periode_id=periode.pk)["dibuat"] == 1


def test_rules_closed_before_the_period_do_not_apply(courses):
    periode = PeriodeFactory(tahun=2026, nomor=3)
    EvaluasiFactory(periode=periode, rating_hasil=1, rating_perilaku=1)
    PembinaanRule.objects.filter(code="sangat-baik-mentoring").update(
        valid_until=datetime.date(2026, 7, 1)
    )
    assert recommendations_generate(periode_id=periode.pk)["dibuat"] == 0


@pytest.mark.parametrize("size", [5, 50])
def test_query_count_is_constant_in_the_number_of_evaluations(
    courses, size, django_assert_max_num_queries
):
    periode = PeriodeFactory()
    cells = [(3, 2), (2, 3), (3, 3), (1, 1), (2, 2)]
    for i in range(size):
        hasil, perilaku = cells[i % len(cells)]
        EvaluasiFactory(
            periode=periode,
            rating_hasil=hasil,
            rating_perilaku=perilaku,
            perilaku_catatan=flag("AK", "KL") if i % 2 or hasil == 2 == perilaku else {},
        )
    # 6 default rules: 1 match query each + 1 per competency rule, plus a fixed 10.
    with django_assert_max_num_queries(22):
        counts = recommendations_generate(periode_id=periode.pk)
    assert counts["evaluasi"] == size
    assert counts["dibuat"] > size


def test_management_command(courses, capsys):
    periode = PeriodeFactory(tahun=2026, nomor=3)
    EvaluasiFactory(periode=periode, rating_hasil=1, rating_perilaku=1)
    call_command("generate_recommendations", periode=TW3)
    assert "1 rekomendasi baru" in capsys.readouterr().out
    assert Recommendation.objects.count() == 1
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="belum ada"):
        call_command("generate_recommendations", periode="Triwulan I 2030")


def test_import_triggers_recommendations(org, courses, django_capture_on_commit_callbacks):
    person = org.staff[0]
    rows = [[person.nip, person.nama, 2026, 2, "Triwulan III", 3, 2, 3, ""]]
    file = csv_file(SIASN_HEADERS, rows)
    with django_capture_on_commit_callbacks(execute=True):
        preview = import_job_create(user=org.pengelola.user, file=file, enqueue=False)
        import_job_run(job_id=preview.pk)
    assert preview.dry_run and Recommendation.objects.count() == 0  # a dry run changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            user=org.pengelola.user,
            file=csv_file(SIASN_HEADERS, rows),
            dry_run=False,
            enqueue=False,
        )
        job = import_job_run(job_id=job.pk)
    assert job.status == ImportStatus.SELESAI
    assert {r.reason for r in Recommendation.objects.filter(pegawai=person)} == {
        f"Predikat Butuh Perbaikan pada {TW3}"
    }
    assert Recommendation.objects.filter(pegawai=person).count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_task_runs_on_a_real_worker(celery_worker):
    periode = PeriodeFactory()
    EvaluasiFactory(periode=periode, rating_hasil=1, rating_perilaku=1)
    result = recommendations_generate_task.delay(periode.pk).get(timeout=60)
    assert result["dibuat"] == 1
    assert recommendations_generate_task.delay(periode.pk).get(timeout=60)["dibuat"] == 0
    assert Recommendation.objects.filter(evaluasi__periode=periode).count() == 1
