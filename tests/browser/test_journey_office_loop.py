"""Journey "the loop in a real office" (issue #15), from the seeded demo organisation:

1. the demo pengelola (1366 px) imports the demo's SIASN evaluation file and its e-Kinerja
   SKP file through the admin import screens: preview, *Konfirmasi dan simpan*, progress;
2. the demo pimpinan (390 px) sees the recommendations on Tim Saya and accepts a course;
3. that team member (390 px) completes the course, lessons and quiz, and sees it at once
   on the SKP page (Kinerja Saya) with its JP, and links it to the RHK it supports;
4. the pengelola exports the SKP's periode: the file holds that learning with SIASN codes.

Every pegawai/pimpinan page visited is checked for horizontal scroll at 390 px.
"""

from __future__ import annotations

import datetime
import re

import openpyxl
import pytest
from playwright.sync_api import expect

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, demo_password_hash, seed_staff
from accounts.roles import Role
from kinerja_link.demo import evaluasi_csv, seed_organisation
from kinerja_link.demo_skp import skp_csv
from kinerja_link.models import SKP, Evaluasi, UnitKerja
from kinerja_link.pembinaan.models import Assignment, Recommendation, SkpEvidence
from learning.demo import seed_learning
from learning.models import CoursePage, Enrolment, LearningRecord
from learning.quiz.demo import seed_quizzes
from learning.quiz.grading import matching_options
from learning.quiz.models import QuizAttempt, QuizPage
from learning.quiz.selectors import attempt_slots
from learning.quiz.types import QuestionType
from portal.demo import seed_pages
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
RHK = "Terlayaninya permohonan di loket terpadu"  # a team member's RHK in the demo SKP file


@pytest.fixture
def office():
    """The demo organisation, courses and quizzes, as `make demo` seeds them, but without the
    evaluation and SKP imports: those are what the pengelola does in this journey."""
    password_hash = demo_password_hash()
    seed_pages()
    seed_staff(password_hash)
    logins = seed_organisation(password_hash)
    seed_learning(first_logins=[login.login for login in logins])
    seed_quizzes(pegawai_login=next(x.login for x in logins if x.role == Role.PEGAWAI))
    return {login.role: login for login in logins}


def _course_to_assign(member) -> CoursePage:
    """A live course with a quiz the member has not started (the demo gives some progress)."""
    started = Enrolment.objects.filter(user=member.user).values("course")
    quizzed = QuizPage.objects.live().values_list("path", flat=True)
    for course in CoursePage.objects.live().exclude(pk__in=started).order_by("path"):
        if any(path.startswith(course.path) for path in quizzed):
            return course
    raise AssertionError("no course left to assign")


def _context(browser, live_server, viewport):
    phone = viewport == PHONE
    context = browser.new_context(
        viewport=viewport,
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=phone,
        has_touch=phone,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return context, page, violations


def _login(page, login: str) -> None:
    page.goto("/akun/masuk/")
    page.get_by_label("NIP atau e-mail").fill(login)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def _no_horizontal_scroll(page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url}: {width[0]} px wide at {width[1]} px"


def _import(page, path, *, jenis: str) -> None:
    """Upload, preview, confirm, and wait for the finished report."""
    page.goto(f"/admin/kinerja_import/new/?jenis={jenis}")
    page.set_input_files("input[name=file]", str(path))
    expect(page.locator("input[name=dry_run]")).to_be_checked()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("progressbar", name="Kemajuan impor")).to_be_visible()
    expect(page.get_by_role("heading", name="Hasil pemeriksaan")).to_be_visible(timeout=120_000)
    with page.expect_navigation():
        page.get_by_role("button", name="Konfirmasi dan simpan").click()
    expect(page.get_by_role("heading", name="Hasil impor")).to_be_visible(timeout=120_000)
    expect(page.get_by_role("progressbar", name="Kemajuan impor")).to_have_attribute("value", "100")


