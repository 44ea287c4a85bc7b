"""Data at scale: an organisation of N pegawai with two evaluated periods, a catalogue of
courses with their learners, and the articles the public reads (``manage.py seed_scale``).

Built for speed and bounded memory: the unit tree is written with computed treebeard
paths in one ``bulk_create``; people are created in batches (users, pegawai, SKP,
evaluations, recommendations, assignments, enrolments, lesson completions, quiz attempts,
JP records and certificates for one batch, then the next), so memory holds one batch and
the unit heads, never the whole organisation. Pages (courses, lessons, quizzes, articles)
go through Wagtail's ``add_child``: a page is several tables and tree bookkeeping, and 200
courses cost seconds, not the minutes the people do at 250,000.

Everything is derived from a fixed random seed. A second run refuses (the organisation's
root unit is the marker) rather than doubling anything.
"""

from __future__ import annotations

import datetime
import itertools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from wagtail.models import Site
from wagtail.rich_text import RichText

from accounts.roles import Role, role_group
from competencies.models import Competency

# The same jabatan and kuadran weights as the demo office.
from kinerja_link.demo import CELL_WEIGHTS, STAFF_JABATAN
from kinerja_link.kuadran import predikat_for
from kinerja_link.models import (
    SKP,
    Evaluasi,
    IndikatorRHK,
    JenisJabatan,
    JenisPeriode,
    Pegawai,
    Periode,
    RencanaHasilKerja,
    StatusSKP,
    UnitKerja,
)
from kinerja_link.pembinaan.models import (
    Assignment,
    AssignmentStatus,
    PembinaanRule,
    Recommendation,
)
from kinerja_link.services import pimpinan_group_sync
from learning.models import (
    Certificate,
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
    LearningRecord,
    LearningRecordSource,
    LessonCompletion,
    LessonPage,
    VerificationStatus,
)
from learning.quiz.demo import seed_banks
from learning.quiz.models import AttemptState, QuizAttempt, QuizPage, QuizQuestion
from learning.quiz.services import build_layout
from portal.demo import seed_pages
from portal.models import ArticleIndexPage, ArticlePage

ROOT_KODE = "SKALA"
ROOT_NAMA = "Kementerian Bina Skala"
EMAIL_DOMAIN = "skala.bina-asn.local"
LEVELS = [  # below the ministry: (unit name, head's jabatan, jenis jabatan, golongan)
    ("Direktorat Jenderal", "Direktur Jenderal", JenisJabatan.JPT, "IV/e"),
    ("Direktorat", "Direktur", JenisJabatan.JPT, "IV/c"),
    ("Subdirektorat", "Kepala Subdirektorat", JenisJabatan.ADMINISTRATOR, "IV/a"),
    ("Seksi", "Kepala Seksi", JenisJabatan.PENGAWAS, "III/d"),
]
ROOT_HEAD = ("Sekretaris Jenderal", JenisJabatan.JPT, "IV/e")
STAFF_PER_LEAF = 15
FIRST_NAMES = (
    "Budi Agus Slamet Hendra Rizky Dimas Yusuf Fajar Arif Teguh Siti Dewi Rina Ayu "
    "Fitri Sri Nur Indah Maya Ratna Wulan Putri"
).split()
SURNAMES = (
    "Santoso Wibowo Hidayat Saputra Lestari Pratama Nugroho Kurniawan Rahmawati "
    "Setiawan Siregar Nasution Wijaya Purnomo Hasibuan Maharani Utami"
).split()
TAHUN = 2026
TOPICS = ["Pelayanan", "Akuntabilitas", "Kinerja", "Kolaborasi", "Inovasi"]
GRADES = ["Dasar", "Terapan", "Lanjutan"]
PERIODS = [(JenisPeriode.TRIWULAN, 2), (JenisPeriode.TRIWULAN, 3)]
COMPETENCY_CODES = ["BP", "AK", "KO", "HA", "LO", "AD", "KL", "BP-1", "AK-1", "KO-1"]
RULE_CODE = "skala-butuh-perbaikan"
WEAK_PREDIKAT = {3, 4, 5}  # Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang


class ScaleDataExists(Exception):
    """seed_scale already ran on this database."""


@dataclass
class Person:
    unit_id: int
    jabatan: str
    jenis: str
    golongan: str
    penilai: tuple[int, int] | None  # (pegawai id, user id) of the pejabat penilai
    atasan_id: int | None


