"""Demo catalogue and some progress for demo pegawai. Safe to run again: nothing is doubled.

The catalogue goes under the default site's root page (portal's HomePage), found through
the Site, so learning need not import portal.
"""

import datetime
import json
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Site

from competencies.models import Competency
from learning import services
from learning.demo_content import COURSES
from learning.models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LearningRecord,
    LearningRecordSource,
    LessonPage,
    VerificationStatus,
)

# (pegawai index, course slug, lessons to mark done; None = all)
DEMO_PROGRESS = [
    (0, "berorientasi-pelayanan", None),
    (0, "mengenal-e-kinerja-bkn", None),
    (0, "menyusun-skp-dan-rhk", 2),
    (1, "akuntabel", None),
    (1, "kompeten", 1),
    (2, "dialog-kinerja-dan-umpan-balik", 3),
    (3, "harmonis", 1),
]


def _catalogue() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index:
        return index
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(
        instance=CourseIndexPage(
            title="Katalog Kursus",
            slug="katalog",
            intro=(
                "Kursus daring tentang nilai BerAKHLAK dan manajemen kinerja ASN. Setiap kursus "
                "yang selesai tercatat sebagai JP dan menghasilkan sertifikat."
            ),
        )
    )


def _body(blocks: list[tuple], codes: dict[str, int]) -> str:
    raw = []
    for block_type, value in blocks:
        if block_type == "guide":
            value = {**value, "guide": codes[value["guide"]]}
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return json.dumps(raw)


def _course(index: CourseIndexPage, data: dict, codes: dict[str, int]) -> CoursePage:
    existing = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    objectives = "<ul>" + "".join(f"<li>{o}</li>" for o in data["objectives"]) + "</ul>"
    lesson_minutes = sum(minutes for _, minutes, _ in data["lessons"])
    course = index.add_child(
        instance=CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            objectives=objectives,
            jp=data["jp"],
            level=data.get("level", "dasar"),
            estimated_minutes=lesson_minutes,
        )
    )
    for order, (code, level, outcome) in enumerate(data["competencies"]):
        CourseCompetency.objects.create(
            course=course,
            competency_id=codes[code],
            target_level=level,
            outcome=outcome,
            sort_order=order,
        )
    for title, minutes, blocks in data["lessons"]:
        course.add_child(
            instance=LessonPage(
                title=title,
                slug=slugify(title)[:80],
                estimated_minutes=minutes,
                body=_body(blocks, codes),
            )
        )
    return course


def _demo_pegawai(first_logins: list[str]) -> list:
    """The logins printed by seed_demo first (so the demo shows progress), then others."""
    users = get_user_model().objects.filter(nip__isnull=False)
    featured = [u for login in first_logins for u in users.filter(username=login)]
    others = users.exclude(pk__in=[u.pk for u in featured]).order_by("nip")[: 4 - len(featured)]
    return (featured + list(others))[:4]


def _progress(courses: dict[str, CoursePage], first_logins: list[str]) -> None:
    pegawai = _demo_pegawai(first_logins)
    for who, slug, lessons_done in DEMO_PROGRESS:
        if who >= len(pegawai):
            continue
        course = courses[slug]
        services.enrolment_create(user=pegawai[who], course=course)
        lessons = list(course.lessons())
        for lesson in lessons if lessons_done is None else lessons[:lessons_done]:
            services.lesson_complete(user=pegawai[who], lesson=lesson)
    if pegawai:
        _external_record(pegawai[0])


def _external_record(user) -> None:
    """A verified training outside the platform, so the JP ring shows two sources."""
    LearningRecord.objects.get_or_create(
        user=user,
        source=LearningRecordSource.EXTERNAL,
        title="Bimbingan Teknis Pengelolaan Arsip Dinamis",
        defaults={
            "institution": "Arsip Nasional Republik Indonesia",
            "jenis_diklat_id": 8,
            "jp": Decimal(8),
            "start_date": datetime.date.today().replace(month=2, day=10),
            "end_date": datetime.date.today().replace(month=2, day=11),
            "certificate_number": "ANRI/BIMTEK/2026/0412",
            "verification_status": VerificationStatus.VERIFIED,
        },
    )


@transaction.atomic
def seed_learning(first_logins: list[str] | None = None) -> int:
    """Create the catalogue, its courses and demo progress. Returns the number of courses.

    ``first_logins`` are usernames whose owners get the demo progress first.
    """
    index = _catalogue()
    codes = dict(Competency.objects.values_list("code", "pk"))
    courses = {data["slug"]: _course(index, data, codes) for data in COURSES}
    _progress(courses, first_logins or [])
    return len(courses)


def backdate_completion(*, user, course: CoursePage, days_ago: int) -> None:
    """Demo only: a completion that happened ``days_ago`` days ago, so the post-training
    evaluation (asked 1–3 months after) has something to ask about."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Enrolment.objects.filter(user=user, course=course, status=EnrolmentStatus.COMPLETED).update(
        completed_at=when, started_at=when - datetime.timedelta(days=7)
    )