def _answer_rightly(page, attempt: QuizAttempt) -> None:
    """Fill in the right answer to every question of the attempt, as a pegawai who knows."""
    for slot in attempt_slots(attempt):
        _answer_slot(page, slot)


def _answer_slot(page, slot) -> None:
    data, name = slot.data, f"q{slot.number}"
    if data.qtype == QuestionType.MATCHING:
        answers = dict(matching_options(data))
        position = {answers[option]: str(n) for n, option in enumerate(slot.order)}
        for pair in data.pairs:
            if pair.question.strip():
                page.locator(f"select[name={name}-{pair.id}]").select_option(position[pair.answer])
        return
    if data.qtype in (QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE):
        right = [max(data.choices, key=lambda c: c.fraction)]
    elif data.qtype == QuestionType.MULTIPLE_RESPONSE:
        right = [c for c in data.choices if c.fraction > 0]
    else:
        text = {
            QuestionType.SHORT_ANSWER: lambda: data.short_answers[0].text,
            QuestionType.NUMERICAL: lambda: str(data.numerical_answers[0].value),
        }.get(data.qtype)
        if text is not None:
            page.locator(f"[name={name}]").fill(text())
        return
    for choice in right:
        page.locator(f"input[name={name}][value='{slot.order.index(choice.id)}']").check()


