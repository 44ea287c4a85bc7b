"""Every URL pattern × every role, against a declared matrix.

Each route must match a rule below; a new route without a rule fails
`test_every_route_is_in_the_matrix`, so nobody adds a page without deciding who may see it.
Routes are requested with placeholder ids: an allowed role then often gets a 404 (no such
object), which is fine; what must never happen is a 500, or a role outside the rule
getting a 200.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.roles import Role
from kinerja_link.services import pimpinan_group_sync
from tests.factories import PegawaiFactory, UnitKerjaFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = (
    "anonim",
    "pegawai",
    "pimpinan",
    "pimpinan_lain",
    "pengelola",
    "editor",
    "moderator",
    "superuser",
)
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonim"}
ADMIN_USERS = frozenset({"pengelola", "editor", "moderator", "superuser"})
PENGELOLA = frozenset({"pengelola", "superuser"})
PIMPINAN = frozenset({"pimpinan", "pimpinan_lain", "superuser"})
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    """Who may open a route. `match` is a regex on "name" or on the route's pattern."""

    match: str
    allowed: frozenset[str]
    note: str = ""


MATRIX: list[Rule] = [
    Rule(r"^admin/failwhale/$", frozenset({"superuser"}), "Wagtail's deliberate 500"),
    Rule(r"^admin/(login|logout|password_reset|sprite|jsi18n)", EVERYONE, "sign-in, assets"),
    Rule(r"^admin/antrean-tugas/", frozenset({"superuser"}), "task outbox, read-only"),
    Rule(
        r"^pegawai:data_pribadi",
        PENGELOLA,
        "PDP export (JSON/PDF) and erasure: pengelola of the unit subtree; others get 404",
    ),
    Rule(r"^admin/jejak-audit/", frozenset({"superuser"}), "audit trail, read-only"),
    Rule(
        r"^admin/pilih-(pegawai|akun|unit)/",
        PENGELOLA,
        "choosers of admin forms: a pengelola's unit subtree; others are refused",
    ),
    Rule(
        r"^cakupan_pengelola:",
        frozenset({"superuser"}),
        "whom each pengelola manages (kinerja_link.scope): superusers only, audited",
    ),
    Rule(r"^kinerja_dasbor:", PENGELOLA, "pengelola's dashboard, for the units they manage"),
    Rule(r"^admin/", ADMIN_USERS, "Wagtail admin: staff roles; Wagtail checks finer permissions"),
    Rule(r"^accounts:(login|logout|password_reset(_done|_complete|_confirm)?)$", EVERYONE),
    Rule(r"^accounts:otp_(setup|verify)$", SIGNED_IN),
    Rule(r"^set_language$", EVERYONE),
    Rule(r"^portal:(search|sitemap|sitemap_section|robots)$", EVERYONE),
    Rule(
        r"^partisipasi:",
        EVERYONE,
        "public services, IKM, the anonymous SKM survey and feedback forms, QR posters",
    ),
    Rule(r"^learning:certificate_verify$", EVERYONE, "public check; NIP masked"),
    Rule(r"^learning:verification_(list|decide)$", PENGELOLA),
    Rule(r"^learning:", SIGNED_IN, "own records only; others' ids give 404"),
    Rule(r"^quiz:(marking_queue|essay_grade|report)$", PENGELOLA, "essay marking, quiz reports"),
    Rule(r"^quiz:", SIGNED_IN, "own attempts only; others' ids give 404"),
    Rule(r"^api_v1:import_evaluasi$", NOBODY, "POST with an API token only"),
    Rule(r"^api_v1:", EVERYONE, "the OpenAPI schema and its viewer, no data"),
    Rule(
        r"^pembinaan:(session_create|session_list|feedback_create)$",
        PIMPINAN,
        "own team only; a pegawai without a team gets 403, others' ids 404",
    ),
    Rule(
        r"^pembinaan:", SIGNED_IN, "own notifications, feedback and sessions; others' ids give 404"
    ),
    Rule(
        r"^pengembangan:(draft|submit|decide)$",
        NOBODY,
        "POST only: own plan (draft, submit), own team's (decide); a GET is 405",
    ),
    Rule(r"^pengembangan:team$", PIMPINAN, "their own team's IDPs; no team → 403"),
    Rule(r"^pengembangan:(unit|akpk)$", PENGELOLA, "IDPs and AKPK rows of the units they manage"),
    Rule(
        r"^pengembangan:",
        SIGNED_IN,
        "own IDP; their team's as pimpinan, their units' as pengelola; others' ids give 404",
    ),
    Rule(r"^kinerja:tim$", SIGNED_IN, "301 to /tim-saya/ (anonymous: login first)"),
    Rule(r"^tim_saya:", PIMPINAN, "own team only: no team → 403; others' ids → 404"),
    Rule(r"^kinerja:ekspor$", PENGELOLA),
    Rule(r"^pembinaan:bukti_rhk$", NOBODY, "POST only, own evidence only; a GET is 405"),
    Rule(
        r"^pembinaan:(rencana_aksi_(create|update|decide|comment|realisasi)|bukti_dukung_"
        r"(add|delete))$",
        NOBODY,
        "POST only (a GET is 405): the pegawai writes their own plan, realisasi and bukti; "
        "their pimpinan decides; both comment; anyone else 404",
    ),
    Rule(
        r"^pembinaan:(rencana_aksi|bukti_dukung_file)$",
        SIGNED_IN,
        "a rencana aksi and its bukti files: the pegawai, their pimpinan, the pengelola of "
        "their unit; others 404",
    ),
    Rule(r"^kinerja:perilaku_notes$", PIMPINAN, "their own team's evaluations only"),
    Rule(
        r"^kinerja:skp$",
        SIGNED_IN,
        "the SKP form: own, their team's as pimpinan, their units' as pengelola; others 404",
    ),
    Rule(r"^kinerja:", SIGNED_IN, "own SKP and evaluations; team members for their pimpinan"),
    Rule(r"^healthz$", EVERYONE, "liveness probe, says only 'ok'"),
    Rule(r"^wagtaildocs_serve$", EVERYONE, "document privacy is per collection (Wagtail)"),
    Rule(r"^(wagtaildocs|wagtailcore)_authenticate_with_password$", EVERYONE),
    Rule(r"^wagtailcore_login$", EVERYONE),
    Rule(r"^wagtail_serve$", EVERYONE, "public pages; restricted pages are checked by Wagtail"),
]

