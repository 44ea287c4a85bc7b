"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright never downloads a browser here; it launches the installed executable. Without
Chromium these tests skip with a message, unless BINA_REQUIRE_BROWSER=1 (set by CI) makes
that an error. Screenshots go to test-artifacts/screenshots/.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# live server and fixtures are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 360, "height": 740},
}


def _missing(reason: str):
    if os.environ.get("BINA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (BINA_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    executable = chromium_path()
    if executable is None:
        _missing("Chromium tidak ditemukan (pasang paket Debian `chromium`): tes peramban dilewati")
    from playwright.sync_api import sync_playwright

    from django.db import connections

    # Playwright's sync API switches greenlets, each with its own contextvars, and Django
    # keeps connections in context-local storage: after Playwright starts, `connections`
    # hands out fresh connection objects that lack the snapshot serialized_rollback
    # restores from. Carry the snapshot over so reference data (root page, role groups,
    # competencies) comes back after each transactional test's flush.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport_name(request) -> str:
    return request.param


@pytest.fixture
def page(browser, live_server, viewport_name, request):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport_name],
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=viewport_name == "phone",
        has_touch=viewport_name == "phone",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    csp_violations: list[str] = []
    page.on(
        "console",
        lambda msg: (
            csp_violations.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    yield page
    assert not csp_violations, f"Pelanggaran CSP di halaman: {csp_violations}"
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        screenshot(page, f"GAGAL-{request.node.name}")
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def assert_accessible(page, *, impacts=("serious", "critical"), exclude=()) -> None:
    """Run axe-core in the page; fail on violations of the given impacts, naming them.

    ``exclude`` lists CSS selectors axe skips: only for third-party parts we do not render.
    """
    if not AXE_JS.exists():
        _missing("axe-core belum terpasang (`make install` dengan npm): cek aksesibilitas dilewati")
    # Evaluated over the DevTools protocol, so the page's CSP (no inline script) stays on.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async (exclude) => await axe.run("
        "  exclude.length ? {exclude: exclude.map((s) => [s])} : document,"
        "  {resultTypes: ['violations']})",
        list(exclude),
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
    assert not problems, "Pelanggaran aksesibilitas:\n" + "\n".join(problems)
