"""Regenerate docs/img/: each role's main screens at 390 px and 1366 px, from a running demo.

    make demo                      # or: manage.py migrate && manage.py seed_demo && runserver
    PYTHONPATH=site:. .venv/bin/python tests/browser/screenshots.py --base-url http://127.0.0.1:8000

It reads the same database as the server (DATABASE_URL, as for manage.py) to find the pages
(tests/browser/layout.py), signs in with each demo account, and writes
``docs/img/<role>-<screen>-<phone|desktop>.png``, clipped to twice the viewport height and
reduced to 256 colours to keep the repository small. ``--check`` also runs the layout suite's
checks on every screen of every role and prints what it finds (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _setup_django() -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
    import django

    django.setup()


def _save(page, path: Path, viewport: dict) -> None:
    from PIL import Image

    height = min(page.evaluate("document.documentElement.scrollHeight"), viewport["height"] * 2)
    png = page.screenshot(
        full_page=True, clip={"x": 0, "y": 0, "width": viewport["width"], "height": height}
    )
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    parser.add_argument("--check", action="store_true", help="check every screen, not only shoot")
    parser.add_argument("--roles", nargs="*", default=None)
    args = parser.parse_args(argv)
    _setup_django()
    from playwright.sync_api import sync_playwright

    from accounts.demo import DEMO_PASSWORD
    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
    from tests.browser.layout import (
        ROLES,
        VIEWPORTS,
        Problems,
        check_layout,
        demo_logins,
        log_in,
        open_screen,
        screens_for,
    )

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logins = demo_logins()
    problems = Problems()
    executable = chromium_path()
    if executable is None:
        print("Chromium tidak ditemukan (paket Debian `chromium`).", file=sys.stderr)
        return 2
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for role in args.roles or ROLES:
            screens = screens_for(role, logins)
            for viewport_name, viewport in VIEWPORTS.items():
                context = browser.new_context(
                    viewport=viewport,
                    locale="id-ID",
                    base_url=args.base_url,
                    is_mobile=viewport_name == "phone",
                    has_touch=viewport_name == "phone",
                )
                page = context.new_page()
                if role != "public":
                    log_in(page, logins[role], DEMO_PASSWORD)
                for screen in screens:
                    if not (screen.shot or args.check):
                        continue
                    open_screen(page, screen)
                    if args.check:
                        check_layout(
                            page,
                            f"{role} {viewport_name} {screen.name} ({screen.url})",
                            problems,
                            phone=viewport_name == "phone" and not screen.admin,
                            english=not screen.admin,
                        )
                    if screen.shot:
                        path = out / f"{role}-{screen.name}-{viewport_name}.png"
                        _save(page, path, viewport)
                        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                context.close()
        browser.close()
    if problems:
        print(problems.report())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
