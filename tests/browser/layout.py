"""What the layout suite and the screenshot script share: the demo's logins, each role's
main screens, and the in-browser checks a screen must pass at 390 px and 1366 px.

Pages are found from the demo data (``manage.py seed_demo``) through the ORM, so the same
list serves the live-server tests and a running demo server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.ui_strings import english_ui_strings_in

VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1366, "height": 768},
}
ROLES = ("public", "pegawai", "pimpinan", "mentor", "pengelola", "editor", "moderator")
ADMIN_ROLES = ("pengelola", "editor", "moderator")
QUIZ_START = r"^\s*(Mulai kuis|Coba lagi|Lanjutkan percobaan)\s*$"
ESCAPED_HTML = re.compile(r"&lt;|&gt;|&amp;[a-z]+;|<p>|</")


@dataclass
class Screen:
    name: str  # short, file-name safe: used for screenshots
    url: str
    admin: bool = False  # a Wagtail admin screen (its English strings are adminlang's)
    # A button or button-styled link (regex of its text) followed after loading: the quiz
    # page's "Mulai kuis" leads to the attempt itself.
    click: str | None = None
    shot: bool = False  # one of the role's main screens, shown in docs/img/


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")

    def __bool__(self) -> bool:
        return bool(self.items)

    def report(self) -> str:
        return "\n".join(self.items)


def demo_logins() -> dict[str, str]:
    """Role → login (NIP or e-mail) of the accounts ``seed_demo`` prints."""
    from accounts.demo import STAFF
    from kinerja_link.demo import PENGELOLA_UNIT, _demo_logins
    from kinerja_link.models import Pegawai

    pengelola = (
        Pegawai.objects.filter(unit__kode=PENGELOLA_UNIT, pejabat_penilai__isnull=False)
        .select_related("user")
        .order_by("user__nip")
        .first()
    )
    pegawai, pimpinan, pengelola_login = _demo_logins(pengelola)
    logins = {
        "pegawai": pegawai.login,
        "pimpinan": pimpinan.login,
        "pengelola": pengelola_login.login,
    }
    # The Sangat Baik pegawai the demo appoints as mentor of the demo pegawai (issue 16 §2).
    from kinerja_link.pembinaan.models import CoachAppointment

    appointment = CoachAppointment.objects.select_related("mentor__user").first()
    if appointment is not None:
        logins["mentor"] = appointment.mentor.user.username
    for username, email, _name, _role, _superuser in STAFF:
        if username in ("editor", "moderator"):
            logins[username] = email
    return logins


def _user(login: str):
    from django.contrib.auth import get_user_model

    model = get_user_model()
    return model.objects.filter(email__iexact=login).first() or model.objects.get(username=login)


def screens_for(role: str, logins: dict[str, str]) -> list[Screen]:  # noqa: C901 - one list per role
    """The main screens of a role: every page a pegawai or pimpinan reaches from the nav,
    and the first screens of the admin roles."""
    from django.urls import NoReverseMatch, reverse

    from kinerja_link.models import SKP, Pegawai
    from kinerja_link.pembinaan.models import Feedback, PembinaanSession
    from learning.models import Certificate, CoursePage, Enrolment, LessonPage
    from learning.quiz.models import QuizPage
    from portal.models import ArticlePage, ValuePage

    if role == "public":
        course = CoursePage.objects.live().order_by("path").first()
        screens = [
            Screen("beranda", "/", shot=True),
            Screen("artikel", "/artikel/"),
            Screen("nilai", "/nilai-berakhlak/"),
            Screen("katalog", "/katalog/", shot=True),
            Screen("transparansi", "/transparansi/", shot=True),
            Screen("cari", "/cari/?q=integritas"),
            Screen("masuk", reverse("accounts:login")),
        ]
        article = ArticlePage.objects.live().order_by("path").first()
        value = ValuePage.objects.live().order_by("path").first()
        if article:
            screens.insert(2, Screen("artikel-detail", article.url))
        if value:
            screens.insert(4, Screen("nilai-detail", value.url))
        if course:
            screens.append(Screen("kursus", course.url))
        certificate = Certificate.objects.order_by("pk").first()
        if certificate:
            screens.append(
                Screen(
                    "verifikasi-sertifikat",
                    reverse("learning:certificate_verify", args=[certificate.uuid]),
                )
            )
        return screens

    if role == "mentor":
        mentor = Pegawai.objects.get(user=_user(logins[role]))
        session = PembinaanSession.objects.filter(held_by=mentor).order_by("pk").first()
        mentee = session.participants.order_by("pk").first() if session else None
        screens = [Screen("mentee-saya", reverse("pembinaan:mentee_saya"), shot=True)]
        if session and mentee:
            detail = reverse("pembinaan:session_detail", args=[session.pk])
            create = reverse("pembinaan:session_create") + f"?pegawai={mentee.pk}"
            screens += [Screen("sesi-detail", detail, shot=True), Screen("sesi-baru", create)]
        return screens

    if role in ("pegawai", "pimpinan"):
        user = _user(logins[role])
        pegawai = Pegawai.objects.get(user=user)
        enrolment = (
            Enrolment.objects.filter(user=user).select_related("course").order_by("pk").first()
        )
        course = enrolment.course if enrolment else CoursePage.objects.live().first()
        lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
        # A quiz this account has not tried yet, so "Mulai kuis" opens a fresh attempt.
        quizzes = QuizPage.objects.live().order_by("path")
        quiz = None
        for enrolled in Enrolment.objects.filter(user=user).select_related("course"):
            quiz = quizzes.descendant_of(enrolled.course).exclude(attempts__user=user).first()
            if quiz:
                break
        quiz = quiz or quizzes.descendant_of(course).first() or quizzes.first()
        screens = [
            Screen("belajar-saya", reverse("learning:belajar_saya"), shot=role == "pegawai"),
            Screen("katalog", "/katalog/"),
            Screen("kursus", course.url),
        ]
        if lesson:
            screens.append(Screen("pelajaran", lesson.url))
        if quiz:
            screens.append(Screen("kuis", quiz.url))
            screens.append(Screen("kuis-soal", quiz.url, click=QUIZ_START, shot=True))
        screens += [
            Screen("kinerja-saya", reverse("kinerja:saya"), shot=role == "pegawai"),
            Screen("catatan-tambah", reverse("learning:record_add")),
            Screen("notifikasi", reverse("pembinaan:notifications")),
            Screen("notifikasi-pengaturan", reverse("pembinaan:notification_settings")),
            Screen("umpan-balik", reverse("pembinaan:umpan_balik")),
        ]
        skp = SKP.objects.filter(pegawai=pegawai).order_by("-pk").first()
        if skp:
            screens.append(Screen("skp", reverse("kinerja:skp", args=[skp.pk])))
        certificate = Certificate.objects.filter(user=user).order_by("pk").first()
        if certificate:
            screens.append(
                Screen(
                    "sertifikat", reverse("learning:certificate_verify", args=[certificate.uuid])
                )
            )
        mentored = PembinaanSession.objects.filter(
            participants=pegawai, held_by__mentee_appointments__mentee=pegawai
        ).first()
        if mentored and role == "pegawai":
            screens += [
                Screen("sesi-mentoring", reverse("pembinaan:session_detail", args=[mentored.pk])),
                Screen(
                    "umpan-balik-sesi", reverse("pembinaan:session_evaluate", args=[mentored.pk])
                ),
            ]
        # The reaction survey of a completed course not yet answered (the demo keeps one open).
        unanswered = (
            Enrolment.objects.filter(user=user, completed_at__isnull=False, reaction__isnull=True)
            .order_by("pk")
            .first()
        )
        if unanswered:
            screens.append(
                Screen("survei-kursus", reverse("learning:reaction_survey", args=[unanswered.pk]))
            )
        feedback = Feedback.objects.filter(pegawai=pegawai).order_by("pk").first()
        if feedback:
            screens.append(
                Screen(
                    "umpan-balik-detail", reverse("pembinaan:feedback_detail", args=[feedback.pk])
                )
            )
        if role == "pimpinan":
            member = (
                Pegawai.objects.filter(pejabat_penilai=pegawai, is_active=True)
                .order_by("pk")
                .first()
            )
            # The pegawai's own pages were walked for the pegawai; keep those a pimpinan has too.
            own = {"belajar-saya", "kinerja-saya", "notifikasi", "umpan-balik", "skp"}
            screens = [
                Screen("tim-saya", reverse("tim_saya:index"), shot=True),
                Screen("anggota", reverse("kinerja:pegawai", args=[member.pk]), shot=True),
                Screen("sesi", reverse("pembinaan:session_list")),
                Screen("sesi-baru", reverse("pembinaan:session_create")),
                Screen("evaluasi-pascapelatihan", reverse("pengembangan:evaluasi_team")),
                Screen(
                    "umpan-balik-baru",
                    reverse("pembinaan:feedback_create") + f"?pegawai={member.pk}",
                ),
                Screen("penunjukan-mentor", reverse("pembinaan:appointment_list")),
                *(screen for screen in screens if screen.name in own),
            ]
            session = PembinaanSession.objects.filter(held_by=pegawai).order_by("pk").first()
            if session:
                screens.insert(
                    4, Screen("sesi-detail", reverse("pembinaan:session_detail", args=[session.pk]))
                )
        return screens

    screens = [Screen("admin", reverse("wagtailadmin_home"), admin=True, shot=True)]
    names = {
        "pengelola": [
            ("impor-evaluasi", "kinerja_import:index"),
            ("rekomendasi", "recommendation:index"),
            ("aturan-pembinaan", "pembinaan_rule:index"),
            ("evaluasi-pelatihan", "evaluasi_pelatihan:index"),
        ],
        "editor": [("halaman", "wagtailadmin_explore_root"), ("gambar", "wagtailimages:index")],
        "moderator": [("halaman", "wagtailadmin_explore_root")],
    }[role]
    for name, url_name in names:
        try:
            screens.append(
                Screen(name, reverse(url_name), admin=True, shot=name == "impor-evaluasi")
            )
        except NoReverseMatch:
            continue
    if role == "pengelola":
        screens.append(Screen("ekspor", reverse("kinerja:ekspor")))
        screens.append(Screen("verifikasi", reverse("learning:verification_list")))
    if role in ("editor", "moderator"):
        article = ArticlePage.objects.live().order_by("path").first()
        if article:
            screens.append(
                Screen(
                    "artikel-edit",
                    reverse("wagtailadmin_pages:edit", args=[article.pk]),
                    admin=True,
                    shot=role == "editor",
                )
            )
    return screens


def log_in(page, login: str, password: str) -> None:
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(login)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def open_screen(page, screen: Screen):
    """Go to the screen (following its ``click``); the response of the first load."""
    response = page.goto(screen.url)
    if screen.click and response is not None and response.ok:
        button = page.locator("main .button", has_text=re.compile(screen.click))
        if button.count():
            with page.expect_navigation():
                button.first.click()
    return response


# Words in labels and headings must wrap between words, never inside one ("Miscond uct").
_LAYOUT_JS = "\n".join(
    line
    for line in (Path(__file__).parent / "layout_checks.js")
    .read_text(encoding="utf-8")
    .splitlines()
    if not line.startswith("//")
)


def check_layout(
    page,
    where: str,
    problems: Problems,
    *,
    phone: bool,
    english: bool = True,
) -> None:
    """Record what is wrong with the page as shown now."""
    result = page.evaluate(_LAYOUT_JS, phone)
    if result["scrollWidth"] > result["innerWidth"]:
        problems.add(
            where,
            f"scrolls sideways ({result['scrollWidth']} px > {result['innerWidth']} px): "
            f"{', '.join(result['wide'])}",
        )
    escaped = sorted(set(ESCAPED_HTML.findall(result["mainText"])))
    if escaped:
        problems.add(where, f"escaped HTML shown: {escaped}")
    if result["broken"]:
        problems.add(where, f"words broken mid-word: {sorted(set(result['broken']))[:8]}")
    if result["clippedCaptions"]:
        problems.add(where, f"table caption clipped: {result['clippedCaptions']}")
    if result["smallTargets"]:
        problems.add(where, f"touch targets under 44 px: {result['smallTargets'][:6]}")
    if english:
        found = english_ui_strings_in(result["bodyText"])
        if found:
            problems.add(where, f"English UI strings: {found}")


def english_in_page(page) -> list[str]:
    return english_ui_strings_in(page.evaluate("document.body.innerText"))
