"""The XSS corpus stored in every text a user controls, then looked for as live markup.

One world per payload: the payload is the pegawai's and the pimpinan's name, the unit's
name, a question's text (plain and HTML), its choices and feedback, an essay answer and
the grader's comment, an external training's title, an evaluation's per-value note, an
import job's file name and row errors, a course's title, a lesson's StreamField blocks
and its rich text (as the editor would store it), and a certificate. Each page in
``PAGES`` that shows those is parsed (``payloads.live_markup``); so are the certificate's
PDF HTML and the password-reset e-mail. Exports: every CSV/XLSX the site writes is read
back and no cell may start like a formula.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
from dataclasses import replace
from decimal import Decimal
from html import escape

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from competencies.models import Competency
from kinerja_link.models import ImportJob, ImportStatus
from kinerja_link.pembinaan.feedback import feedback_give
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.services import pimpinan_group_sync
from learning import services as learning_services
from learning.certificates import render_html
from learning.models import Certificate
from learning.quiz import services as quiz_services
from learning.quiz.types import TextFormat
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.learning.factories import make_course
from tests.learning.quiz.factories import essay, make_question, make_quiz, single_choice

from .payloads import FORMULAS, TEMPLATE_RESULTS, XSS, live_markup, text_of
from .test_route_matrix import iter_routes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _rich_text_as_the_editor_stores_it(html: str) -> str:
    """What Draftail would save for pasted HTML: the admin's own converter, both ways."""
    from wagtail.admin.rich_text import DraftailRichTextArea

    converter = DraftailRichTextArea().converter
    try:
        return converter.to_database_format(converter.from_database_format(html))
    except AssertionError:  # tags the converter cannot pair: what a paste of text gives
        return f"<p>{escape(html)}</p>"


