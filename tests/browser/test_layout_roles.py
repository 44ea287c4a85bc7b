"""Every role's main screens at 390 px and 1366 px on the demo data (issue #18): nothing
scrolls sideways, no escaped HTML, no word broken mid-word, no clipped table caption, form
controls big enough to touch on a phone, no English UI string from tests/ui_strings.py, and
axe clean.

Each test seeds the demo (``manage.py seed_demo``), signs in as the role's demo account and
walks its screens (tests/browser/layout.py), collecting every problem before failing, so one
run names them all. Two checks wait for other branches and xfail (not fail) until then: the
Wagtail admin's English (adminlang) and escaped HTML in quiz matching questions (quiz); flip
the two constants below when those are merged.
"""

import io

import pytest

from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible
from tests.browser.layout import (
    ADMIN_ROLES,
    VIEWPORTS,
    Problems,
    check_layout,
    demo_logins,
    english_in_page,
    log_in,
    open_screen,
    screens_for,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return demo_logins()


def _context(browser, live_server, viewport: str):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    context.set_default_timeout(15_000)
    return context


def walk(browser, live_server, role: str, logins: dict[str, str]):
    """Walk the role's screens at both widths and return every problem found."""
    problems = Problems()
    for viewport in VIEWPORTS:
        context = _context(browser, live_server, viewport)
        page = context.new_page()
        csp: list[str] = []
        page.on(
            "console",
            lambda msg, csp=csp: (
                csp.append(msg.text) if "Content Security Policy" in msg.text else None
            ),
        )
        if role != "public":
            log_in(page, logins[role], DEMO_PASSWORD)
        for screen in screens_for(role, logins):
            where = f"{role} {viewport} {screen.name} ({screen.url})"
            response = open_screen(page, screen)
            if response is None or response.status >= 400:
                problems.add(where, f"HTTP {response.status if response else '—'}")
                continue
            check_layout(
                page,
                where,
                problems,
                phone=viewport == "phone" and not screen.admin,
                english=not screen.admin,
            )
            if screen.admin:
                found = english_in_page(page)
                if found:
                    problems.add(where, f"English UI strings: {found}")
            try:
                # Draftail (Wagtail's rich-text editor) is third-party: its contenteditable
                # lacks an accessible name, which Wagtail, not Bina ASN, renders.
                assert_accessible(page, exclude=[".Draftail-Editor"] if screen.admin else ())
            except AssertionError as error:
                problems.add(where, str(error))
        if csp:
            problems.add(f"{role} {viewport}", f"CSP violations: {csp[:3]}")
        context.close()
    return problems


@pytest.mark.parametrize("role", ["public", "pegawai", "pimpinan", "mentor"])
def test_site_screens_fit_and_read_right(browser, live_server, demo, role):
    problems = walk(browser, live_server, role, demo)
    assert not problems, "\n" + problems.report()


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_admin_roles_screens_fit_and_read_right(browser, live_server, demo, role):
    problems = walk(browser, live_server, role, demo)
    assert not problems, "\n" + problems.report()
