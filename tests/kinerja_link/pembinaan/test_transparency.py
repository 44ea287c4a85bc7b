"""The transparency figures: per unit, over the subtree, with small groups never stored."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinerja_link.pembinaan.models import SessionParticipant
from kinerja_link.pembinaan.tasks import transparency_refresh_task
from kinerja_link.pembinaan.transparency import suppressed_keys, transparency_refresh
from learning.models import (
    Enrolment,
    EnrolmentStatus,
    LearningRecord,
    LearningRecordSource,
    VerificationStatus,
)
from portal.transparency import (
    GroupFigures,
    RowKind,
    TransparencyRow,
    TransparencySnapshot,
    transparency_snapshot_store,
)
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.learning.factories import make_course, make_home
from tests.portal.factories import make_article, make_article_index

from .factories import PembinaanSessionFactory

YEAR = 2026


def _record(pegawai, jp, *, year=YEAR, status=VerificationStatus.VERIFIED):
    day = datetime.date(year, 5, 10)
    return LearningRecord.objects.create(
        user=pegawai.user,
        source=LearningRecordSource.EXTERNAL,
        title="Pelatihan",
        jp=Decimal(jp),
        start_date=day,
        end_date=day,
        verification_status=status,
        rejection_reason="Bukti tidak sah" if status == VerificationStatus.REJECTED else "",
    )


def _completed(pegawai, course, *, year=YEAR):
    when = timezone.make_aware(datetime.datetime(year, 6, 15, 10, 0))
    return Enrolment.objects.create(
        user=pegawai.user,
        course=course,
        status=EnrolmentStatus.COMPLETED,
        percent=100,
        completed_at=when,
    )


def _session(*participants, year=YEAR):
    session = PembinaanSessionFactory(date=datetime.date(year, 3, 4), held_by=participants[0])
    for pegawai in participants:
        SessionParticipant.objects.create(session=session, pegawai=pegawai)
    return session


def _people(unit, count):
    return [PegawaiFactory(unit=unit) for _ in range(count)]


@pytest.fixture
def org(db):
    """Kanwil with Bidang A (8 + 4 in its Seksi A.1) and Bidang B (11), and their records."""
    root = UnitKerjaFactory(nama="Kanwil Uji", kode="KWU")
    unit_a = UnitKerjaFactory(parent=root, nama="Bidang A", kode="KWU.A")
    seksi = UnitKerjaFactory(parent=unit_a, nama="Seksi A.1", kode="KWU.A.1")
    unit_b = UnitKerjaFactory(parent=root, nama="Bidang B", kode="KWU.B")
    a = _people(unit_a, 8) + _people(seksi, 4)
    b = _people(unit_b, 11)
    PegawaiFactory(unit=unit_b, is_active=False)  # left the instansi: counted nowhere

    _record(a[0], 12), _record(a[0], 8)  # exactly 20 over two records: reached
    _record(a[1], 25)
    _record(a[2], 15), _record(a[2], 10, status=VerificationStatus.PENDING)  # 15 counted
    _record(a[8], 20, year=YEAR - 1), _record(a[8], 20)  # in the seksi: reached this year
    _record(a[9], 30, status=VerificationStatus.REJECTED)
    _record(b[0], Decimal("19.5"))

    course_1, course_2 = make_course(lessons=0), make_course(lessons=0)
    _completed(a[0], course_1), _completed(a[0], course_2), _completed(a[9], course_1)
    _completed(a[1], course_1, year=YEAR - 1)
    Enrolment.objects.create(user=b[0].user, course=course_1)  # in progress
    _completed(b[1], course_2)

    _session(a[0], a[1])
    _session(a[2], b[0])  # both units: once in each row, once for the instansi
    _session(b[1], year=YEAR - 1)

    index = make_article_index(make_home())
    make_article(index, date=datetime.date(YEAR, 2, 1))
    make_article(index, date=datetime.date(YEAR, 9, 1))
    make_article(index, date=datetime.date(YEAR - 1, 9, 1))
    make_article(index, date=datetime.date(YEAR, 9, 2), live=False)
    return SimpleNamespace(root=root, unit_a=unit_a, unit_b=unit_b, a=a, b=b)


def _rows(snapshot) -> dict[str, TransparencyRow]:
    return {
        ("TOTAL" if row.kind == RowKind.INSTANSI else row.label): row
        for row in TransparencyRow.objects.filter(snapshot=snapshot)
    }


def _numbers(row) -> tuple:
    return (row.headcount, row.reached_jp, row.courses_completed, row.sessions_held)


def test_figures_per_unit_aggregate_the_subtree(org):
    snapshot = transparency_refresh(year=YEAR)

    rows = _rows(snapshot)
    assert set(rows) == {"Bidang A", "Bidang B", "TOTAL"}  # the seksi is inside Bidang A
    assert _numbers(rows["Bidang A"]) == (12, 3, 3, 2)
    assert _numbers(rows["Bidang B"]) == (11, 0, 1, 1)
    assert _numbers(rows["TOTAL"]) == (23, 3, 4, 2)  # the shared session counted once
    assert rows["Bidang A"].reached_jp_percent == 25
    assert not any(row.suppressed for row in rows.values())
    assert (snapshot.year, snapshot.jp_target, snapshot.articles_published) == (YEAR, 20, 2)
    assert rows["TOTAL"].instansi == "Kanwil Uji"


def test_small_unit_is_never_stored_and_the_next_smallest_covers_it(org):
    small = UnitKerjaFactory(parent=org.root, nama="Bidang C", kode="KWU.C")
    c = _people(small, 3)
    _record(c[0], 40)
    _session(c[1])

    rows = _rows(transparency_refresh(year=YEAR))

    assert rows["Bidang C"].suppressed
    # Total minus A would give C alone; with B hidden too it gives only B + C (14 people).
    assert rows["Bidang B"].suppressed
    assert not rows["Bidang A"].suppressed and _numbers(rows["Bidang A"]) == (12, 3, 3, 2)
    assert _numbers(rows["TOTAL"]) == (26, 4, 4, 3)
    for label in ("Bidang B", "Bidang C"):
        assert _numbers(rows[label]) == (None, None, None, None)


def test_pegawai_directly_under_the_instansi_form_their_own_row(org):
    head = PegawaiFactory(unit=org.root)
    _record(head, 20)

    rows = _rows(transparency_refresh(year=YEAR))

    direct = next(row for row in rows.values() if row.kind == RowKind.DIRECT)
    assert direct.suppressed  # one person: hidden, and Bidang B with it
    assert rows["Bidang B"].suppressed and not rows["Bidang A"].suppressed
    assert _numbers(rows["TOTAL"]) == (24, 4, 4, 2)


def test_a_small_instansi_shows_nothing_and_empty_units_no_row(db):
    root = UnitKerjaFactory(nama="Badan Kecil", kode="BK")
    full = UnitKerjaFactory(parent=root, nama="Bagian Berisi", kode="BK.1")
    UnitKerjaFactory(parent=root, nama="Bagian Kosong", kode="BK.2")
    _people(full, 4)

    rows = _rows(transparency_refresh(year=YEAR))

    assert set(rows) == {"Bagian Berisi", "TOTAL"}
    assert all(row.suppressed and row.headcount is None for row in rows.values())


def test_each_instansi_gets_its_own_rows(org):
    other = UnitKerjaFactory(nama="Dinas Lain", kode="DL")
    _people(UnitKerjaFactory(parent=other, nama="Bidang Z", kode="DL.Z"), 10)

    snapshot = transparency_refresh(year=YEAR)

    totals = TransparencyRow.objects.filter(snapshot=snapshot, kind=RowKind.INSTANSI)
    assert {(row.instansi, row.headcount) for row in totals} == {
        ("Kanwil Uji", 23),
        ("Dinas Lain", 10),
    }


@pytest.mark.parametrize(
    ("sizes", "hidden"),
    [
        ({"a": 12, "b": 11}, set()),
        ({"a": 12, "b": 11, "c": 3}, {"b", "c"}),
        ({"a": 30, "b": 6, "c": 5}, {"b", "c"}),  # together 11: enough cover already
        ({"a": 30, "b": 2, "c": 3, "d": 40}, {"a", "b", "c"}),
        ({"a": 4, "b": 3}, {"a", "b"}),
        ({"a": 9}, {"a"}),
    ],
)
def test_suppression_rule(sizes, hidden):
    assert suppressed_keys(sizes) == hidden


def test_the_store_refuses_a_visible_small_group(db):
    row = GroupFigures(RowKind.UNIT, "Kanwil", "Bidang Kecil", 9, 1, 1, 1)
    with pytest.raises(ValueError, match="kurang dari 10 orang"):
        transparency_snapshot_store(
            year=YEAR, jp_target=20, articles_published=0, rows=[row], computed_at=timezone.now()
        )
    assert not TransparencySnapshot.objects.exists()


def test_a_new_snapshot_replaces_the_old_one(org):
    first = transparency_refresh(year=YEAR)
    second = transparency_refresh(year=YEAR)
    assert list(TransparencySnapshot.objects.all()) == [second]
    assert not TransparencyRow.objects.filter(snapshot_id=first.pk).exists()


def _queries_for_refresh() -> int:
    with CaptureQueriesContext(connection) as queries:
        transparency_refresh(year=YEAR)
    return len(queries)


def test_query_count_does_not_grow_with_the_organisation(org):
    transparency_refresh(year=YEAR)  # so both measured runs prune one old snapshot
    small = _queries_for_refresh()

    for number in range(6):
        unit = UnitKerjaFactory(parent=org.root, nama=f"Bidang Tambahan {number}")
        for pegawai in _people(unit, 12):
            _record(pegawai, 21)
        _session(*_people(UnitKerjaFactory(parent=unit), 3))

    assert _queries_for_refresh() == small
    assert small <= 18  # 16, plus the year's SKM sums and answered feedback (participation)


def test_task_runs_eagerly_without_a_broker(org):
    snapshot_id = transparency_refresh_task.delay().get()
    assert TransparencySnapshot.objects.get().pk == snapshot_id


@pytest.mark.celery_worker
def test_a_real_worker_refreshes_the_figures(celery_worker):
    root = UnitKerjaFactory(nama="Kanwil Worker", kode="KWW")
    _people(UnitKerjaFactory(parent=root, nama="Bidang W", kode="KWW.1"), 10)

    snapshot_id = transparency_refresh_task.delay().get(timeout=30)

    rows = TransparencyRow.objects.filter(snapshot_id=snapshot_id).order_by("position")
    assert [(row.label, row.headcount) for row in rows] == [
        ("Bidang W", 10),
        ("Kanwil Worker", 10),
    ]
