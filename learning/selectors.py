"""Reads for learning pages, shaped so the number of queries does not grow with the data."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from competencies.models import Competency, CompetencyKind
from learning.completion import NextStep, next_step
from learning.models import (
    Certificate,
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LearningRecord,
    LessonCompletion,
    LessonPage,
    VerificationStatus,
)
from learning.reaction import survey_pending
from learning.scopes import users_managed_by

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# Courses per catalogue page: a page's cost does not grow with the catalogue.
CATALOGUE_PAGE_SIZE = 24
JP_BUCKETS = {"1-2": (1, 2), "3-5": (3, 5), "6-": (6, None)}


@dataclass(frozen=True)
class CatalogueFilters:
    q: str = ""
    nilai: str = ""
    kompetensi: str = ""
    jenis: str = ""
    jp: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> CatalogueFilters:
        kinds = {value for value, _ in CompetencyKind.choices}
        return cls(
            q=params.get("q", "").strip()[:100],
            nilai=params.get("nilai", "").strip()[:20],
            kompetensi=params.get("kompetensi", "").strip()[:20],
            jenis=params.get("jenis", "") if params.get("jenis", "") in kinds else "",
            jp=params.get("jp", "") if params.get("jp", "") in JP_BUCKETS else "",
        )

    @property
    def active(self) -> bool:
        return any((self.q, self.nilai, self.kompetensi, self.jenis, self.jp))


def _competency_prefetch() -> Prefetch[Any, Any, Any]:
    return Prefetch(
        "course_competencies",
        queryset=CourseCompetency.objects.select_related("competency__parent").order_by(
            "sort_order"
        ),
    )


def filter_courses(
    queryset: QuerySet[CoursePage], filters: CatalogueFilters
) -> QuerySet[CoursePage]:
    if filters.q:
        queryset = queryset.filter(Q(title__icontains=filters.q) | Q(summary__icontains=filters.q))
    if filters.nilai:
        # A course teaches a value when it lists the value itself or one of its guides.
        queryset = queryset.filter(
            Q(course_competencies__competency__code=filters.nilai)
            | Q(course_competencies__competency__parent__code=filters.nilai)
        )
    if filters.kompetensi:
        queryset = queryset.filter(course_competencies__competency__code=filters.kompetensi)
    if filters.jenis:
        queryset = queryset.filter(course_competencies__competency__kind=filters.jenis)
    if filters.jp:
        low, high = JP_BUCKETS[filters.jp]
        queryset = queryset.filter(jp__gte=low)
        if high is not None:
            queryset = queryset.filter(jp__lte=high)
    return queryset.distinct()


def _lesson_counts(courses: list[CoursePage]) -> Counter[str]:
    """Live lessons of ``courses`` in one query (their children by path prefix), keyed by
    course path: bounded by the page of the catalogue, not the whole catalogue."""
    if not courses:
        return Counter()
    steplen = LessonPage.steplen
    under_any = Q()
    for course in courses:
        under_any |= Q(path__startswith=course.path)
    paths = (
        LessonPage.objects.live()
        .filter(under_any, depth=courses[0].depth + 1)
        .values_list("path", flat=True)
    )
    return Counter(path[:-steplen] for path in paths)


def catalogue(
    *, index: CourseIndexPage, user: User | AnonymousUser, params: Mapping[str, str]
) -> dict[str, Any]:
    """One page of the catalogue (``?halaman=``, filters kept): its cost is bounded by
    ``CATALOGUE_PAGE_SIZE``, whatever the number of courses."""
    filters = CatalogueFilters.from_params(params)
    matching = filter_courses(CoursePage.objects.child_of(index).live(), filters)
    ordered = matching.prefetch_related(_competency_prefetch()).order_by("path")
    page_obj = Paginator(ordered, CATALOGUE_PAGE_SIZE).get_page(params.get("halaman"))
    courses = list(page_obj.object_list)
    page_obj.object_list = courses
    counts = _lesson_counts(courses)
    enrolments = {}
    if user.is_authenticated:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(user=user, course__in=[c.pk for c in courses])
        }
    for course in courses:
        course.lesson_count = counts.get(course.path, 0)
        course.user_enrolment = enrolments.get(course.pk)
    return {"courses": courses, "page_obj": page_obj, "filters": filters}


def catalogue_filter_options() -> dict[str, Any]:
    competencies = list(
        Competency.objects.filter(course_links__isnull=False)
        .exclude(kind=CompetencyKind.BERAKHLAK_GUIDE)
        .distinct()
        .order_by("kind", "sort_order", "code")
    )
    return {
        "values": [c for c in competencies if c.kind == CompetencyKind.BERAKHLAK_VALUE]
        or list(Competency.objects.values_berakhlak()),
        "competencies": [c for c in competencies if c.kind != CompetencyKind.BERAKHLAK_VALUE],
        "kinds": CompetencyKind.choices,
        "jp_buckets": [("1-2", "1–2 JP"), ("3-5", "3–5 JP"), ("6-", "≥ 6 JP")],
    }


def courses_for_value(value: Competency, *, limit: int = 4) -> list[CoursePage]:
    """Live courses that teach a BerAKHLAK value (the value itself or one of its guides):
    courses that name the value first, then in catalogue order. For the value page, in one
    query; like the catalogue, a course whose page is restricted is listed (its page asks)."""
    names_value = CourseCompetency.objects.filter(course=OuterRef("pk"), competency=value)
    courses = (
        CoursePage.objects.live()
        .filter(
            Q(course_competencies__competency=value)
            | Q(course_competencies__competency__parent=value)
        )
        .annotate(names_value=Exists(names_value))
        .distinct()
        .order_by("-names_value", "path")
    )
    return list(courses[:limit])


def course_detail(*, course: CoursePage, user: User | AnonymousUser) -> dict[str, Any]:
    lessons = list(course.lessons())
    enrolment = None
    done_ids: set[int] = set()
    if user.is_authenticated:
        enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment:
        done_ids = set(
            LessonCompletion.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True)
        )
    locked = False
    for lesson in lessons:
        lesson.is_done = lesson.pk in done_ids
        # Sequential: everything after the first lesson not done is locked.
        lesson.is_locked = bool(course.sequential and (locked or enrolment is None))
        if not lesson.is_done:
            locked = True
    competencies = CourseCompetency.objects.filter(course=course).select_related(
        "competency__parent"
    )
    return {
        "lessons": lessons,
        "enrolment": enrolment,
        "course_competencies": list(competencies),
        "prerequisites": list(CoursePage.objects.live().filter(required_by=course)),
        "next_lesson": next((lesson for lesson in lessons if not lesson.is_done), None),
        "certificate": getattr(enrolment, "certificate", None) if enrolment else None,
        "next_step": _next_step(enrolment, lessons),
        "reaction_pending": survey_pending(enrolment),
    }


def _next_step(enrolment: Enrolment | None, lessons: list[LessonPage]) -> NextStep | None:
    """What is left once every lesson is done and the course is not complete (the quiz)."""
    if enrolment is None or enrolment.is_completed or not lessons:
        return None
    if not all(getattr(lesson, "is_done", False) for lesson in lessons):
        return None
    return next_step(enrolment)


def lesson_detail(*, lesson: LessonPage, user: User | AnonymousUser) -> dict[str, Any]:
    course = lesson.course
    context = course_detail(course=course, user=user)
    lessons = context["lessons"]
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    current = lessons[position] if position is not None else lesson
    return {
        **context,
        "course": course,
        "is_done": getattr(current, "is_done", False),
        "previous_lesson": lessons[position - 1] if position else None,
        "following_lesson": (
            lessons[position + 1] if position is not None and position + 1 < len(lessons) else None
        ),
        "position": (position or 0) + 1,
    }


# --- The JP ledger and the dashboard -----------------------------------------------------


def jp_totals(
    *, user_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> dict[int, Decimal]:
    """The one JP figure of the ledger, per user id, in one grouped query: verified
    records (courses, verified external trainings, coaching and mentoring sessions) that
    ended between ``start`` and ``end`` inclusive. Every page that shows someone's JP asks
    here (Belajar Saya's ring, the SKP on Kinerja Saya, Tim Saya), so they always agree."""
    rows = (
        LearningRecord.objects.counted()
        .filter(user_id__in=list(user_ids), end_date__gte=start, end_date__lte=end)
        .values("user_id")
        .annotate(total=Sum("jp"))
        .order_by()
    )
    return {row["user_id"]: row["total"] or Decimal(0) for row in rows}


def jp_between(*, user_id: int, start: datetime.date, end: datetime.date) -> Decimal:
    return jp_totals(user_ids=[user_id], start=start, end=end).get(user_id, Decimal(0))


def jp_total(*, user: User, year: int) -> Decimal:
    """The calendar year's JP (the yearly target is per calendar year)."""
    return jp_between(
        user_id=user.pk, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
    )


@dataclass(frozen=True)
class JpRing:
    """The yearly JP against the target, with the numbers an SVG ring needs."""

    total: Decimal
    target: int
    radius: int = 52

    @property
    def percent(self) -> int:
        if self.target <= 0:
            return 100
        return min(100, int(self.total * 100 / self.target))

    @property
    def circumference(self) -> float:
        return round(2 * 3.14159265 * self.radius, 2)

    @property
    def dash(self) -> float:
        return round(self.circumference * self.percent / 100, 2)

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), Decimal(self.target) - self.total)