def build_world(text: str):
    """Everything a user can name, named ``text``; returns (clients, urls, certificate)."""
    unit = UnitKerjaFactory(nama=f"Unit {text}")
    pimpinan = PegawaiFactory(unit=unit, user__display_name=f"Kepala {text}")
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=pimpinan, user__display_name=text)
    pengelola = PegawaiFactory(unit=unit).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    pimpinan_group_sync()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    user = pegawai.user

    periode = PeriodeFactory()
    evaluasi = EvaluasiFactory(
        pegawai=pegawai,
        periode=periode,
        perilaku_catatan={"BP": {"catatan": text, "perlu_pembinaan": True}},
    )
    rich = _rich_text_as_the_editor_stores_it(
        f'<p>{text}</p><p><a href="javascript:alert(1)">tautan</a></p>{text}'
    )
    course = make_course(title=f"Kursus {text}", lessons=1, summary=text)
    lesson = course.lessons().first().specific
    lesson.body = [
        ("heading", {"text": text, "level": "h2"}),
        ("paragraph", rich),
        ("key_points", {"title": text, "points": [text, text]}),
        ("reflection", {"prompt": text, "hint": text}),
    ]
    lesson.save_revision().publish()
    plain = make_question(replace(single_choice(text=text), general_feedback=text))
    rich_q = make_question(single_choice(text=f"<p>{text}</p>", text_format=TextFormat.HTML))
    essay_q = make_question(essay())
    quiz = make_quiz(course, [plain, rich_q, essay_q], pass_mark=0, max_attempts=3)

    learning_services.enrolment_create(user=user, course=course)
    learning_services.lesson_complete(user=user, lesson=lesson)
    attempt = quiz_services.attempt_start(user=user, quiz=quiz)
    quiz_services.attempt_submit(user=user, attempt_id=attempt.pk, data={"q3": text})
    answer = attempt.answers.get(slot=3)
    quiz_services.answer_grade_manual(
        by=pengelola, answer_id=answer.pk, fraction=Decimal("0.5"), comment=text
    )
    learning_services.learning_record_create_external(
        user=user,
        title=text,
        institution=text,
        jenis_diklat_id=3,
        minutes=450,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 2),
        certificate_number=text[:100],
        proof=SimpleUploadedFile("b.pdf", PDF),
    )
    job = ImportJob.objects.create(
        original_name=f"{text}.csv",
        status=ImportStatus.PRATINJAU,
        created_by=pengelola,
        message=text,
        errors=[{"baris": 2, "nip": text[:30], "pesan": text}],
        error_count=1,
    )
    Competency.objects.create(kind="teknis", code="xss-1", name=text, description=text)
    # Pembinaan: a note, feedback and a coaching session in the pimpinan's words.
    feedback_give(user=pimpinan.user, pegawai=pegawai, date=datetime.date(2026, 3, 3), text=text)
    session_record(
        user=pimpinan.user,
        kind="coaching",
        date=datetime.date(2026, 3, 4),
        participant_ids=[pegawai.pk],
        topics=text,
        agreed_actions=text,
        follow_up_date=None,
        duration_minutes=60,
    )
    certificate = Certificate.objects.filter(user=user).first()

    clients = {}
    for role, who in (
        ("pegawai", user),
        ("pimpinan", pimpinan.user),
        ("pengelola", pengelola),
        ("superuser", superuser),
    ):
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(who)
    record = user.learning_records.filter(source="eksternal").first() or (
        user.learning_records.first()
    )
    urls = [
        ("pegawai", reverse("learning:belajar_saya")),
        ("pegawai", reverse("kinerja:saya")),
        ("pegawai", course.url),
        ("pegawai", lesson.url),
        ("pegawai", quiz.url),
        ("pegawai", reverse("quiz:review", args=[attempt.pk])),
        ("pimpinan", reverse("tim_saya:index")),
        ("pimpinan", reverse("pembinaan:session_list")),
        ("pimpinan", reverse("kinerja:perilaku_notes", args=[evaluasi.pk])),
        ("pegawai", reverse("pembinaan:umpan_balik")),
        ("pegawai", reverse("pembinaan:notifications")),
        ("pimpinan", reverse("kinerja:pegawai", args=[pegawai.pk])),
        ("pengelola", reverse("learning:verification_list")),
        ("pengelola", reverse("quiz:marking_queue")),
        ("pengelola", reverse("quiz:report", args=[quiz.pk])),
        ("superuser", reverse("pegawai:index")),
        ("superuser", reverse("pegawai:edit", args=[pegawai.pk])),
        ("superuser", reverse("unitkerja:index")),
        ("superuser", reverse("unitkerja:edit", args=[unit.pk])),
        ("superuser", reverse("evaluasi:index")),
        ("superuser", reverse("evaluasi:inspect", args=[evaluasi.pk])),
        ("superuser", reverse("learning_records:index")),
        ("superuser", reverse("learning_records:inspect", args=[record.pk])),
        ("superuser", reverse("wagtailsnippets_quiz_question:list")),
        ("superuser", reverse("wagtailsnippets_quiz_question:edit", args=[plain.pk])),
        ("superuser", reverse("wagtailsnippets_competencies_competency:list")),
        ("superuser", reverse("kinerja_import:index")),
        ("superuser", reverse("kinerja_import:inspect", args=[job.pk])),
        ("superuser", reverse("wagtailusers_users:index")),
        ("superuser", reverse("wagtailadmin_pages:edit", args=[lesson.pk])),
        ("superuser", reverse("wagtailadmin_explore", args=[course.pk])),
        ("superuser", reverse("portal:search") + "?q=" + text),
    ]
    if certificate:
        urls += [
            ("pegawai", certificate.get_absolute_url()),
            ("superuser", reverse("learning_certificates:index")),
            ("superuser", reverse("learning_certificates:inspect", args=[certificate.pk])),
        ]
    return clients, urls, certificate


PLACES_PER_PAYLOAD: dict[str, int] = {}


