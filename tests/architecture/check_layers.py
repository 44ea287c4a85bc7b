"""Command line: ``python -m tests.architecture.check_layers [--imports | --strings]``.

Exits non-zero when the import contracts (import-linter) or the string references
(string_refs.py) break the layer order; both run when no option is given.
"""

import argparse
import sys

from .import_contracts import ROOTS, lint_imports
from .string_refs import violations


def check_imports() -> bool:
    result = lint_imports()
    if result.returncode:
        print(result.stdout, result.stderr, sep="\n")
    return result.returncode == 0


def check_strings() -> bool:
    found = violations(ROOTS)
    for reference in found:
        print(f"layer violation by name: {reference}")
    return not found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--imports", action="store_true", help="import-linter contracts only")
    group.add_argument("--strings", action="store_true", help="string references only")
    args = parser.parse_args(argv)
    kept = True
    if not args.strings:
        kept &= check_imports()
    if not args.imports:
        kept &= check_strings()
    return 0 if kept else 1


if __name__ == "__main__":
    sys.exit(main())
