"""A server-rendered bar chart of the seven BerAKHLAK values, as inline SVG.

No JavaScript and no ``style=`` attribute (CSP): geometry and colours are SVG presentation
attributes. The page puts a table with the same numbers next to it; the SVG itself has a
title and description for assistive technology.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 360
LABEL_RIGHT = 150  # labels end here (text-anchor end)
BAR_LEFT = 156
BAR_MAX = WIDTH - BAR_LEFT - 28  # room for the number after the bar
ROW = 28
BAR_HEIGHT = 16
BAR_FILL = "#7a1f1f"  # --merah
TRACK_FILL = "#f6f4f1"  # --latar-lembut
TEXT_FILL = "#1d1d1f"  # --teks


def bar_width(count: int, top: int) -> int:
    """Bar length in SVG units; a non-zero count is always visible."""
    if count <= 0 or top <= 0:
        return 0
    return max(2, round(BAR_MAX * count / top))


def values_bar_chart(rows: Sequence[tuple[str, int]], *, title: str, desc: str) -> SafeString:
    """``rows`` are (label, count) pairs, drawn top to bottom in the order given."""
    return format_html(
        '<svg class="values-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'width="100%" role="img" aria-labelledby="values-chart-title values-chart-desc">'
        '<title id="values-chart-title">{title}</title><desc id="values-chart-desc">{desc}</desc>'
        "{bars}</svg>",
        w=WIDTH,
        h=ROW * len(rows) + 8,
        title=title,
        desc=desc,
        bars=_bars(rows),
    )


def _bars(rows: Sequence[tuple[str, int]]) -> SafeString:
    top = max((count for _label, count in rows), default=0)
    return format_html_join(
        "",
        '<g><text x="{label_x}" y="{text_y}" text-anchor="end" font-size="11" fill="{ink}">'
        "{label}</text>"
        '<rect x="{bar_x}" y="{bar_y}" width="{track}" height="{h}" rx="3" fill="{track_fill}"/>'
        '<rect x="{bar_x}" y="{bar_y}" width="{w}" height="{h}" rx="3" fill="{fill}"/>'
        '<text x="{count_x}" y="{text_y}" font-size="11" fill="{ink}">{count}</text></g>',
        (
            {
                "label": label,
                "count": count,
                "label_x": LABEL_RIGHT,
                "bar_x": BAR_LEFT,
                "bar_y": 8 + i * ROW,
                "text_y": 8 + i * ROW + BAR_HEIGHT - 4,
                "w": bar_width(count, top),
                "track": BAR_MAX,
                "h": BAR_HEIGHT,
                "count_x": BAR_LEFT + bar_width(count, top) + 4,
                "fill": BAR_FILL,
                "track_fill": TRACK_FILL,
                "ink": TEXT_FILL,
            }
            for i, (label, count) in enumerate(rows)
        ),
    )
