"""Question and answer text to safe HTML.

Banks come from files other people wrote, so text is never trusted. Plain and markdown text
is escaped (line breaks kept); HTML and Moodle text keeps only a short list of formatting
tags, always without attributes, and drops the content of script-like elements. Anything
else is escaped, so the worst a hostile bank can do is show its markup as text.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from learning.quiz.types import TextFormat

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "code",
        "pre",
        "sub",
        "sup",
        "blockquote",
        "h3",
        "h4",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "div",
    }
)
VOID_TAGS = frozenset({"br"})
# Their content is code or metadata, not text a pegawai should read.
DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})


class _AllowListSanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROP_CONTENT:
            self.dropping += 1
        elif not self.dropping and tag in ALLOWED_TAGS:
            self.out.append(f"<{tag}>")
            if tag not in VOID_TAGS:
                self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.dropping and tag in VOID_TAGS:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT:
            self.dropping = max(0, self.dropping - 1)
        elif not self.dropping and tag in self.open:
            # Close everything opened since, so the output is always well nested.
            while self.open:
                top = self.open.pop()
                self.out.append(f"</{top}>")
                if top == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitize_html(text: str) -> str:
    parser = _AllowListSanitizer()
    parser.feed(text)
    return parser.result()


def render_text(text: str, text_format: TextFormat | str = TextFormat.PLAIN) -> SafeString:
    """Question text, choices and feedback as HTML that is safe to put in a page."""
    if text_format in (TextFormat.HTML, TextFormat.MOODLE):
        return mark_safe(sanitize_html(text))  # noqa: S308 - the allow-list output above
    return linebreaks(text, autoescape=True)


_ONE_PARAGRAPH = re.compile(r"\A\s*<p>(?P<inner>.*?)</p>\s*\Z", re.DOTALL)


def render_inline(text: str, text_format: TextFormat | str = TextFormat.PLAIN) -> SafeString:
    """Short text shown inside a label, a list item or after an arrow (matching items, right
    answers): sanitised like `render_text`, but a single wrapping paragraph is unwrapped so
    ``<p>BP</p>`` reads as "BP" in line rather than as a block (or as escaped markup)."""
    if text_format in (TextFormat.HTML, TextFormat.MOODLE):
        html = sanitize_html(text)
        match = _ONE_PARAGRAPH.match(html)
        if match and "<p>" not in match["inner"]:
            html = match["inner"]
        return mark_safe(html.strip())  # noqa: S308 - the allow-list output above
    return mark_safe(escape(text.strip()).replace("\n", "<br>"))  # noqa: S308 - escaped
