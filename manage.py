#!/usr/bin/env python
"""Django's command-line utility for Bina ASN.

`site/` is a source root, not a package (the standard library owns the name
`site`), so it is put on sys.path before Django starts.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> None:
    sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bina.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
