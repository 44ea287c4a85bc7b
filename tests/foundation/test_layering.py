"""foundation is the bottom layer: it imports no app of ours (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import foundation

FOUNDATION = Path(foundation.__file__).parent
OUR_APPS = ("bina", "accounts", "portal", "learning", "kinerja_link")


def _imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def test_foundation_imports_no_app_of_ours():
    offenders = [
        f"{path.relative_to(FOUNDATION)}: {name}"
        for path in FOUNDATION.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in OUR_APPS
    ]
    assert offenders == []


def test_sign_in_events_reach_the_trail_through_the_registered_source():
    from foundation.audit.sources import registered_sources

    source = registered_sources()["auth"]
    assert source.action_prefix == "accounts.auth."
    assert source.load().model._meta.label == "accounts.AuthEvent"
