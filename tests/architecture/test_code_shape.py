"""Shape rules ruff does not check: function length and no formatter escapes."""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = ("site", "learning", "kinerja_link")
MAX_LINES = 40

# Functions allowed over the limit, as (path prefix, function name). Keep it empty.
# Merged on 3 Dec 2026 from parallel branches (mentoring, Kirkpatrick, imports, Tim Saya
# rows) at 41-51 lines; to be split next, not to grow. Keep this list shrinking.
TOO_LONG_FOR_NOW: frozenset[tuple[str, str]] = frozenset(
    {
        ("site/bina/management/commands/seed_demo.py", "handle"),
        ("kinerja_link/importing/engine.py", "_parse"),
        ("kinerja_link/pembinaan/demo_mentoring.py", "seed_mentoring"),
        ("kinerja_link/pembinaan/mentoring.py", "appointment_create"),
        ("kinerja_link/pembinaan/selectors.py", "tim_saya_page"),
        ("kinerja_link/pembinaan/sessions.py", "session_record"),
        ("kinerja_link/pembinaan/tim_rows.py", "__init__"),
        ("kinerja_link/pembinaan/tim_rows.py", "_member"),
        ("kinerja_link/pembinaan/tim_rows.py", "_recommendation"),
        ("kinerja_link/pengembangan/evaluasi.py", "l3_request"),
    }
)


def python_files(roots=PRODUCTION):
    for root in roots:
        for path in sorted((REPO / root).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def long_functions():
    for path in python_files():
        relative = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    yield relative, node.name, length


def allowed_for_now(relative: str, name: str) -> bool:
    return any(
        relative.startswith(prefix) and name == allowed for prefix, allowed in TOO_LONG_FOR_NOW
    )


def test_no_function_is_over_40_lines():
    offenders = [
        f"{relative}: {name} ({length} lines)"
        for relative, name, length in long_functions()
        if not allowed_for_now(relative, name)
    ]
    assert offenders == []


FORMATTER_ESCAPE = re.compile(r"#\s*fmt:\s*(skip|off)")


def test_nothing_escapes_the_formatter():
    roots = (*PRODUCTION, "tests", "benchmarks")
    offenders = [
        str(path.relative_to(REPO))
        for path in python_files(roots)
        if path != Path(__file__) and FORMATTER_ESCAPE.search(path.read_text())
    ]
    assert offenders == []
