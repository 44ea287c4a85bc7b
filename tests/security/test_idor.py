"""IDOR: someone else's id must answer exactly like an id that does not exist.

For each object route (pages, quiz attempts, proofs, certificate PDFs, import jobs,
documents, the export, the API) the intruder asks twice, once with the owner's id and
once with a missing id; status and body (ids and CSRF tokens blanked) must be equal.

Field tampering: every POST route a pegawai may reach (found from the URL patterns,
filled with the pegawai's own ids) is posted with extra fields (``TAMPER``); nothing
outside what the form allows may change.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.models import ApiToken, Evaluasi, ImportJob, ImportStatus, Pegawai
from kinerja_link.services import pimpinan_group_sync
from learning import services as learning_services
from learning.models import Certificate, LearningRecord
from learning.quiz import services as quiz_services
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory
from tests.kinerja_link.factories import EvaluasiFactory, PeriodeFactory
from tests.learning.factories import make_course
from tests.learning.quiz.factories import essay, make_question, make_quiz

from .test_route_matrix import iter_routes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MISSING = 999_999


@pytest.fixture
def world():
    root = UnitKerjaFactory(nama="Instansi", kode="I")
    unit_a = UnitKerjaFactory(parent=root, nama="Bidang A", kode="I.A")
    unit_b = UnitKerjaFactory(parent=root, nama="Bidang B", kode="I.B")
    kepala = PegawaiFactory(unit=unit_a)
    owner = PegawaiFactory(unit=unit_a, pejabat_penilai=kepala)
    kepala_lain = PegawaiFactory(unit=unit_a)
    intruder = PegawaiFactory(unit=unit_a, pejabat_penilai=kepala_lain)
    pengelola_b = PegawaiFactory(unit=unit_b)
    pengelola_b.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    pengelola_a = PegawaiFactory(unit=unit_a)
    pengelola_a.user.groups.add(Group.objects.get(name=Role.PENGELOLA))
    pimpinan_group_sync()
    periode = PeriodeFactory()
    EvaluasiFactory(pegawai=owner, periode=periode)

    course = make_course(lessons=1)
    quiz = make_quiz(course, [make_question(essay())], pass_mark=0, max_attempts=3)
    user = owner.user
    learning_services.enrolment_create(user=user, course=course)
    learning_services.lesson_complete(user=user, lesson=course.lessons().first())
    attempt = quiz_services.attempt_start(user=user, quiz=quiz)
    record = learning_services.learning_record_create_external(
        user=user,
        title="Bimtek",
        institution="LAN",
        jenis_diklat_id=3,
        minutes=450,
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 3, 2),
        certificate_number="1",
        proof=SimpleUploadedFile("b.pdf", PDF),
    )
    done = make_course(lessons=1)
    learning_services.enrolment_create(user=user, course=done)
    learning_services.lesson_complete(user=user, lesson=done.lessons().first())
    certificate = Certificate.objects.get(user=user)
    job = ImportJob(
        original_name="a.csv", status=ImportStatus.PRATINJAU, created_by=pengelola_a.user
    )
    job.file.save("a.csv", ContentFile(b"NIP\n1\n"), save=False)
    job.save()
    return locals()


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _shape(response, *ids) -> tuple[int, str]:
    body = response.content.decode(errors="replace")
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    body = re.sub(r'csrf[-_]?token["\']?[:=]\s*["\'][^"\']*["\']', "", body, flags=re.I)
    for value in ids:
        body = body.replace(str(value), "ID")
    return response.status_code, body


def _same(client, method, other_url, missing_url, ids, data=None):
    send = getattr(client, method)
    other = _shape(send(other_url, data or {}), *ids)
    missing = _shape(send(missing_url, data or {}), *ids)
    assert other[0] == missing[0], (other_url, other[0], missing[0])
    assert other[0] in (302, 400, 403, 404, 405), (other_url, other[0])
    assert other[1] == missing[1], f"{other_url}: body tells the two apart"
    return other[0]


IDOR_CHECKS = 0


def test_pages_and_files_of_others_look_missing(world):
    global IDOR_CHECKS
    w = world
    intruder = _client(w["intruder"].user)
    attempt, record, cert = w["attempt"].pk, w["record"].pk, w["certificate"].uuid
    fake = uuid.UUID(int=7)
    cases = [
        ("get", "kinerja:pegawai", w["owner"].pk, MISSING),
        ("get", "quiz:attempt", attempt, MISSING),
        ("get", "quiz:review", attempt, MISSING),
        ("post", "quiz:autosave", attempt, MISSING),
        ("post", "quiz:submit", attempt, MISSING),
        ("get", "learning:record_proof", record, MISSING),
        ("get", "learning:certificate_download", cert, fake),
        ("post", "learning:verification_decide", record, MISSING),
        ("post", "quiz:essay_grade", attempt, MISSING),
    ]
    for client in (intruder, _client(w["kepala_lain"].user), _client(w["pengelola_b"].user)):
        for method, name, theirs, missing in cases:
            _same(
                client,
                method,
                reverse(name, args=[theirs]),
                reverse(name, args=[missing]),
                (theirs, missing),
            )
            IDOR_CHECKS += 1
    # The owner's own ids do work (the checks above are not 404 for every id).
    owner = _client(w["owner"].user)
    assert owner.get(reverse("learning:record_proof", args=[record])).status_code == 200
    assert owner.get(reverse("kinerja:pegawai", args=[w["owner"].pk])).status_code == 200
    assert owner.get(reverse("quiz:attempt", args=[attempt])).status_code == 200


def test_admin_objects_of_others_look_missing(world):
    w = world
    other_pengelola = _client(w["pengelola_b"].user)
    job = w["job"].pk
    for name in ("kinerja_import:inspect", "kinerja_import:progress"):
        _same(
            other_pengelola,
            "get",
            reverse(name, args=[job]),
            reverse(name, args=[MISSING]),
            (job, MISSING),
        )
    _same(
        other_pengelola,
        "post",
        reverse("kinerja_import:confirm", args=[job]),
        reverse("kinerja_import:confirm", args=[MISSING]),
        (job, MISSING),
    )
    pegawai = w["owner"].pk
    for name in (
        "pegawai:edit",
        "evaluasi:inspect",
        "pegawai:data_pribadi",
        "pegawai:data_pribadi_json",
        "pegawai:data_pribadi_pdf",
        "pegawai:data_pribadi_hapus",
    ):
        target = pegawai if name.startswith("pegawai") else Evaluasi.objects.get().pk
        _same(
            other_pengelola,
            "get",
            reverse(name, args=[target]),
            reverse(name, args=[MISSING]),
            (target, MISSING),
        )
    erase = "pegawai:data_pribadi_hapus"
    _same(
        other_pengelola,
        "post",
        reverse(erase, args=[pegawai]),
        reverse(erase, args=[MISSING]),
        (pegawai, MISSING),
        {"reason": "Permintaan", "confirmation": "HAPUS"},
    )


def test_export_of_a_unit_outside_the_subtree_looks_missing(world):
    w = world
    client = _client(w["pengelola_b"].user)
    periode = w["periode"].pk
    outside, missing = w["unit_a"].pk, MISSING
    answers = [
        _shape(
            client.get(reverse("kinerja:ekspor"), {"periode": periode, "unit": u, "format": "csv"}),
            outside,
            missing,
        )
        for u in (outside, missing)
    ]
    assert answers[0] == answers[1]
    assert w["owner"].nip not in answers[0][1], "no row of the other unit"
    # Their own unit does export.
    own = client.get(
        reverse("kinerja:ekspor"), {"periode": periode, "unit": w["unit_b"].pk, "format": "csv"}
    )
    assert own["Content-Disposition"].startswith("attachment")


def test_documents_with_a_wrong_name_look_missing(world):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Panduan", file=ContentFile(b"%PDF-1.4 panduan", name="panduan.pdf")
    )
    client = Client(raise_request_exception=False)
    wrong = client.get(f"/dokumen/{document.pk}/lain.pdf")
    missing = client.get(f"/dokumen/{MISSING}/lain.pdf")
    assert wrong.status_code == missing.status_code == 404
    assert _shape(wrong, document.pk, MISSING) == _shape(missing, document.pk, MISSING)


def test_api_rows_outside_the_scope_say_so_and_reveal_nothing_else(world):
    """Issue 15: an outside NIP and an unknown one need different fixes, so they get
    different errors; the outside pegawai's name and unit still do not leak."""
    w = world
    _, raw = ApiToken.issue(name="integrasi", user=w["pengelola_b"].user)
    client = Client(raise_request_exception=False)
    unknown = "199001012015011999"
    rows = [
        {
            "nip": nip,
            "tahun": 2026,
            "periodikId": 2,
            "periodikNama": "III",
            "hasilKinerjaNilai": 1,
            "perilakuKerjaNilai": 1,
        }
        for nip in (w["owner"].nip, unknown)
    ]
    response = client.post(
        reverse("api_v1:import_evaluasi"),
        json.dumps({"rows": rows, "dry_run": True}),
        content_type="application/json",
        headers={"authorization": f"Bearer {raw}"},
    )
    errors = response.json()["errors"]
    assert len(errors) == 2
    first, second = (e["pesan"].replace(e["nip"], "NIP") for e in errors)
    assert first == "NIP NIP di luar unit yang Anda kelola."
    assert second == "NIP NIP tidak terdaftar sebagai pegawai."
    body = response.content.decode()
    assert w["owner"].nama not in body and w["owner"].unit.nama not in body
    # A session (no token) cannot use the API at all.
    assert _client(w["owner"].user).post(reverse("api_v1:import_evaluasi")).status_code == 401


