"""One date form in the UI: "17 Desember 2026" (issue #18: three forms were in use)."""

import datetime
import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "site", ROOT / "learning", ROOT / "kinerja_link", ROOT / "templates"]
# The long form (with a time where the moment matters), and machine forms: ISO in
# datetime="" attributes and exports, times of day.
ALLOWED = {"j F Y", "j F Y H:i", "j F Y, H:i", "Y-m-d", "c", "Y-m-d H:i:s", "H:i:s", "H:i", "Y"}
DATE_FILTER = re.compile(r"""\|date:\s*["']([^"']*)["']""")


def test_the_default_date_format_is_the_long_indonesian_form():
    day = datetime.date(2026, 12, 17)
    with translation.override("id"):
        assert date_format(day) == "17 Desember 2026"
        assert date_format(day, "SHORT_DATE_FORMAT") == "17 Desember 2026"
        assert Template("{{ d|date }}").render(Context({"d": day})) == "17 Desember 2026"


def test_templates_use_only_the_long_form_or_machine_forms():
    found = {}
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            for fmt in DATE_FILTER.findall(path.read_text(encoding="utf-8")):
                if fmt not in ALLOWED:
                    found.setdefault(str(path.relative_to(ROOT)), []).append(fmt)
    assert not found, found
