"""Demo data: two services with QR posters, a year of SKM answers (four quarters, so the
trend has points) and public feedback in each moderation state. Safe to run again."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from ..models import UnitKerja
from .models import (
    ELEMENT_FIELDS,
    FeedbackKind,
    FeedbackStatus,
    Layanan,
    PublicFeedback,
    SurveyResponse,
)
from .selectors import periode_of

SERVICES = (
    (
        "Layanan Kenaikan Pangkat",
        "Pengajuan dan verifikasi berkas usul kenaikan pangkat pegawai.",
        (3, 4),  # the scores the answers lean to
    ),
    (
        "Layanan Cuti Pegawai",
        "Permohonan cuti tahunan, cuti sakit, dan cuti alasan penting.",
        (2, 4),
    ),
)
ANSWERS_PER_QUARTER = 12


def seed_participation() -> list[Layanan]:
    unit = UnitKerja.objects.filter(depth=2).order_by("path").first() or UnitKerja.objects.first()
    if unit is None:
        return []
    generator = random.Random(17)
    made = []
    for nama, deskripsi, (low, high) in SERVICES:
        layanan, _created = Layanan.objects.get_or_create(
            unit=unit, nama=nama, defaults={"deskripsi": deskripsi}
        )
        made.append(layanan)
        if not layanan.responses.exists():
            SurveyResponse.objects.bulk_create(_answers(layanan, generator, low, high))
    _seed_feedback(made[0])
    return made


def _answers(layanan, generator, low, high) -> list[SurveyResponse]:
    now = timezone.now()
    rows = []
    for quarter_back in range(3, -1, -1):
        moment = now - datetime.timedelta(days=91 * quarter_back)
        for _i in range(ANSWERS_PER_QUARTER):
            scores = {code: generator.randint(low, high) for code in ELEMENT_FIELDS}
            rows.append(
                SurveyResponse(
                    layanan=layanan,
                    submitted_at=moment,
                    periode=periode_of(moment),
                    usia=generator.choice(["20-29", "30-39", "40-49", ""]),
                    **scores,
                )
            )
    return rows


def _seed_feedback(layanan: Layanan) -> None:
    if PublicFeedback.objects.filter(layanan=layanan).exists():
        return
    now = timezone.now()
    PublicFeedback.objects.bulk_create(
        [
            PublicFeedback(
                kind=FeedbackKind.SARAN,
                layanan=layanan,
                unit_id=layanan.unit_id,
                text="Mohon daftar persyaratan berkas ditempel di loket, tidak hanya di situs.",
                status=FeedbackStatus.APPROVED,
                answer="Terima kasih. Daftar persyaratan sudah kami pasang di loket.",
                submitted_at=now - datetime.timedelta(days=20),
                moderated_at=now - datetime.timedelta(days=18),
                answered_at=now - datetime.timedelta(days=18),
            ),
            PublicFeedback(
                kind=FeedbackKind.PENGADUAN,
                layanan=layanan,
                unit_id=layanan.unit_id,
                text="Antrean pagi sangat panjang; petugas baru datang pukul sembilan.",
                about_staff_service=True,
                sender_email="warga@example.org",
                submitted_at=now - datetime.timedelta(days=2),
            ),
        ]
    )