def test_the_office_loop(browser, live_server, office, tmp_path):
    year = timezone.localdate().year
    pengelola_login = office[Role.PENGELOLA].login
    pimpinan_login = office[Role.PIMPINAN].login
    evaluasi_path = tmp_path / "demo-siasn-triwulan-iii-2026.csv"
    evaluasi_path.write_text(evaluasi_csv(), encoding="utf-8")
    skp_path = tmp_path / f"demo-ekinerja-skp-{year}.csv"
    skp_path.write_text(skp_csv(tahun=year), encoding="utf-8")
    contexts = []
    try:
        # 1. The pengelola loads the office: evaluations, then SKPs.
        context, admin, csp_admin = _context(browser, live_server, DESKTOP)
        contexts.append((context, csp_admin))
        _login(admin, pengelola_login)
        _import(admin, evaluasi_path, jenis="evaluasi")
        screenshot(admin, "loop-pengelola-impor-evaluasi")
        assert Evaluasi.objects.count() >= 50  # the whole office, not only the pengelola's unit
        _import(admin, skp_path, jenis="skp")
        screenshot(admin, "loop-pengelola-impor-skp")
        assert SKP.objects.filter(periode__tahun=year).count() >= 4

        # 2. The pimpinan sees the recommendations the import made on Tim Saya, and assigns
        # a course to the member they concern.
        context, lead, csp_lead = _context(browser, live_server, PHONE)
        contexts.append((context, csp_lead))
        _login(lead, pimpinan_login)
        _no_horizontal_scroll(lead)
        lead.goto("/tim-saya/")
        expect(lead.get_by_role("heading", level=1)).to_have_text("Tim Saya")
        open_list = lead.locator(
            "section", has=lead.get_by_role("heading", name="Rekomendasi terbuka")
        )
        expect(open_list.locator("li").first).to_be_visible()
        _no_horizontal_scroll(lead)
        screenshot(lead, "loop-pimpinan-tim-saya")
        recommendation = (
            Recommendation.objects.filter(pegawai__pejabat_penilai__user__nip=pimpinan_login)
            .select_related("pegawai__user")
            .order_by("priority", "pk")
            .first()
        )
        assert recommendation is not None
        member = recommendation.pegawai
        expect(open_list).to_contain_text(member.nama)
        course = _course_to_assign(member)
        lead.get_by_role("checkbox", name=re.compile(rf"^{re.escape(member.nama)}\b")).check()
        lead.get_by_label("Kursus").select_option(label=course.title)
        due = timezone.localdate() + datetime.timedelta(days=14)
        lead.get_by_label("Tenggat", exact=True).fill(due.isoformat())
        with lead.expect_navigation():
            lead.get_by_role("button", name="Tugaskan", exact=True).click()
        expect(lead.locator(".messages")).to_be_visible()
        _no_horizontal_scroll(lead)
        assert Assignment.objects.filter(pegawai=member, course=course).exists()

        # 3. The member completes the course and sees it on the SKP page at once.
        context, phone, csp_phone = _context(browser, live_server, PHONE)
        contexts.append((context, csp_phone))
        _login(phone, member.nip)
        phone.goto("/belajar-saya/")
        expect(phone.get_by_role("link", name=course.title).first).to_be_visible()
        _no_horizontal_scroll(phone)
        for lesson in course.lessons():
            phone.goto(lesson.url)
            _no_horizontal_scroll(phone)
            with phone.expect_navigation():
                phone.get_by_role("button", name="Tandai selesai").click()
        quiz = QuizPage.objects.child_of(course).live().first()
        if quiz is not None:
            phone.goto(quiz.url)
            phone.get_by_role("button", name="Mulai kuis").click()
            expect(phone.get_by_role("button", name="Kirim jawaban")).to_be_visible()
            _no_horizontal_scroll(phone)
            attempt = QuizAttempt.objects.filter(user=member.user, quiz=quiz).latest("pk")
            _answer_rightly(phone, attempt)
            phone.get_by_role("button", name="Kirim jawaban").click()
            expect(phone.locator("main")).to_contain_text("Lulus")
            _no_horizontal_scroll(phone)
        record = LearningRecord.objects.get(user=member.user, enrolment__course=course)

        phone.goto("/kinerja/saya/")
        evidence = phone.locator("section.skp-bukti")
        expect(evidence).to_contain_text(course.title)
        rhk = phone.locator("ol.kinerja-rhk")
        expect(rhk).to_contain_text(RHK)  # from the imported file
        jp = f"{record.jp:.2f}".replace(".", ",").removesuffix(",00")  # floatformat:"-2"
        expect(phone.locator(".skp-jp")).to_contain_text(f": {jp} JP")
        _no_horizontal_scroll(phone)
        # The member says which RHK the course supports; the RHK card shows it.
        linked = SkpEvidence.objects.get(learning_record=record)
        phone.locator(f"#bukti-rhk-{linked.pk}").select_option(label=RHK)
        with phone.expect_navigation():
            phone.locator(f"form:has(#bukti-rhk-{linked.pk}) button").click()
        rhk_card = phone.locator("ol.kinerja-rhk > li").filter(has_text=RHK)
        expect(rhk_card).to_contain_text(course.title)
        _no_horizontal_scroll(phone)
        screenshot(phone, "loop-pegawai-skp")

        # 4. The pengelola exports the SKP's periode: that learning, with SIASN codes.
        admin.goto("/kinerja/ekspor/")
        admin.get_by_label("Periode").select_option(label=f"Tahunan {year}")
        unit = UnitKerja.objects.get(pk=member.unit_id)
        units = admin.get_by_label("Unit kerja")
        option = units.locator("option", has_text=unit.nama).first
        units.select_option(option.get_attribute("value"))
        admin.get_by_label("Format").select_option("xlsx")
        with admin.expect_download() as download:
            admin.get_by_role("button", name="Unduh").click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        sheet = openpyxl.load_workbook(path).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        header = [str(h) for h in rows[0]]
        found = [
            dict(zip(header, row, strict=False))
            for row in rows[1:]
            if str(row[header.index("nip")]) == member.nip
            and row[header.index("namaKursus")] == course.title
        ]
        assert len(found) == 1, rows
        (line,) = found
        assert line["jenisKursusSertipikat"] == "T"
        assert str(line["jenisDiklatId"]) == str(record.jenis_diklat_id)
        assert str(line["tahunKursus"]) == str(year)
        assert float(line["jumlahJam"]) == float(record.jp)
    finally:
        for context, violations in contexts:
            context.close()
            assert not violations, f"Pelanggaran CSP: {violations}"
