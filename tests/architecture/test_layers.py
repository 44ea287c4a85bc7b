"""The layer contracts hold on the tree, and the checks catch a violation when there is one."""

import textwrap
from pathlib import Path

import pytest

from .import_contracts import ROOTS, lint_imports
from .layers import KNOWN_VIOLATIONS, app_of, is_known, may_use
from .string_refs import violations

PACKAGES = (
    "bina",
    "accounts",
    "portal",
    "learning",
    "learning.quiz",
    "kinerja_link",
    "kinerja_link.pembinaan",
)


def test_the_tree_keeps_the_import_contracts():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_reference_by_name_crosses_the_layers():
    assert [str(reference) for reference in violations(ROOTS)] == []


def write_tree(root: Path, modules: dict[str, str]) -> Path:
    """An empty package for each app, plus ``modules`` (dotted name -> source)."""
    for package in PACKAGES:
        directory = root.joinpath(*package.split("."))
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "__init__.py").touch()
    for name, source in modules.items():
        root.joinpath(*name.split(".")).with_suffix(".py").write_text(textwrap.dedent(source))
    return root


def test_import_linter_reports_a_lower_layer_importing_an_upper_one(tmp_path):
    tree = write_tree(
        tmp_path,
        {"kinerja_link.models": "", "accounts.services": "import kinerja_link.models\n"},
    )
    result = lint_imports(roots=[tree], known=())
    assert result.returncode != 0
    assert "accounts is not allowed to import kinerja_link" in result.stdout


def test_import_linter_reports_portal_reaching_past_the_published_interfaces(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "learning.selectors": "",
            "learning.models": "",
            "portal.views": "from learning import models, selectors\n",
        },
    )
    result = lint_imports(roots=[tree], known=())
    assert "portal.views -> learning.models" in " ".join(result.stdout.split())
    assert "-> learning.selectors" not in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "target"),
    [
        (
            "accounts.services",
            'from django.apps import apps\napps.get_model("kinerja_link", "Pegawai")\n',
            "kinerja_link.Pegawai",
        ),
        ("learning.models", 'subpage_types = ["quiz.QuizPage"]\n', "learning.quiz.QuizPage"),
        ("learning.pages", 'parent = models.ForeignKey("portal.HomePage")\n', "portal.HomePage"),
        ("portal.demo", 'get_model("learning.Competency")\n', "learning.Competency"),
        (
            "accounts.jobs",
            'BEAT = {"task": "kinerja_link.tasks.refresh"}\n',
            "kinerja_link.tasks.refresh",
        ),
        (
            "learning.checks",
            'user.has_perm("pembinaan.change_rule")\n',
            "kinerja_link.pembinaan.change_rule",
        ),
    ],
)
def test_the_string_checker_reports_references_by_name(tmp_path, module, source, target):
    tree = write_tree(tmp_path, {module: source})
    found = violations([tree], known=())
    assert [(ref.module, ref.target) for ref in found] == [(module, target)]


def test_references_down_the_layers_and_known_violations_are_allowed(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "kinerja_link.models": 'user = models.OneToOneField("accounts.User")\n',
            "learning.quiz.models": 'parent_page_types = ["learning.CoursePage"]\n',
            "bina.celery": 'BEAT = {"task": "kinerja_link.pembinaan.tasks.remind"}\n',
            "portal.models": 'apps.get_model("learning", "Competency")\n',
        },
    )
    assert violations([tree], known=("portal.** -> learning.Competency",)) == []


def test_the_layer_order():
    assert may_use("kinerja_link", "learning") and not may_use("learning", "kinerja_link")
    assert may_use("quiz", "learning") and not may_use("learning", "quiz")
    assert may_use("portal", "accounts") and not may_use("portal", "learning")
    assert not may_use("kinerja_link", "portal") and may_use("bina", "portal")
    assert app_of("learning.quiz.models") == "quiz" and app_of("taggit.Tag") is None


def test_known_violations_are_ignore_expressions():
    assert all(len(entry.split(" -> ")) == 2 for entry in KNOWN_VIOLATIONS)
    assert is_known("portal.apps", "bina.cache", known=("portal.** -> bina.**",))
    assert not is_known("portal", "bina.cache", known=("portal.** -> bina.**",))
