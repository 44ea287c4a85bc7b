"""The admin speaks Indonesian to every role (issue #18, admin language).

Wagtail's own Indonesian catalogue covers about a quarter of its strings; the rest came
through in English ("Create", "Approve with comment dan Publikasikan", "Autosave is
paused"). ``locale/id/LC_MESSAGES`` supplies them. This renders the main admin screens of
each staff role on the demo data and looks for any string from ``tests/ui_strings.py`` in
the visible text (and the labels a screen reader reads).
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import NoReverseMatch, get_resolver, reverse

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.roles import Role, role_group
from learning.models.pages import CourseIndexPage, CoursePage
from portal.models import ArticleIndexPage, ArticlePage
from tests.ui_strings import ENGLISH_JS_STRINGS, ENGLISH_UI_STRINGS

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "id" / "LC_MESSAGES"
READ_ALOUD = {"aria-label", "title", "placeholder", "alt"}
REPORTS = (
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:page_types_usage",
)


class _VisibleText(HTMLParser):
    """Text a user sees or hears: element text and the labels read aloud, not scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(value for name, value in attrs if name in READ_ALOUD and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(content: str) -> str:
    parser = _VisibleText()
    parser.feed(content)
    return html.unescape(" ".join(" ".join(parser.parts).split()))


def english_in(text: str) -> list[str]:
    return [
        s for s in ENGLISH_UI_STRINGS if re.search(rf"(?<!\w){re.escape(s.strip())}(?!\w)", text)
    ]


def _reverses(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def admin_screens() -> list[str]:
    """Dashboard, explorer, the article and course editors (edit and create), every
    viewset's listing (imports, question bank, the empty snippet listings) and reports."""
    article = ArticlePage.objects.order_by("pk").first()
    course = CoursePage.objects.order_by("pk").first()
    article_index = ArticleIndexPage.objects.first()
    course_index = CourseIndexPage.objects.first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[article_index.pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        reverse("wagtailadmin_pages:add", args=["portal", "articlepage", article_index.pk]),
        reverse("wagtailadmin_pages:add", args=["learning", "coursepage", course_index.pk]),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
    ]
    get_resolver().resolve("/admin/")  # loading the admin URLs registers every viewset
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ChooserViewSet):
            continue
        url = _reverses(viewset.get_url_name("index"))
        if url:
            urls.append(url)
    urls += [url for url in map(_reverses, REPORTS) if url]
    return urls


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, with one article waiting for the moderator, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        editor = role_group(Role.EDITOR).user_set.order_by("pk").first()
        article = ArticlePage.objects.order_by("pk").first()
        workflow = article.get_workflow() or Workflow.objects.filter(active=True).first()
        article.save_revision(user=editor)
        workflow.start(article, editor)
        yield
        transaction.set_rollback(True)


def _staff():
    superuser = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    users = {"superuser": superuser}
    for role in (Role.PENGELOLA, Role.EDITOR, Role.MODERATOR):
        users[role.name.lower()] = role_group(role).user_set.order_by("pk").first()
    return users


@pytest.mark.parametrize("role", ["superuser", "pengelola", "editor", "moderator"])
def test_admin_screens_have_no_english(role, demo, db, client):
    user = _staff()[role]
    client.force_login(user)
    found = {}
    shown = 0
    for url in admin_screens():
        response = client.get(url)
        if response.status_code != 200:  # refused or redirected: not this role's screen
            continue
        shown += 1
        english = english_in(visible_text(response.content.decode()))
        if english:
            found[url] = english
    assert shown >= 5, f"{role} saw only {shown} screens"
    assert not found, found


def test_the_moderator_approves_in_indonesian(demo, db, client):
    client.force_login(_staff()["moderator"])
    article = ArticlePage.objects.order_by("pk").first()
    text = visible_text(
        client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    )
    assert "Setujui dengan komentar" in text
    assert "Minta perubahan" in text
    assert not english_in(text)


def test_a_failed_create_says_so_in_indonesian(demo, db, client):
    client.force_login(_staff()["editor"])
    index = ArticleIndexPage.objects.first()
    url = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", index.pk])
    data = nested_form_data(
        {
            "title": "",
            "slug": "",
            "summary": "",
            "author": "",
            "date": "2026-12-17",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data, follow=True)
    text = visible_text(response.content.decode())
    assert "Halaman tidak dapat dibuat karena ada galat validasi." in text
    assert not english_in(text)


def test_the_admin_scripts_get_indonesian(client, admin_user):
    """Wagtail's scripts read their strings from the admin's JavaScript catalogue."""
    client.force_login(admin_user)
    catalog = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    untranslated = [s for s in ENGLISH_JS_STRINGS if f"{json.dumps(s)}: " not in catalog]
    assert not untranslated, untranslated


# --- the catalogues ------------------------------------------------------------------------


def _po_catalog(path: Path) -> dict[str, str]:
    """msgid (or msgctxt\\x04msgid, or the msgid of a plural) -> msgstr, from our .po."""
    catalog: dict[str, str] = {}
    entry: dict[str, str] = {}
    key = None

    def flush():
        if entry.get("msgid"):
            msgid = entry["msgid"]
            if "msgctxt" in entry:
                msgid = f"{entry['msgctxt']}\x04{msgid}"
            catalog[msgid] = entry.get("msgstr", entry.get("msgstr[0]", ""))

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            flush()
            entry, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += _unquote(line)
        else:
            key, _, rest = line.partition(" ")
            entry[key] = _unquote(rest)
    return catalog


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text.strip()[1:-1])


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogues_match_their_sources(domain):
    """The .mo files are committed (a fresh clone needs no gettext tools); they must be
    compiled from the current .po: ``msgfmt --check -o X.mo X.po``."""
    import gettext

    with (LOCALE / f"{domain}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    source = _po_catalog(LOCALE / f"{domain}.po")
    catalog = {(k[0] if isinstance(k, tuple) else k): v for k, v in compiled._catalog.items() if k}
    assert source == {k: catalog.get(k) for k in source}
    assert len(catalog) == len(source)


def test_catalogues_pass_msgfmt_checks():
    """Placeholders (python-format) and plural forms as gettext checks them."""
    try:
        for domain in ("django", "djangojs"):
            po = LOCALE / f"{domain}.po"
            subprocess.run(
                ["msgfmt", "--check-format", "--check-domain", "-o", "/dev/null", str(po)],
                check=True,
                capture_output=True,
            )
    except FileNotFoundError:
        pytest.skip("msgfmt (gettext) tidak terpasang")