# --- field-level tampering ----------------------------------------------------------------

TAMPER = {
    "predikat": "1",
    "nip": "199901012020011001",
    "pejabat_penilai": "1",
    "is_staff": "on",
    "is_superuser": "on",
    "user": "1",
    "status": "selesai",
    "verification_status": "verified",
    "jp": "999",
    "unit": "1",
    "groups": "1",
    "source": "kursus",
}


def _snapshot():
    users = UserFactory._meta.model.objects.all()
    return {
        "users": sorted(
            (
                u.pk,
                u.nip,
                u.is_staff,
                u.is_superuser,
                u.is_active,
                tuple(u.groups.values_list("pk", flat=True)),
            )
            for u in users
        ),
        "pegawai": sorted(
            Pegawai.objects.values_list("pk", "user_id", "unit_id", "pejabat_penilai_id")
        ),
        "evaluasi": sorted(
            Evaluasi.objects.values_list("pk", "predikat", "rating_hasil", "pegawai_id")
        ),
        "records": sorted(
            LearningRecord.objects.values_list(
                "pk", "user_id", "verification_status", "jp", "source"
            )
        ),
    }


_OWN_ARGS = {
    "course_id": lambda w: w["course"].pk,
    "lesson_id": lambda w: w["course"].lessons().first().pk,
    "quiz_id": lambda w: w["quiz"].pk,
    "attempt_id": lambda w: w["attempt"].pk,
    "pk": lambda w: w["record"].pk,
    "uuid": lambda w: w["certificate"].uuid,
    "answer_id": lambda w: w["attempt"].pk,
}
_SKIP = {"accounts:logout", "api_v1:import_evaluasi"}


