"""NIPs stay with those entitled to them; no NIP or rating in URLs or error pages.

A NIP is shown in full only to the person, their pimpinan, a pengelola in scope and
superusers (and in the e-Kinerja export). The crawl below signs in as a pegawai, as the
pimpinan of another team, as an editor and anonymously, follows every link it finds from
a few seeds, and asserts that no page shows the full NIP of anyone else.
"""

from __future__ import annotations

import datetime
import html
import re
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from kinerja_link.pembinaan.feedback import feedback_give
from kinerja_link.pembinaan.models import Notification
from kinerja_link.pembinaan.sessions import session_record
from kinerja_link.services import pimpinan_group_sync
from learning import services as learning_services
from learning.models import Certificate
from tests.factories import PegawaiFactory, PegawaiUserFactory, UnitKerjaFactory
from tests.kinerja_link.factories import EvaluasiFactory
from tests.learning.factories import lessons_of, make_course
from tests.security.test_route_matrix import iter_routes, sample_path

NIP_RUN = re.compile(r"(?<!\d)\d{18}(?!\d)")
PERSONAL_PARAMETERS = {"nip", "rating", "rating_hasil", "rating_perilaku", "predikat", "email"}
HREF = re.compile(r'href="([^"#]*)')
NOT_FOLLOWED = (
    "/akun/keluar",
    "/admin/logout",
    "/i18n/",
    "/static/",
    "/media/",
    "/dokumen/",
    "export=",
    "/admin/failwhale",
    "/unduh/",
    "/pdf/",
    "/json/",
)
PAGES_PER_ROLE = 60


def test_no_route_takes_a_nip_or_a_rating():
    offending = []
    for pattern, name in iter_routes():
        parameters = set(re.findall(r"<(?:\w+:)?(\w+)>", pattern))
        parameters |= set(re.findall(r"\(\?P<(\w+)>", pattern))
        if parameters & PERSONAL_PARAMETERS or NIP_RUN.search(sample_path(pattern, name)):
            offending.append(f"{name} ({pattern})")
    assert not offending, offending


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_404_does_not_echo_a_nip_in_the_path(signed_in):
    user = PegawaiFactory().user
    client = Client()
    if signed_in:
        client.force_login(user)
    nip = "198001012005011003"
    for path in (f"/{nip}/", f"/kinerja/{nip}/", f"/admin/pegawai/{nip}/"):
        response = client.get(path + f"?nip={nip}")
        assert response.status_code in (302, 404)
        assert nip not in response.content.decode()


def test_error_templates_never_show_the_request_path():
    templates = Path(settings.BASE_DIR) / "templates"
    for name in ("400.html", "403.html", "404.html", "500.html"):
        source = (templates / name).read_text()
        assert not re.search(r"request_path|request\.(path|get_full_path|GET)|exception", source)


# --- the crawl -------------------------------------------------------------------------


def _world():
    unit = UnitKerjaFactory()
    # A pimpinan without a display name: their name must not fall back to their NIP.
    pimpinan = PegawaiFactory(unit=unit, user=PegawaiUserFactory(display_name=""))
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=pimpinan)
    other_pimpinan = PegawaiFactory(unit=unit)
    other_member = PegawaiFactory(unit=unit, pejabat_penilai=other_pimpinan)
    editor = PegawaiFactory(unit=unit)
    editor.user.groups.add(Group.objects.get(name=Role.EDITOR))
    pimpinan_group_sync()
    course = make_course(lessons=1, title="Kursus Uji NIP")
    learning_services.enrolment_create(user=pegawai.user, course=course)
    learning_services.lesson_complete(user=pegawai.user, lesson=lessons_of(course)[0])
    for person, rater in ((pegawai, pimpinan), (other_member, other_pimpinan)):
        EvaluasiFactory(pegawai=person, pejabat_penilai=rater)
    today = datetime.date.today()
    feedback_give(user=pimpinan.user, pegawai=pegawai, date=today, text="Bagus")
    session_record(
        user=pimpinan.user,
        kind="coaching",
        date=today,
        participant_ids=[pegawai.pk],
        topics="RHK",
        agreed_actions="",
        follow_up_date=None,
        duration_minutes=60,
    )
    Notification.objects.create(
        user=other_pimpinan.user,
        key="uji:tim",
        title="Tim",
        body=f"{pegawai.nama} dan {other_member.nama}",
    )
    return pegawai, pimpinan, other_pimpinan, other_member, editor


def _links(body: str) -> list[str]:
    found = []
    for href in HREF.findall(body):
        parts = urlsplit(html.unescape(href))
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if not any(part in url for part in NOT_FOLLOWED):
            found.append(url)
    return found


def _crawl(client: Client, seeds: list[str]) -> dict[str, str]:
    pages, seen, queue = {}, set(), deque(seeds)
    while queue and len(pages) < PAGES_PER_ROLE:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[url] = response.content.decode()
        queue.extend(_links(pages[url]))
    return pages


@pytest.mark.django_db
def test_no_page_shows_the_full_nip_of_someone_else():
    pegawai, pimpinan, other_pimpinan, other_member, editor = _world()
    certificate = Certificate.objects.get(user=pegawai.user)
    everyone = {p.nip for p in (pegawai, pimpinan, other_pimpinan, other_member, editor)}
    common = ["/", certificate.get_absolute_url(), reverse("kinerja:pegawai", args=[pegawai.pk])]
    roles = {
        "pegawai": (
            pegawai.user,
            {pegawai.nip},
            ["/belajar-saya/", "/kinerja/saya/", "/notifikasi/", "/umpan-balik/"],
        ),
        "pimpinan_lain": (
            other_pimpinan.user,
            {other_pimpinan.nip, other_member.nip},
            ["/tim-saya/", "/notifikasi/", "/kinerja/saya/"],
        ),
        "editor": (editor.user, {editor.nip}, ["/admin/", "/admin/pages/"]),
        "anonim": (None, set(), []),
    }
    leaks, crawled = [], {}
    for role, (user, entitled, seeds) in roles.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        pages = _crawl(client, seeds + common)
        crawled[role] = len(pages)
        for url, body in pages.items():
            leaks += [f"{role} {url}: {nip}" for nip in everyone - entitled if nip in body]
    assert not leaks, "\n".join(leaks)
    assert crawled["pegawai"] >= 5 and crawled["editor"] >= 10, crawled
