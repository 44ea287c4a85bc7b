"""A departed pegawai with something in every corner of the platform, for the PDP tests.

Every piece of free text about them carries a marker from ``SECRETS``, so a test can
search the whole database for what erasure must remove.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.test import Client

from wagtail.log_actions import log

from accounts.models import AuthEvent
from accounts.roles import Role
from competencies.models import Competency
from kinerja_link.kuadran import Rating
from kinerja_link.models import (
    SKP,
    ApiToken,
    ImportJob,
    JenisPeriode,
    PerilakuEkspektasi,
)
from kinerja_link.pembinaan.feedback import feedback_give
from kinerja_link.pembinaan.models import Notification
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.perilaku_notes import perilaku_notes_update
from kinerja_link.services import pimpinan_group_sync
from learning import services as learning_services
from learning.quiz import services as quiz_services
from learning.quiz.models import QuizAnswer
from tests.factories import PegawaiFactory, PegawaiUserFactory, UnitKerjaFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory, rhk_create
from tests.kinerja_link.pembinaan.factories import AssignmentFactory, RecommendationFactory
from tests.learning.factories import lessons_of, make_course
from tests.learning.quiz.factories import essay, make_question, make_quiz, single_choice

NAME = "Sutan Pelindung Datawan"
EMAIL = "sutan.pdp@example.test"
SECRETS = (
    "catatan-rahasia-perilaku",
    "umpan-balik-rahasia",
    "topik-rahasia-berdua",
    "tindak-lanjut-rahasia",
    "jawaban-esai-rahasia",
    "komentar-penilai-rahasia",
    "NO-SERT-RAHASIA",
    "catatan-penugasan-rahasia",
    "alasan-abaikan-rahasia",
    "ekspektasi-rahasia",
)
PDF_BYTES = b"%PDF-1.4\n% bukti pelatihan\n"


def _learning(departed, grader) -> SimpleNamespace:
    course = make_course(lessons=1, title="Pelindungan Data Pribadi", jp=2)
    learning_services.enrolment_create(user=departed.user, course=course)
    learning_services.lesson_complete(user=departed.user, lesson=lessons_of(course)[0])
    external = learning_services.learning_record_create_external(
        user=departed.user,
        title="Pelatihan luar",
        institution="LAN",
        jenis_diklat_id=1,
        minutes=90,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 2),
        certificate_number="NO-SERT-RAHASIA",
        proof=SimpleUploadedFile("bukti.pdf", PDF_BYTES, content_type="application/pdf"),
    )
    quiz = make_quiz(course, [make_question(essay()), make_question(single_choice())])
    attempt = quiz_services.attempt_start(user=departed.user, quiz=quiz)
    data = QueryDict(mutable=True)
    data.update({"q1": "jawaban-esai-rahasia", "q2": "0"})
    quiz_services.attempt_submit(user=departed.user, attempt_id=attempt.pk, data=data)
    essay_answer = QuizAnswer.objects.get(attempt=attempt, slot=1)
    quiz_services.answer_grade_manual(
        by=grader.user,
        answer_id=essay_answer.pk,
        fraction=Decimal("0.8"),
        comment="komentar-penilai-rahasia",
    )
    return SimpleNamespace(course=course, external=external, attempt=attempt)


def _kinerja(departed, kepala, colleague, course) -> SimpleNamespace:
    tahunan = PeriodeFactory(tahun=2026, jenis=JenisPeriode.TAHUNAN, nomor=0)
    skp = SKP.objects.create(pegawai=departed, periode=tahunan, pejabat_penilai=kepala)
    rhk_create(skp=skp, rhk="Laporan bulanan", indikator="12 laporan", target="12")
    PerilakuEkspektasi.objects.create(
        skp=skp, nilai=Competency.objects.get(code="AK"), ekspektasi="ekspektasi-rahasia"
    )
    evaluasi = EvaluasiFactory(
        pegawai=departed,
        pejabat_penilai=kepala,
        rating_hasil=Rating.DI_BAWAH,
        rating_perilaku=Rating.SESUAI,
    )
    EvaluasiFactory(pegawai=colleague, pejabat_penilai=kepala)
    perilaku_notes_update(
        user=kepala.user,
        evaluasi=evaluasi,
        flags={"AK": True},
        notes={"AK": "catatan-rahasia-perilaku"},
    )
    RecommendationFactory(
        evaluasi=evaluasi, status="dismissed", dismissed_reason="alasan-abaikan-rahasia"
    )
    AssignmentFactory(
        pegawai=departed, course=course, note="catatan-penugasan-rahasia", assigned_by=kepala.user
    )
    today = datetime.date.today()
    session_record(
        user=kepala.user,
        kind="coaching",
        date=today,
        participant_ids=[departed.pk],
        topics="topik-rahasia-berdua",
        agreed_actions="tindak-lanjut-rahasia",
        follow_up_date=None,
        duration_minutes=60,
    )
    session_record(
        user=kepala.user,
        kind="mentoring",
        date=today,
        participant_ids=[departed.pk, colleague.pk],
        topics="Topik kelompok",
        agreed_actions="",
        follow_up_date=None,
        duration_minutes=60,
    )
    feedback_give(user=kepala.user, pegawai=departed, date=today, text="umpan-balik-rahasia")
    return SimpleNamespace(skp=skp, evaluasi=evaluasi)


def _traces(departed, kepala, evaluasi) -> None:
    """Copies of their name, NIP and e-mail in rows that are not theirs."""
    nip = departed.user.nip
    Notification.objects.create(
        user=kepala.user,
        key="uji:pengingat-tim",
        title="Pengingat tim",
        body=f"{NAME} belum menyelesaikan kursus.",
    )
    ImportJob.objects.create(
        source="api",
        status="selesai",
        rows=[{"nip": nip, "nama": NAME, "rating_hasil": 1}],
        errors=[{"baris": 1, "nip": nip, "pesan": f"NIP {nip} diperiksa"}],
        message=f"Kontak: {EMAIL}",
    )
    log(
        instance=evaluasi,
        action="wagtail.edit",
        user=kepala.user,
        data={"baris": 1, "nip": nip, "before": {"rating_hasil": 2}},
    )
    AuthEvent.objects.create(
        kind=AuthEvent.Kind.LOGIN,
        user=departed.user,
        identifier="1986••••",
        ip_address="10.1.2.3",
        user_agent="Peramban Sutan",
    )
    TOTPDevice.objects.create(user=departed.user, name="Ponsel Sutan")
    ApiToken.issue(name="Token Sutan", user=departed.user)


def build_world(*, departed_active: bool = False) -> SimpleNamespace:
    root = UnitKerjaFactory(nama="Kanwil", kode="KW")
    unit_a = UnitKerjaFactory(parent=root, nama="Bidang A", kode="KW.A")
    unit_b = UnitKerjaFactory(parent=root, nama="Bidang B", kode="KW.B")
    kepala = PegawaiFactory(unit=unit_a)
    departed = PegawaiFactory(
        unit=unit_a,
        pejabat_penilai=kepala,
        user=PegawaiUserFactory(display_name=NAME, email=EMAIL),
    )
    colleague = PegawaiFactory(unit=unit_a, pejabat_penilai=kepala)
    pengelola = PegawaiFactory(unit=unit_a)
    pengelola_b = PegawaiFactory(unit=unit_b)
    for person in (pengelola, pengelola_b):
        person.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    pimpinan_group_sync()
    learning = _learning(departed, pengelola)
    kinerja = _kinerja(departed, kepala, colleague, learning.course)
    _traces(departed, kepala, kinerja.evaluasi)
    signed_in = Client()
    signed_in.force_login(departed.user)
    if not departed_active:
        departed.is_active = False
        departed.save(update_fields=["is_active"])
        pimpinan_group_sync()
    departed.refresh_from_db()
    return SimpleNamespace(
        root=root,
        unit_a=unit_a,
        unit_b=unit_b,
        kepala=kepala,
        departed=departed,
        colleague=colleague,
        pengelola=pengelola,
        pengelola_b=pengelola_b,
        nip=departed.user.nip,
        username=departed.user.username,
        signed_in=signed_in,
        **vars(learning),
        **vars(kinerja),
    )