def _pegawai_post_routes(world):
    """Every non-admin route a signed-in pegawai could post to, with their own ids."""
    for pattern, name in iter_routes():
        if pattern.startswith(("admin/", "^", "_util", "dokumen", "api/v1/openapi", "api/v1/docs")):
            continue
        if name in _SKIP or ":" not in name:
            continue
        kwargs = {key: fill(world) for key, fill in _OWN_ARGS.items() if f":{key}>" in pattern}
        if "<" in pattern and not kwargs:
            continue
        yield name, reverse(name, kwargs=kwargs or None)
    yield from _own_page_routes(world)


def _own_page_routes(world):
    """Actions that are routes of a page (enrol, lesson done, quiz start), not URL patterns."""
    for page in (world["course"], world["course"].lessons().first(), world["quiz"]):
        for route in page.get_subpage_urls():
            if route.name and route.pattern.regex.pattern not in ("^$", ""):
                yield (
                    f"{page._meta.label}:{route.name}",
                    page.url + page.reverse_subpage(route.name),
                )


def test_extra_fields_change_nothing_the_form_does_not_allow(world):
    w = world
    client = _client(w["owner"].user)
    posted = []
    for name, url in _pegawai_post_routes(w):
        before = _snapshot()
        response = client.post(url, TAMPER)
        assert response.status_code < 500, (name, response.status_code)
        after = _snapshot()
        assert after == before, f"{name}: {url} changed protected fields"
        posted.append(name)
    # The external-record form, filled in correctly plus the extras.
    before_ids = set(LearningRecord.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("learning:record_add"),
        {
            **TAMPER,
            "title": "Pelatihan",
            "institution": "LAN",
            "jenis_diklat_id": "3",
            "minutes": "90",
            "start_date": "2026-03-01",
            "end_date": "2026-03-02",
            "proof": SimpleUploadedFile("b.pdf", PDF),
        },
    )
    assert response.status_code == 302
    new = LearningRecord.objects.exclude(pk__in=before_ids).get()
    assert (new.user_id, new.verification_status, str(new.jp)) == (
        w["owner"].user.pk,
        "pending",
        "2.00",
    ), "the record belongs to its author, waits for verification, JP from minutes"
    assert len(posted) >= 10, posted
    assert {"learning.CoursePage:enrol", "learning.LessonPage:done", "quiz.QuizPage:start"} <= set(
        posted
    ), "the actions that are page routes are tampered with too"