@dataclass
class CourseInfo:
    pk: int
    title: str
    jp: int
    lesson_ids: list[int]
    quiz_id: int
    layout: list


@dataclass
class Context:
    rng: random.Random
    password: str
    group_id: int
    periods: list[Periode]
    annual: Periode
    rule: PembinaanRule
    courses: list[CourseInfo]
    serial: Iterator[int] = field(default_factory=lambda: itertools.count())
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


# --- shape ---------------------------------------------------------------------------------


def fanout_for(pegawai: int) -> int:
    """Children per unit so that the leaves (Seksi) hold about STAFF_PER_LEAF people."""
    leaves = max(1, pegawai / (STAFF_PER_LEAF + 1.3))
    return max(1, round(leaves ** (1 / len(LEVELS))))


def unit_count(fanout: int) -> int:
    return sum(fanout**level for level in range(len(LEVELS) + 1))


def nip_for(index: int) -> str:
    """A valid, unique PNS NIP per index (accounts.nip rules) with serials 501–999, apart
    from the demo's (small serials) and the import benchmark's (tmt 201001)."""
    day, rest = index % 10_000, index // 10_000
    birth = datetime.date(1966, 1, 1) + datetime.timedelta(days=day)
    tmt = f"{birth.year + 23 + day % 7}{day % 12 + 1:02d}"
    sex = 1 + (rest // 499) % 2
    if rest >= 998:
        raise ValueError("nip_for supports up to 9,980,000 pegawai")
    return f"{birth:%Y%m%d}{tmt}{sex}{501 + rest % 499:03d}"


# --- entry point ---------------------------------------------------------------------------


def seed_scale(
    *,
    pegawai: int,
    courses: int = 200,
    articles: int = 100,
    batch_size: int = 5_000,
    seed: int = 2026,
    report: Callable[[str], None] = print,
) -> dict[str, float]:
    """Create the scale data set; returns seconds per phase. Refuses to run twice."""
    fanout = _fanout_or_refuse(pegawai)
    timings: dict[str, float] = {}
    phase = _phase_timer(timings, report)
    rng = random.Random(seed)  # noqa: S311 - repeatable test data, no secret
    course_infos = phase("kursus (halaman Wagtail)", _seed_courses, courses, rng)
    phase("artikel (halaman Wagtail)", _seed_articles, articles, rng)
    ctx = _context(rng, course_infos)
    units = phase("unit kerja", _seed_units, fanout)
    phase("pegawai dan datanya", _seed_people, ctx, units, pegawai, batch_size, report)
    phase("grup pimpinan", pimpinan_group_sync)
    phase("statistik perencana kueri", _analyze)
    timings["total"] = sum(timings.values())
    for name, n in ctx.counts.items():
        report(f"  {name}: {n:,}")
    return timings


def _fanout_or_refuse(pegawai: int) -> int:
    """The unit tree's fan-out for ``pegawai``; refuses a second run or too few people."""
    if UnitKerja.objects.filter(kode=ROOT_KODE).exists():
        raise ScaleDataExists
    fanout = fanout_for(pegawai)
    if unit_count(fanout) > pegawai:
        raise ValueError(f"Butuh sedikitnya {unit_count(fanout)} pegawai.")
    return fanout


def _phase_timer(timings: dict[str, float], report: Callable[[str], None]) -> Callable:
    """``phase(name, func, *args)``: run ``func``, record and report its seconds."""

    def phase(name: str, func, *args):
        started = time.perf_counter()
        result = func(*args)
        timings[name] = time.perf_counter() - started
        report(f"  {name}: {timings[name]:.1f} s")
        return result

    return phase


def _context(rng: random.Random, course_infos: list[CourseInfo]) -> Context:
    return Context(
        rng=rng,
        password=make_password("bina-skala-2026"),
        group_id=role_group(Role.PEGAWAI).pk,
        periods=[
            Periode.objects.get_or_create(tahun=TAHUN, jenis=jenis, nomor=nomor)[0]
            for jenis, nomor in PERIODS
        ],
        annual=Periode.objects.get_or_create(tahun=TAHUN, jenis=JenisPeriode.TAHUNAN, nomor=0)[0],
        rule=_rule(),
        courses=course_infos,
    )


def _analyze() -> None:
    """Fresh planner statistics: before autovacuum gets there, PostgreSQL plans the new
    tables as nearly empty (a team's evaluations were read through the whole period's
    index: 1.9 ms instead of 0.6 ms)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# --- content -------------------------------------------------------------------------------


def _catalogue() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index:
        return index
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=CourseIndexPage(title="Katalog Kursus", slug="katalog"))


@transaction.atomic
def _seed_courses(count: int, rng: random.Random) -> list[CourseInfo]:
    seed_pages()
    index = _catalogue()
    banks = seed_banks()
    questions = banks["berakhlak"][:5]
    competencies = dict(
        Competency.objects.filter(code__in=COMPETENCY_CODES).values_list("code", "pk")
    )
    infos, links, slots = [], [], []
    for n in range(1, count + 1):
        course, lessons, quiz = _add_course(index, n, rng)
        codes = rng.sample(COMPETENCY_CODES, 2)
        links += [
            CourseCompetency(course=course, competency_id=competencies[c], sort_order=i)
            for i, c in enumerate(codes)
        ]
        slots += [
            QuizQuestion(quiz=quiz, question=q, sort_order=i) for i, q in enumerate(questions)
        ]
        infos.append(CourseInfo(course.pk, course.title, course.jp or 0, lessons, quiz.pk, []))
    CourseCompetency.objects.bulk_create(links)
    QuizQuestion.objects.bulk_create(slots)
    for info in infos:  # one frozen layout per quiz, shared by its seeded attempts
        info.layout = build_layout(QuizPage.objects.get(pk=info.quiz_id), rng)
    return infos


def _add_course(
    index: CourseIndexPage, n: int, rng: random.Random
) -> tuple[CoursePage, list[int], QuizPage]:
    """Course ``n`` with two lessons (their ids) and a quiz."""
    title = f"Kursus Skala {n:03d}: {rng.choice(TOPICS)} {rng.choice(GRADES)}"
    course = index.add_child(
        instance=CoursePage(
            title=title,
            slug=f"kursus-skala-{n:03d}",
            summary=f"Ringkasan {title.lower()}: konsep, contoh kasus, dan latihan.",
            jp=rng.choice([2, 4, 6, 8]),
            level=rng.choice(["dasar", "menengah", "lanjut"]),
            estimated_minutes=90,
        )
    )
    lessons = [
        course.add_child(
            instance=LessonPage(
                title=f"Pelajaran {i}",
                slug=f"pelajaran-{i}",
                estimated_minutes=30,
                body=[("paragraph", RichText(f"<p>Isi pelajaran {i} dari {title}.</p>"))],
            )
        ).pk
        for i in (1, 2)
    ]
    quiz = course.add_child(
        instance=QuizPage(
            title=f"Kuis {n:03d}",
            slug="kuis",
            time_limit_minutes=0,
            max_attempts=0,
            shuffle_questions=False,
        )
    )
    return course, lessons, quiz


@transaction.atomic
def _seed_articles(count: int, rng: random.Random) -> None:
    index = ArticleIndexPage.objects.first()
    demo = list(
        ArticlePage.objects.exclude(hero_image=None).values_list("hero_image_id", flat=True)
    )
    values = list(Competency.objects.values_berakhlak())
    for n in range(1, count + 1):
        article = ArticlePage(
            title=f"Cerita Pelayanan {n:03d}",
            slug=f"cerita-pelayanan-{n:03d}",
            summary="Kisah singkat pegawai yang menerapkan nilai BerAKHLAK di tempat kerja.",
            author="Tim Redaksi Bina ASN",
            date=datetime.date(TAHUN, 1, 1) + datetime.timedelta(days=n % 300),
            hero_image_id=rng.choice(demo) if demo else None,
            hero_image_alt="Ilustrasi artikel",
            body=[("heading", {"text": "Latar", "level": "h2"})]
            + [
                ("paragraph", RichText(f"<p>Paragraf {i} cerita {n}. " + "Isi. " * 60 + "</p>"))
                for i in range(4)
            ],
        )
        article.values.set(rng.sample(values, 2))
        article.tags.set([f"cerita-{n % 10}", "pelayanan"])
        index.add_child(instance=article)


def _rule() -> PembinaanRule:
    rule, _ = PembinaanRule.objects.get_or_create(
        code=RULE_CODE,
        version=1,
        defaults={
            "name": "Butuh perbaikan: kursus teknis",
            "due_days": 30,
            "valid_from": datetime.date(TAHUN, 1, 1),
            "predikat": sorted(WEAK_PREDIKAT),
        },
    )
    return rule


# --- organisation --------------------------------------------------------------------------


@transaction.atomic
def _seed_units(fanout: int) -> list[list[UnitKerja]]:
    """The tree level by level, paths computed as treebeard would (siblings in name order)."""
    root = UnitKerja.add_root(kode=ROOT_KODE, nama=ROOT_NAMA)
    levels = [[root]]
    for depth, (name, *_rest) in enumerate(LEVELS, start=2):
        leaf = depth == len(LEVELS) + 1
        nodes = [
            UnitKerja(
                path=UnitKerja._get_path(parent.path, depth, step),
                depth=depth,
                numchild=0 if leaf else fanout,
                kode=f"{parent.kode}.{step}",
                nama=f"{name} {parent.kode.removeprefix(ROOT_KODE)}.{step:02d}".replace(" .", " "),
            )
            for parent in levels[-1]
            for step in range(1, fanout + 1)
        ]
        UnitKerja.objects.bulk_create(nodes, batch_size=5_000)
        levels.append(list(UnitKerja.objects.filter(depth=depth, path__startswith=root.path)))
    UnitKerja.objects.filter(pk=root.pk).update(numchild=fanout)
    return levels


def _parents(levels) -> dict[int | None, int]:  # None: a root's parent, looked up as such
    path_to_unit = {u.path: u for level in levels for u in level}
    return {
        unit.pk: path_to_unit[unit.path[: -UnitKerja.steplen]].pk
        for level in levels[1:]
        for unit in level
    }


def _seed_people(ctx: Context, levels, total: int, batch_size: int, report) -> None:
    # unit id → (pegawai id, user id) of its head; None (a root's parent) is never a key
    heads: dict[int | None, tuple[int, int]] = {}
    parent_of = _parents(levels)
    made = 0
    for depth, level in enumerate(levels):
        jabatan, jenis, golongan = ROOT_HEAD if depth == 0 else LEVELS[depth - 1][1:]
        people = []
        for unit in level:
            boss = heads.get(parent_of.get(unit.pk))
            grand = heads.get(parent_of.get(parent_of.get(unit.pk)))
            people.append(Person(unit.pk, jabatan, jenis, golongan, boss, grand and grand[0]))
        for chunk in _chunks(people, batch_size):
            for person, ids in zip(chunk, _create_batch(ctx, chunk), strict=True):
                heads[person.unit_id] = ids
        made += len(people)
    leaves = levels[-1]
    staff_total = total - made
    per_leaf, extra = divmod(staff_total, len(leaves))

    def staff() -> Iterator[Person]:
        for n, unit in enumerate(leaves):
            head = heads[unit.pk]
            boss = heads.get(parent_of[unit.pk])
            for _ in range(per_leaf + (n < extra)):
                jabatan, jenis, golongan = ctx.rng.choice(STAFF_JABATAN)
                yield Person(unit.pk, jabatan, jenis, golongan, head, boss and boss[0])

    for chunk in _chunks(staff(), batch_size):
        _create_batch(ctx, chunk)
        made += len(chunk)
        report(f"    {made:,} / {total:,} pegawai")


def _chunks(items, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@transaction.atomic
def _create_batch(ctx: Context, people: list[Person]) -> list[tuple[int, int]]:
    """Users, pegawai and every record of one batch; returns (pegawai id, user id) each."""
    users = _create_users(ctx, len(people))
    pegawai = Pegawai.objects.bulk_create(
        [
            Pegawai(
                user_id=u.pk,
                unit_id=p.unit_id,
                jabatan=p.jabatan,
                jenis_jabatan=p.jenis,
                golongan=p.golongan,
                pejabat_penilai_id=p.penilai and p.penilai[0],
                atasan_pejabat_penilai_id=p.atasan_id,
            )
            for u, p in zip(users, people, strict=True)
        ],
        batch_size=5_000,
    )
    ctx.add("pengguna dan pegawai", len(pegawai))
    _seed_skp(ctx, pegawai)
    evaluations = _seed_evaluations(ctx, pegawai)
    _seed_pembinaan(ctx, evaluations, people, pegawai)
    _seed_learning(ctx, users)
    return [(p.pk, u.pk) for p, u in zip(pegawai, users, strict=True)]


def _create_users(ctx: Context, count: int) -> list:
    """``count`` users with the next NIPs, in the Pegawai group."""
    User = get_user_model()
    users = []
    for _ in range(count):
        nip = nip_for(next(ctx.serial))
        users.append(
            User(
                username=nip,
                nip=nip,
                password=ctx.password,
                email=f"{nip}@{EMAIL_DOMAIN}",
                display_name=f"{ctx.rng.choice(FIRST_NAMES)} {ctx.rng.choice(SURNAMES)}",
            )
        )
    User.objects.bulk_create(users, batch_size=2_000)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=ctx.group_id) for u in users], batch_size=5_000
    )
    return users


def _seed_skp(ctx: Context, pegawai: list[Pegawai]) -> None:
    skps = SKP.objects.bulk_create(
        [
            SKP(
                pegawai_id=p.pk,
                periode=ctx.annual,
                pejabat_penilai_id=p.pejabat_penilai_id,
                status=StatusSKP.DISETUJUI,
            )
            for p in pegawai
        ],
        batch_size=5_000,
    )
    rhk = RencanaHasilKerja.objects.bulk_create(
        [
            RencanaHasilKerja(skp_id=s.pk, rhk=f"Terlaksananya layanan unit {n}", sort_order=n)
            for s in skps
            for n in (0, 1)
        ],
        batch_size=5_000,
    )
    IndikatorRHK.objects.bulk_create(
        [
            IndikatorRHK(rhk_id=r.pk, indikator="Persentase layanan tepat waktu", target="95%")
            for r in rhk
        ],
        batch_size=5_000,
    )
    ctx.add("SKP", len(skps))


def _seed_evaluations(ctx: Context, pegawai: list[Pegawai]) -> list[Evaluasi]:
    cells, weights = zip(*CELL_WEIGHTS, strict=True)
    rows = []
    for periode in ctx.periods:
        for p, (hasil, perilaku) in zip(
            pegawai, ctx.rng.choices(cells, weights, k=len(pegawai)), strict=True
        ):
            rows.append(
                Evaluasi(
                    pegawai_id=p.pk,
                    periode=periode,
                    rating_hasil=hasil,
                    rating_perilaku=perilaku,
                    predikat=int(predikat_for(hasil, perilaku)),
                    pejabat_penilai_id=p.pejabat_penilai_id,
                )
            )
    made = Evaluasi.objects.bulk_create(rows, batch_size=5_000)
    ctx.add("evaluasi", len(made))
    return made


def _seed_pembinaan(ctx: Context, evaluations, people, pegawai) -> None:
    """For weak results in the latest period: a recommendation, and for half an assignment
    made by the pejabat penilai."""
    assigner = {
        p.pk: (person.penilai[1] if person.penilai else None)
        for p, person in zip(pegawai, people, strict=True)
    }
    recommendations = _recommendations(ctx, evaluations)
    Recommendation.objects.bulk_create(recommendations, batch_size=5_000)
    pending = _assignments(ctx, recommendations, assigner)
    Assignment.objects.bulk_create(pending, batch_size=5_000)
    ctx.add("rekomendasi", len(recommendations))
    ctx.add("penugasan", len(pending))


def _recommendations(ctx: Context, evaluations) -> list[Recommendation]:
    """A recommendation for each weak result in the latest period."""
    latest = ctx.periods[-1].pk
    recommendations = []
    for evaluasi in evaluations:
        if evaluasi.periode_id != latest or evaluasi.predikat not in WEAK_PREDIKAT:
            continue
        course = ctx.rng.choice(ctx.courses)
        recommendations.append(
            Recommendation(
                pegawai_id=evaluasi.pegawai_id,
                evaluasi=evaluasi,
                rule=ctx.rule,
                course_id=course.pk,
                reason="Predikat kinerja perlu perbaikan",
                priority=1,
            )
        )
    return recommendations


def _assignments(ctx: Context, recommendations, assigner: dict) -> list[Assignment]:
    """For about half the recommendations, an assignment by the pejabat penilai."""
    due, pending = datetime.date(TAHUN, 12, 15), []
    for rec in recommendations:
        if ctx.rng.random() < 0.5:
            pending.append(
                Assignment(
                    pegawai_id=rec.pegawai_id,
                    course_id=rec.course_id,
                    recommendation=rec,
                    evaluasi_id=rec.evaluasi_id,
                    assigned_by_id=assigner[rec.pegawai_id],
                    due_date=due,
                    status=AssignmentStatus.ASSIGNED,
                )
            )
    return pending


def _seed_learning(ctx: Context, users) -> None:
    """0–5 enrolments each; ~40% completed with lessons, a passed attempt, JP and certificate."""
    now = timezone.now()
    plan = _enrolment_plan(ctx, users)  # (user, course, completed)
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user_id=u.pk,
                course_id=c.pk,
                percent=100 if done else 50,
                status=EnrolmentStatus.COMPLETED if done else EnrolmentStatus.IN_PROGRESS,
                completed_at=now if done else None,
            )
            for u, c, done in plan
        ],
        batch_size=5_000,
    )
    rows = _progress_rows(ctx, enrolments, plan, now)
    for model, name in (
        (LessonCompletion, "pelajaran selesai"),
        (QuizAttempt, "percobaan kuis"),
        (LearningRecord, "catatan JP"),
        (Certificate, "sertifikat"),
    ):
        model.objects.bulk_create(rows[model], batch_size=5_000)
        ctx.add(name, len(rows[model]))
    ctx.add("pendaftaran kursus", len(enrolments))


def _enrolment_plan(ctx: Context, users) -> list[tuple]:
    plan = []
    for user in users:
        for course in ctx.rng.sample(ctx.courses, min(len(ctx.courses), ctx.rng.randint(0, 5))):
            plan.append((user, course, ctx.rng.random() < 0.4))
    return plan


def _progress_rows(ctx: Context, enrolments, plan, now) -> dict[type[Model], list[Any]]:
    """Lesson completions and quiz attempts, and for a completed course its JP record and
    certificate, keyed by model."""
    rows: dict[type[Model], list[Any]] = {
        LessonCompletion: [],
        QuizAttempt: [],
        LearningRecord: [],
        Certificate: [],
    }
    end = datetime.date(TAHUN, 1, 1) + datetime.timedelta(days=ctx.rng.randint(0, 300))
    for enrolment, (user, course, done) in zip(enrolments, plan, strict=True):
        lessons = course.lesson_ids if done else course.lesson_ids[:1]
        rows[LessonCompletion] += [
            LessonCompletion(enrolment_id=enrolment.pk, lesson_id=pk) for pk in lessons
        ]
        if done or ctx.rng.random() < 0.3:
            rows[QuizAttempt].append(_attempt(user, course, done, now))
        if done:
            number = f"SKALA/{TAHUN}/{enrolment.pk:010d}"
            rows[LearningRecord].append(_record(user, course, enrolment, number, end, now))
            rows[Certificate].append(_certificate(user, course, enrolment, number, now))
    return rows


def _attempt(user, course: CourseInfo, done: bool, now) -> QuizAttempt:
    return QuizAttempt(
        user_id=user.pk,
        quiz_id=course.quiz_id,
        number=1,
        state=AttemptState.FINISHED,
        started_at=now,
        submitted_at=now,
        layout=course.layout,
        points=Decimal(5 if done else 2),
        max_points=Decimal(5),
        score=Decimal(100 if done else 40),
        passed=done,
    )


def _record(user, course: CourseInfo, enrolment, number: str, end, now) -> LearningRecord:
    return LearningRecord(
        user_id=user.pk,
        source=LearningRecordSource.COURSE,
        title=course.title,
        jp=Decimal(course.jp),
        start_date=end,
        end_date=end,
        certificate_number=number,
        enrolment_id=enrolment.pk,
        verification_status=VerificationStatus.VERIFIED,
        verified_at=now,
    )


def _certificate(user, course: CourseInfo, enrolment, number: str, now) -> Certificate:
    return Certificate(
        number=number,
        user_id=user.pk,
        enrolment_id=enrolment.pk,
        course_id=course.pk,
        course_title=course.title,
        jp=course.jp,
        holder_name=user.display_name,
        holder_nip=user.nip,
        signatory_name="Kepala Biro Sumber Daya Manusia",
        signatory_title="Pejabat Pembina Kepegawaian",
        issued_at=now,
    )


__all__ = ["ROOT_KODE", "ScaleDataExists", "fanout_for", "nip_for", "seed_scale", "unit_count"]
