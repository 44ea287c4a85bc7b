"""English interface strings that must never reach a Bina ASN user (issue #18).

Wagtail and Django leave some of their strings untranslated for Indonesian; the project
supplies them in ``locale/id/LC_MESSAGES``. A plain list, matched as whole words and
case-sensitively, so that admin and browser tests can share it and merges stay trivial.
"""

import re

ENGLISH_UI_STRINGS = [
    # Seen in the admin when issue #18 was filed.
    "Create",
    "New:",
    "There are no",
    "to display",
    "Why not add one",
    "Approve with comment",
    "Request changes",
    "Autosave is paused",
    "The page could not be created due to validation errors",
    "Collapse all",
    "Help",
    # Others of the same kind on the same screens.
    "Dashboard",
    "Pages",
    "Reports",
    "Search",
    "Save draft",
    "Publish",
    "Preview",
    "Add child page",
    "Sort by",
    "Actions",
    "More actions",
    "Cancel",
    "Bulk actions",
    "Select all",
    "Filter by",
    "Apply filters",
    "Show filters",
    "Skip to main content",
    "Toggle sidebar",
    "Main menu",
    "Privacy and access",
    "Workflows",
    "Workflow history",
    "Submit for moderation",
    "In Moderation",
    "Locked pages",
    "Site history",
    "Aging pages",
    "Page types usage",
    "Your pages and snippets in a workflow",
    "Comments",
    "Checks",
    "Expiry:",
    "View details",
    "Set schedule",
    "Keyboard shortcuts",
    "Editor Guide",
    "Page type",
    "Date updated",
    # Found by the real-browser layout suite (tests/browser/test_layout_roles.py).
    "Expand all",
    "Log out",
    "Sign in",
    "Page not found",
    "Delete",
    "Submit",
]

# Strings that Wagtail's scripts show (through the admin's JavaScript catalogue).
ENGLISH_JS_STRINGS = [
    "Collapse all",
    "Expand all",
    "Autosave in progress…",
    "Changes have been autosaved.",
    "Insert a block",
    "Main menu",
    "Toggle sidebar",
    "Add a comment",
    "Cancel",
    "Yes",
    "No",
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
