"""The transparency figures follow the data at once (on commit, coalesced), with no
periodic job: a pegawai reaching the JP target, SKM answers, answered feedback."""

from decimal import Decimal

import pytest

from django.utils import timezone

from accounts.roles import Role, role_groups
from kinerja_link.participation.models import ELEMENT_FIELDS, FeedbackStatus, SurveyResponse
from kinerja_link.participation.services import feedback_moderate, feedback_submit, survey_submit
from kinerja_link.pembinaan import transparency as live
from kinerja_link.pembinaan.tasks import transparency_refresh_task
from kinerja_link.pembinaan.transparency import transparency_refresh
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from learning.services import learning_record_verify
from portal.transparency import RowKind, TransparencyRow, TransparencySnapshot
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _instansi_row() -> TransparencyRow:
    return TransparencyRow.objects.get(kind=RowKind.INSTANSI)


def test_a_pegawai_reaching_20_jp_moves_the_figure_without_a_periodic_job(
    django_capture_on_commit_callbacks,
):
    instansi = UnitKerjaFactory()
    bidang = UnitKerjaFactory(parent=instansi)
    people = [PegawaiFactory(unit=bidang) for _n in range(12)]
    pengelola = PegawaiFactory(unit=instansi)
    pengelola.user.groups.add(role_groups(Role.PENGELOLA).first())
    transparency_refresh()
    assert _instansi_row().reached_jp == 0
    today = timezone.localdate()
    record = LearningRecord.objects.create(
        user=people[0].user,
        source=LearningRecordSource.EXTERNAL,
        title="Diklat pelayanan publik",
        jp=Decimal(20),
        start_date=today,
        end_date=today,
        verification_status=VerificationStatus.PENDING,
    )
    with django_capture_on_commit_callbacks(execute=True):
        learning_record_verify(record=record, by=pengelola.user, approve=True)
    assert _instansi_row().reached_jp == 1  # no beat, no task run by hand


def test_skm_answers_and_answered_feedback_reach_the_page(
    django_capture_on_commit_callbacks, settings
):
    settings.PARTICIPATION_IKM_MIN_RESPONDENTS = 2
    from kinerja_link.participation.models import Layanan

    layanan = Layanan.objects.create(unit=UnitKerjaFactory(), nama="Layanan Cuti")
    for _n in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            survey_submit(layanan=layanan, answers=dict.fromkeys(ELEMENT_FIELDS, 4))
    snapshot = TransparencySnapshot.objects.get()
    assert (snapshot.ikm, snapshot.ikm_mutu, snapshot.skm_respondents) == (
        Decimal("100.00"),
        "A",
        2,
    )
    feedback = feedback_submit(kind="saran", text="Tambah loket.", layanan=layanan)
    with django_capture_on_commit_callbacks(execute=True):
        feedback_moderate(
            feedback=feedback,
            by=UserFactory(is_superuser=True),
            status=FeedbackStatus.APPROVED,
            answer="Loket ketiga dibuka.",
        )
    assert TransparencySnapshot.objects.get().feedback_answered == 1


def test_too_few_respondents_publish_no_ikm(settings):
    settings.PARTICIPATION_IKM_MIN_RESPONDENTS = 5
    from kinerja_link.participation.models import Layanan

    layanan = Layanan.objects.create(unit=UnitKerjaFactory(), nama="Layanan Cuti")
    SurveyResponse.objects.create(
        layanan=layanan,
        submitted_at=timezone.now(),
        periode=f"{timezone.localdate().year}-T1",
        **dict.fromkeys(ELEMENT_FIELDS, 1),
    )
    snapshot = transparency_refresh()
    assert snapshot.ikm is None and snapshot.skm_respondents is None and snapshot.ikm_mutu == ""


def test_changes_with_a_worker_are_coalesced_into_one_task(settings, monkeypatch):
    """With a broker, many changes inside the delay schedule one run; the run frees the
    lock so that the next change schedules again."""
    scheduled = []
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(
        transparency_refresh_task, "apply_async", lambda **kwargs: scheduled.append(kwargs)
    )
    live.transparency_refresh_pending_clear()
    for _n in range(5):
        live.transparency_refresh_soon()
    assert len(scheduled) == 1 and scheduled[0]["countdown"] == 30
    live.transparency_refresh_pending_clear()  # what the task does first
    live.transparency_refresh_soon()
    assert len(scheduled) == 2
    live.transparency_refresh_pending_clear()


def test_the_seeded_quarters_make_a_trend(db):
    from kinerja_link.participation.demo import seed_participation
    from kinerja_link.participation.selectors import ikm_trend

    UnitKerjaFactory(parent=UnitKerjaFactory())
    services = seed_participation()
    assert len(services) == 2
    assert len(ikm_trend(services[0].responses.all())) >= 2
    assert seed_participation()[0].responses.count() == services[0].responses.count()
