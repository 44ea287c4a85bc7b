"""Learning's place in the layers: it knows neither the quiz (which builds on it) nor portal;
the shared taxonomy and blocks below it know none of the feature apps."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: Path, *, skip: Path | None = None) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*.py"):
        if skip and skip in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                found.append((path.name, node.module or ""))
    return found


def _offenders(imports, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {name}"
        for file, name in imports
        if any(name == top or name.startswith(f"{top}.") for top in forbidden)
    ]


def test_learning_core_imports_neither_the_quiz_nor_portal():
    learning = ROOT / "learning"
    imports = _imports(learning, skip=learning / "quiz")
    assert _offenders(imports, ("learning.quiz", "portal", "kinerja_link")) == []


def test_competencies_and_foundation_import_no_feature_app():
    for folder in (ROOT / "site" / "competencies", ROOT / "site" / "foundation"):
        imports = _imports(folder)
        feature_apps = ("learning", "portal", "kinerja_link", "bina")
        assert _offenders(imports, feature_apps) == [], folder.name