def jp_ring(*, user: User, year: int) -> JpRing:
    return JpRing(total=jp_total(user=user, year=year), target=settings.JP_TARGET_PER_YEAR)


def competencies_strengthened(*, user: User) -> list[tuple[Competency, int]]:
    """Completed courses per BerAKHLAK value (a guide counts for its value)."""
    links = CourseCompetency.objects.filter(
        course__enrolments__user=user, course__enrolments__status=EnrolmentStatus.COMPLETED
    ).select_related("competency__parent")
    per_value: dict[int, set[int]] = {}
    for link in links:
        competency = link.competency
        value = (
            competency.parent if competency.kind == CompetencyKind.BERAKHLAK_GUIDE else competency
        )
        if value.kind == CompetencyKind.BERAKHLAK_VALUE:
            per_value.setdefault(value.pk, set()).add(link.course_id)
    return [
        (value, len(per_value.get(value.pk, ()))) for value in Competency.objects.values_berakhlak()
    ]


def dashboard(*, user: User, today: datetime.date | None = None) -> dict[str, Any]:
    today = today or timezone.localdate()
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course").order_by("-updated_at")
    )
    return {
        "year": today.year,
        "in_progress": [e for e in enrolments if not e.is_completed],
        "completed": [e for e in enrolments if e.is_completed],
        "certificates": list(Certificate.objects.filter(user=user).order_by("-issued_at")),
        "ring": jp_ring(user=user, year=today.year),
        "values": competencies_strengthened(user=user),
        "records": list(LearningRecord.objects.filter(user=user).order_by("-end_date", "-pk")[:20]),
    }


def records_managed_by(pengelola: User) -> QuerySet[LearningRecord]:
    """Ledger rows of the pegawai this pengelola looks after (see ``learning.scopes``)."""
    return LearningRecord.objects.filter(user__in=users_managed_by(pengelola).values("pk"))


def pending_records(*, pengelola: User) -> QuerySet[LearningRecord]:
    return (
        records_managed_by(pengelola)
        .filter(verification_status=VerificationStatus.PENDING)
        .exclude(user=pengelola)
        .select_related("user")
    )
