"""The layer order that every architecture check applies (docs/development.md).

Lowest first: an app may use the apps listed before it, never those after it. ``portal`` sits
beside the chain and reads only the lowest apps (plus ``learning.selectors``, an import that
the import-linter contracts in pyproject.toml allow). ``bina`` is the wiring and may use
everything. A package missing from the tree (yet) is skipped by every check.
"""

import re

# (app label, package that holds it), lowest layer first.
CHAIN: tuple[tuple[str, str], ...] = (
    ("foundation", "foundation"),
    ("accounts", "accounts"),
    ("competencies", "competencies"),
    ("learning", "learning"),
    ("quiz", "learning.quiz"),
    ("kinerja_link", "kinerja_link"),
    ("participation", "kinerja_link.participation"),
    ("pembinaan", "kinerja_link.pembinaan"),
    ("pengembangan", "kinerja_link.pengembangan"),
    ("siasn", "kinerja_link.siasn"),
    ("personal_data", "kinerja_link.personal_data"),
)
WIRING = ("bina", "bina")
PORTAL = ("portal", "portal")
PORTAL_MAY_USE = frozenset({"foundation", "accounts", "competencies"})

APPS: dict[str, str] = dict((*CHAIN, WIRING, PORTAL))
RANK: dict[str, int] = {label: rank for rank, (label, _package) in enumerate(CHAIN)}

# The violations that exist today and that the code moves of the "Architecture" issue remove.
# Import-linter ignore expressions ("importer -> imported", with * and ** wildcards); the string
# checker matches the same expressions against "module -> referenced.Name". THE LEAD EMPTIES
# THIS LIST AT MERGE: every entry left is a layer violation someone still has to fix.
KNOWN_VIOLATIONS: tuple[str, ...] = ()


def may_use(source: str, target: str) -> bool:
    """Whether app ``source`` may refer to app ``target`` (both are app labels)."""
    if source == target or source == WIRING[0]:
        return True
    if source == PORTAL[0]:
        return target in PORTAL_MAY_USE
    if target in (PORTAL[0], WIRING[0]):
        return False
    return RANK[target] < RANK[source]


def app_of(dotted: str) -> str | None:
    """The app whose package holds ``dotted`` (a module or "package.Name"), longest match."""
    holders = [label for label, package in APPS.items() if f"{dotted}.".startswith(f"{package}.")]
    return max(holders, key=lambda label: len(APPS[label]), default=None)


def _pattern(expression: str) -> re.Pattern[str]:
    parts = []
    for part in expression.strip().split("."):
        if part == "**":
            parts.append(r"[^.]+(?:\.[^.]+)*")
        elif part == "*":
            parts.append(r"[^.]+")
        else:
            parts.append(re.escape(part))
    return re.compile(r"\.".join(parts))


def is_known(importer: str, imported: str, known: tuple[str, ...] = KNOWN_VIOLATIONS) -> bool:
    """Whether "importer -> imported" matches one of the ``known`` ignore expressions."""
    for expression in known:
        left, right = expression.split("->")
        if _pattern(left).fullmatch(importer) and _pattern(right).fullmatch(imported):
            return True
    return False
