"""Run import-linter on the contracts in pyproject.toml, tolerating apps not yet in the tree.

import-linter refuses a root package it cannot find, and the layers of the "Architecture"
issue arrive in parallel branches (foundation, competencies). So the contracts are copied
into a temporary config whose root packages are those present under ``roots``, with the
known violations (layers.KNOWN_VIOLATIONS) added to every contract's ignore_imports.
"""

import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

from .layers import KNOWN_VIOLATIONS

REPO = Path(__file__).resolve().parents[2]
ROOTS = (REPO / "site", REPO)


def _present(package: str, roots: Sequence[Path]) -> bool:
    return any((root / package / "__init__.py").exists() for root in roots)


def _toml_value(value: object) -> str:
    # JSON strings, lists and booleans are valid TOML values.
    return json.dumps(value)


def _table(header: str, options: dict) -> str:
    lines = [header] + [f"{key} = {_toml_value(value)}" for key, value in options.items()]
    return "\n".join(lines) + "\n"


def config_text(roots: Sequence[Path], known: tuple[str, ...], pyproject: Path) -> str:
    options = tomllib.loads(pyproject.read_text())["tool"]["importlinter"]
    contracts = options.pop("contracts")
    options["root_packages"] = [p for p in options["root_packages"] if _present(p, roots)]
    text = _table("[tool.importlinter]", options)
    for contract in contracts:
        ignored = [*contract.get("ignore_imports", []), *known]
        if ignored:
            contract["ignore_imports"] = ignored
            # A known violation fixed by a merge is no error; emptying the list is the lead's.
            contract["unmatched_ignore_imports_alerting"] = "none"
        text += "\n" + _table("[[tool.importlinter.contracts]]", contract)
    return text


def lint_imports(
    roots: Sequence[Path] = ROOTS,
    known: tuple[str, ...] = KNOWN_VIOLATIONS,
    pyproject: Path = REPO / "pyproject.toml",
) -> subprocess.CompletedProcess[str]:
    """import-linter's verdict (returncode 0 when every contract is kept) and its report."""
    with tempfile.TemporaryDirectory() as directory:
        config = Path(directory) / "importlinter.toml"
        config.write_text(config_text(roots, known, pyproject))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, roots))}
        command = [Path(sys.executable).with_name("lint-imports"), config, "--no-cache"]
        return subprocess.run(
            [str(part) for part in command], capture_output=True, text=True, env=env, check=False
        )
