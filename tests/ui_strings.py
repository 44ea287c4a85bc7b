"""English UI strings a Bina ASN user must never meet (issue #18).

Shared by the real-browser layout suite (tests/browser/test_layout_roles.py) and the admin
language tests: each entry is matched as a whole phrase, case-sensitively, in the text a
user sees. Add a string here when a screen is found to show it.
"""

import re

ENGLISH_UI_STRINGS = [
    # The examples in issue #18.
    "Create",
    "New:",
    "There are no",
    "Why not add one?",
    "Request changes",
    "Approve with comment",
    "Autosave is paused",
    "could not be created",
    "Collapse all",
    "Help",
    # Their siblings on the same screens.
    "Expand all",
    "Save draft",
    "Log out",
    "Sign in",
    "Page not found",
    "Delete",
    "Cancel",
    "Submit",
]


def _pattern(phrase: str) -> str:
    # Whole words: "Edit" must not match "Editor", "Create" not "Created" in Indonesian text.
    start = r"\b" if phrase[0].isalnum() else ""
    end = r"\b" if phrase[-1].isalnum() else ""
    return start + re.escape(phrase) + end


ENGLISH_UI_RE = re.compile("|".join(_pattern(p) for p in ENGLISH_UI_STRINGS))


def english_ui_strings_in(text: str) -> list[str]:
    """The listed English strings found in ``text``, each once, in list order."""
    found = {match.group(0) for match in ENGLISH_UI_RE.finditer(text)}
    return [phrase for phrase in ENGLISH_UI_STRINGS if phrase in found]
