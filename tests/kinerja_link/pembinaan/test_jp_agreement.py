"""The JP on the SKP page (Kinerja Saya) and on Belajar Saya are one figure from one
selector (``learning.selectors.jp_totals``): a course, a verified external training, a
20-minute coaching session count; an unverified training and last year's record do not."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinerja_link.pembinaan.models import SessionKind
from kinerja_link.pembinaan.sessions import session_record
from learning import services as learning_services
from learning.models import LearningRecord, LearningRecordSource, VerificationStatus
from tests.learning.factories import lessons_of, make_course

from .teams import make_skp, make_team

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _external(user, title: str, minutes: int, day: datetime.date) -> LearningRecord:
    return learning_services.learning_record_create_external(
        user=user,
        title=title,
        institution="ANRI",
        jenis_diklat_id=3,
        minutes=minutes,
        start_date=day,
        end_date=day,
        certificate_number="",
        proof=SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf"),
    )


def _jp(text: str) -> Decimal:
    """A JP figure as the pages print it: "5,69" (Indonesian decimal comma)."""
    return Decimal(text.strip().replace(".", "").replace(",", "."))


def test_the_skp_page_and_belajar_saya_show_the_same_jp(client, django_capture_on_commit_callbacks):
    org = make_team(members=1)
    pegawai = org.team[0]
    today = timezone.localdate()
    make_skp(pegawai, tahun=today.year)
    course = make_course(lessons=1, title="Mengenal e-Kinerja BKN", jp=2)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        learning_services.enrolment_create(user=pegawai.user, course=course)
        learning_services.lesson_complete(user=pegawai.user, lesson=lessons_of(course)[0])
    verified = _external(pegawai.user, "Diklat Teknis Arsip", 270, today)  # 6 JP
    _external(pegawai.user, "Seminar yang belum diverifikasi", 90, today)  # 2 JP, not counted
    with django_capture_on_commit_callbacks(execute=True):
        learning_services.learning_record_verify(
            record=verified, by=org.pengelola.user, approve=True
        )
        session_record(
            user=org.pimpinan.user,
            kind=SessionKind.COACHING,
            date=today,
            participant_ids=[pegawai.pk],
            topics="RHK layanan",
            agreed_actions="",
            follow_up_date=None,
            duration_minutes=20,  # 0.44 JP, not rounded away
        )
    last_year = datetime.date(today.year - 1, 6, 1)
    LearningRecord.objects.create(  # another year, another periode: not counted
        user=pegawai.user,
        source=LearningRecordSource.EXTERNAL,
        title="Diklat tahun lalu",
        institution="BPSDM",
        jenis_diklat_id=3,
        jp=Decimal("9"),
        start_date=last_year,
        end_date=last_year,
        verification_status=VerificationStatus.VERIFIED,
    )

    client.force_login(pegawai.user)
    belajar = client.get(reverse("learning:belajar_saya")).content.decode()
    kinerja = client.get(reverse("kinerja:saya")).content.decode()

    ring = re.search(r'class="jp-ring-number">([^<]+)<', belajar)
    skp = re.search(r'class="skp-jp">[^<]*?:\s*([\d.,]+) JP<', kinerja)
    assert ring and skp, "both pages show a JP figure"
    assert _jp(ring.group(1)) == _jp(skp.group(1)) == Decimal("8.44")