# Routes whose pattern cannot be filled in generically.
SAMPLE_PATHS = {
    "wagtaildocs_serve": "/dokumen/999999/berkas.pdf",
    "wagtail_serve": "/",
    "admin/^.*/$": "/admin/tidak-ada/",
}


def iter_routes(patterns=None, prefix: str = "", namespace: str | None = None):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = (
                ":".join(p for p in (namespace, entry.namespace) if p)
                if entry.namespace
                else namespace
            )
            yield from iter_routes(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield prefix + str(entry.pattern), name or prefix + str(entry.pattern)


def rule_for(pattern: str, name: str) -> Rule | None:
    for rule in MATRIX:
        if re.search(rule.match, name) or re.search(rule.match, pattern):
            return rule
    return None


_PATH_CONVERTERS = [
    (re.compile(r"<int:\w+>"), "999999"),
    (re.compile(r"<uuid:\w+>"), str(uuid.UUID(int=7))),
    (re.compile(r"<(?:str:|slug:|path:)?\w+>"), "x"),
]
_REGEX_GROUP = re.compile(r"\((?:\?P<\w+>)?([^()]*)\)")
_CANDIDATES = ("999999", "x", "x/", "")


def _fill_group(match: re.Match) -> str:
    body = match.group(1)
    for candidate in _CANDIDATES:
        if re.fullmatch(body, candidate):
            return candidate
    return match.group(0)


def sample_path(pattern: str, name: str) -> str:
    if name in SAMPLE_PATHS:
        return SAMPLE_PATHS[name]
    path = pattern.replace("^", "").replace("$", "")
    path = _REGEX_GROUP.sub(_fill_group, path)
    for regex, value in _PATH_CONVERTERS:
        path = regex.sub(value, path)
    path = path.replace("\\.", ".")
    assert not re.search(r"[()\[\]\\*+?]", path), f"add {name!r} to SAMPLE_PATHS ({pattern})"
    return "/" + path


def test_every_route_is_in_the_matrix():
    missing = [
        f"{name}  ({pattern})" for pattern, name in iter_routes() if rule_for(pattern, name) is None
    ]
    assert not missing, "Rute tanpa aturan akses:\n" + "\n".join(missing)


@pytest.fixture
def users() -> dict:
    unit = UnitKerjaFactory()
    pimpinan = PegawaiFactory(unit=unit)
    PegawaiFactory(unit=unit, pejabat_penilai=pimpinan)
    pimpinan_lain = PegawaiFactory(unit=unit)
    PegawaiFactory(unit=unit, pejabat_penilai=pimpinan_lain)
    pegawai = PegawaiFactory(unit=unit, pejabat_penilai=pimpinan)
    pimpinan_group_sync()
    users = {
        "pegawai": pegawai.user,
        "pimpinan": pimpinan.user,
        "pimpinan_lain": pimpinan_lain.user,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    for role, group in (
        ("pengelola", Role.PENGELOLA),
        ("editor", Role.EDITOR),
        ("moderator", Role.MODERATOR),
    ):
        users[role] = PegawaiFactory(unit=unit).user
        users[role].groups.add(Group.objects.get(name=group))
    return users


def _signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def clients(users) -> dict[str, Client]:
    result = {"anonim": Client(raise_request_exception=False)}
    result.update({role: _signed_in(user) for role, user in users.items()})
    return result


def _is_login_redirect(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code in (301, 302) and ("login" in location or "masuk" in location)


def test_routes_answer_each_role_as_declared(clients):
    problems = []
    for pattern, name in iter_routes():
        rule = rule_for(pattern, name)
        has_args = "<" in pattern or "(" in pattern
        path = sample_path(pattern, name)
        for role, client in clients.items():
            if has_args and role not in {"anonim", "pegawai", "pimpinan_lain", "superuser"}:
                continue  # placeholder ids: these roles add nothing but time
            response = client.get(path)
            status = response.status_code
            if status >= 500 and rule.match != MATRIX[0].match:
                problems.append(f"{role:13} {path} → {status}")
            elif role not in rule.allowed and status == 200:
                problems.append(f"{role:13} {path} → 200 but not allowed ({rule.match})")
            elif (
                role not in rule.allowed
                and role == "anonim"
                and not (_is_login_redirect(response) or status in (403, 404, 405))
            ):
                problems.append(f"{role:13} {path} → {status}, expected login/403/404")
    assert not problems, "\n".join(problems)


# --- The second factor follows the permission, not the URL (issue 19, item 2) ---------

STAFF_LIKE = frozenset({"pengelola", "editor", "moderator", "superuser"})
# Open to every signed-in person, but staff see more than their own there: with the
# second factor pending, an id outside their own records asks for the code.
STAFF_SCOPE = {"kinerja:pegawai", "learning:record_proof"}
VERIFY_PAGES = ("/akun/verifikasi-dua-langkah/", "/akun/verifikasi-dua-langkah/pasang/")


def needs_staff_power(rule: Rule) -> bool:
    """A route only staff-like roles may open: it uses a staff permission."""
    return bool(rule.allowed) and rule.allowed <= STAFF_LIKE


class StaffClients(dict):
    """Clients by role, with their users: a sign-out route is followed by a new sign-in."""

    users: dict


@pytest.fixture
def unverified_staff(users, settings) -> StaffClients:
    """Staff-like users with a paired authenticator who signed in with the password only."""
    settings.BINA_REQUIRE_2FA = True
    for role in STAFF_LIKE:
        TOTPDevice.objects.create(user=users[role], name="ponsel", confirmed=True)
    clients = StaffClients({role: _signed_in(users[role]) for role in STAFF_LIKE})
    clients.users = users
    return clients


def _is_verification_redirect(response) -> bool:
    location = urlsplit(response.headers.get("Location", ""))
    return (
        response.status_code == 302
        and location.path in VERIFY_PAGES
        and "next" in parse_qs(location.query)
    )


def _second_factor_problems(clients: StaffClients, pattern: str, name: str) -> list[str]:
    rule = rule_for(pattern, name)
    path = sample_path(pattern, name)
    if needs_staff_power(rule):
        asked = sorted(rule.allowed)  # every staff role the route admits must give the code
        expected = True
    elif "pegawai" in rule.allowed and name not in STAFF_SCOPE:
        asked = ["pengelola", "superuser"]  # what a pegawai may open, staff open unverified
        expected = False
    else:
        return []
    problems = []
    for role in asked:
        response = clients[role].get(path)
        if "_auth_user_id" not in clients[role].session:  # a sign-out route did its job
            clients[role].force_login(clients.users[role])
        if _is_verification_redirect(response) != expected:
            wanted = "verification" if expected else "no verification"
            problems.append(f"{role:10} {path} → {response.status_code}, wanted {wanted}")
    return problems


def test_staff_routes_ask_for_the_second_factor_and_pegawai_routes_do_not(unverified_staff):
    problems = []
    for pattern, name in iter_routes():
        problems += _second_factor_problems(unverified_staff, pattern, name)
    assert not problems, "\n".join(problems)


def test_the_matrix_has_staff_routes_outside_the_admin():
    """The rule above is about permissions, not /admin/: it must see routes elsewhere."""
    staff_names = {
        name for pattern, name in iter_routes() if needs_staff_power(rule_for(pattern, name))
    }
    outside = {name for name in staff_names if not name.startswith(("admin/", "wagtail"))}
    assert {
        "kinerja:ekspor",
        "learning:verification_list",
        "learning:verification_decide",
        "quiz:marking_queue",
        "quiz:essay_grade",
        "quiz:report",
    } <= outside
