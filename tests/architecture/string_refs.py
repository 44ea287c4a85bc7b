"""Find the references between apps that import-linter cannot see.

Django and Celery name things by strings: ``apps.get_model("kinerja_link", "Pegawai")``,
``"learning.CoursePage"`` in a ForeignKey, ParentalKey, ``subpage_types`` or
``parent_page_types``, ``get_model("learning.Competency")``, permission codenames such as
``"learning.change_question"``, URL includes such as ``"portal.urls"`` and Celery task names
such as ``"kinerja_link.tasks.transparency_refresh_task"``. Each is a dependency on the named
app all the same, so the same layer order applies (layers.py).
"""

import ast
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .layers import APPS, KNOWN_VIOLATIONS, app_of, is_known, may_use

# "label.Name", "package.module.name": a dotted name that starts with one of our labels.
DOTTED = re.compile(r"[a-z_]+(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


@dataclass(frozen=True)
class Reference:
    path: Path
    line: int
    module: str
    target: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} -> {self.target}"


def _as_package_path(dotted: str) -> str:
    """ "quiz.QuizPage" -> "learning.quiz.QuizPage": a label is read as its package."""
    label, _, rest = dotted.partition(".")
    return f"{APPS[label]}.{rest}" if label in APPS else dotted


def _get_model_target(node: ast.Call) -> str | None:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name != "get_model":
        return None
    strings = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
    if strings and all(isinstance(value, str) for value in strings):
        return ".".join(strings[:2])
    return None


# Strings that look like "label.name" but name no module, model, permission or task.
NOT_REFERENCES = frozenset(
    {
        # A PostgreSQL setting, read by the append-only trigger of bina/migrations/0003.
        "bina.audit_erasure",
    }
)


def _is_dotted_reference(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and DOTTED.fullmatch(node.value) is not None
        and node.value.partition(".")[0] in APPS
        and node.value not in NOT_REFERENCES
    )


def _targets(tree: ast.AST) -> set[tuple[int, str]]:
    """(line, referenced name); a set, as get_model("app.Model") is also a dotted string."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (target := _get_model_target(node)):
            found.add((node.lineno, target))
        elif _is_dotted_reference(node):
            found.add((node.lineno, node.value))
    return found


def module_name(path: Path, roots: Sequence[Path]) -> str:
    for root in sorted(roots, key=lambda root: len(root.parts), reverse=True):
        if path.is_relative_to(root):
            parts = path.relative_to(root).with_suffix("").parts
            return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    raise ValueError(f"{path} is under none of {roots}")


def production_files(roots: Sequence[Path]) -> list[Path]:
    """Every module of our apps' packages found under ``roots``, migrations excluded."""
    files: set[Path] = set()
    for package in APPS.values():
        for root in roots:
            directory = root.joinpath(*package.split("."))
            if (directory / "__init__.py").exists():
                files.update(p for p in directory.rglob("*.py") if "migrations" not in p.parts)
    return sorted(files)


def references(roots: Sequence[Path]) -> Iterator[Reference]:
    for path in production_files(roots):
        module = module_name(path, roots)
        for line, target in sorted(_targets(ast.parse(path.read_text(), str(path)))):
            yield Reference(path, line, module, _as_package_path(target))


def violations(roots: Sequence[Path], known: tuple[str, ...] = KNOWN_VIOLATIONS) -> list[Reference]:
    """References from an app to an app it may not use, less the ``known`` ones."""
    found = []
    for ref in references(roots):
        source, target = app_of(ref.module), app_of(ref.target)
        crosses = source and target and not may_use(source, target)
        if crosses and not is_known(ref.module, ref.target, known):
            found.append(ref)
    return found