@pytest.mark.parametrize("payload", XSS)
def test_payload_is_never_live_markup(payload):
    clients, urls, certificate = build_world(payload)
    problems, shown_verbatim = [], 0
    for role, url in urls:
        response = clients[role].get(url)
        if response.status_code != 200:
            problems.append(f"{role} {url} → {response.status_code}")
            continue
        body = response.content.decode()
        problems += [f"{role} {url}: {found}" for found in live_markup(body)]
        if payload in ("{{7*7}}", "{% debug %}"):
            shown_verbatim += payload in html.unescape(body)
            if "sql_queries" in text_of(body):
                problems.append(f"{role} {url}: template payload evaluated")
    if payload in ("{{7*7}}", "{% debug %}") and shown_verbatim < len(urls) // 2:
        problems.append(f"template payload shown verbatim on {shown_verbatim} pages only")
    assert certificate is not None, "the course was completed: a certificate exists"
    problems += [f"certificate PDF HTML: {p}" for p in live_markup(render_html(certificate))]
    PLACES_PER_PAYLOAD[payload] = len(urls) + 1
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("payload", XSS)
def test_payload_in_a_name_stays_inert_in_the_password_reset_email(payload):
    PegawaiFactory(user__display_name=payload, user__email="korban@example.test")
    Client().post(reverse("accounts:password_reset"), {"email": "korban@example.test"})
    assert mail.outbox, "a reset e-mail was sent"
    for message in mail.outbox:
        for content, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                assert not live_markup(content)
        assert not any(result in message.body for result in TEMPLATE_RESULTS[1:])


def test_template_results_are_not_in_the_corpus():
    assert not any(result in payload for payload in XSS for result in TEMPLATE_RESULTS)


# --- formula injection in exports -------------------------------------------------------


def _cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    disposition = response.get("Content-Disposition", "")
    if ".xlsx" in disposition:
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        cells = []
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value}"
                    cells.append(cell.value)
        return [c for c in cells if isinstance(c, str)]
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _dangerous(cells: list[str]) -> list[str]:
    return [c for c in cells if c and c[0] in "=+-@\t\r"]


def _formula_world(formula: str):
    unit = UnitKerjaFactory(nama=formula, kode="F1")
    pegawai = PegawaiFactory(unit=unit, user__display_name=formula)
    pengelola = PegawaiFactory(unit=unit).user
    pengelola.groups.add(Group.objects.get(name=Role.PENGELOLA))
    periode = PeriodeFactory()
    EvaluasiFactory(pegawai=pegawai, periode=periode)
    record = learning_services.learning_record_create_external(
        user=pegawai.user,
        title=formula,
        institution=formula,
        jenis_diklat_id=3,
        minutes=450,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 2),
        certificate_number=formula[:100],
        proof=SimpleUploadedFile("b.pdf", PDF),
    )
    learning_services.learning_record_verify(record=record, by=pengelola, approve=True, reason="")
    Competency.objects.create(kind="teknis", code="f-1", name=formula, description=formula)
    make_question(single_choice(name=formula))
    return unit, periode, pengelola


@pytest.mark.parametrize("formula", FORMULAS)
def test_kinerja_export_neutralises_formulas(formula):
    unit, periode, pengelola = _formula_world(formula)
    client = Client()
    client.force_login(pengelola)
    for kind in ("csv", "xlsx"):
        response = client.get(
            reverse("kinerja:ekspor"), {"periode": periode.pk, "unit": unit.pk, "format": kind}
        )
        cells = _cells(response)
        assert any(formula.strip() in c for c in cells), kind
        assert not _dangerous(cells), (kind, _dangerous(cells))


def _admin_listings() -> list[str]:
    """Every admin listing (found from the URL patterns) that might offer an export."""
    names = []
    for pattern, name in iter_routes():
        if (
            pattern.startswith("admin/")
            and name.endswith((":index", ":list"))
            and "<" not in (pattern)
        ):
            names.append(name)
    return names


@pytest.mark.parametrize("formula", FORMULAS[:1] + FORMULAS[2:5])
def test_every_admin_export_neutralises_formulas(formula):
    _formula_world(formula)
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    exported = []
    for name in _admin_listings():
        for kind in ("csv", "xlsx"):
            response = client.get(reverse(name), {"export": kind})
            if "attachment" not in response.get("Content-Disposition", ""):
                continue
            exported.append(f"{name} {kind}")
            cells = _cells(response)
            assert not _dangerous(cells), (name, kind, _dangerous(cells))
    # The ledger, questions, competencies and evaluations offer exports today.
    assert len(exported) >= 8, exported
