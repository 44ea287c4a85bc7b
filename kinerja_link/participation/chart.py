"""The IKM trend as server-rendered inline SVG: one column per periode.

The technique of ``pembinaan.chart`` (no JavaScript, no ``style=``, presentation attributes
only, a title and description for assistive technology, a table with the same numbers
beside it). Not that module itself: participation sits below pembinaan in the layers and
may not import it, and a trend needs the fixed IKM scale 25–100 with the mutu bands
marked, where ``values_bar_chart`` scales counts to the largest one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH = 360
TOP = 12
PLOT_HEIGHT = 150
LEFT = 34
BAR_GAP = 8
FILL = "#7a1f1f"  # --merah
GRID = "#d9d4cc"
INK = "#1d1d1f"
BANDS = (Decimal("88.31"), Decimal("76.61"), Decimal("65.00"))


def _y(value: Decimal) -> int:
    """IKM 25 at the bottom, 100 at the top."""
    share = (min(max(value, Decimal(25)), Decimal(100)) - 25) / 75
    return round(TOP + PLOT_HEIGHT * (1 - float(share)))


def _bars(points: Sequence[tuple[str, Decimal]]) -> SafeString:
    slot = (WIDTH - LEFT - 4) // len(points)
    bar = max(8, slot - BAR_GAP)
    bottom = TOP + PLOT_HEIGHT
    return format_html_join(
        "",
        '<g><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="2" fill="{fill}"/>'
        '<text x="{cx}" y="{ty}" text-anchor="middle" font-size="10" fill="{ink}">{value}</text>'
        '<text x="{cx}" y="{ly}" text-anchor="middle" font-size="9" fill="{ink}">{label}</text>'
        "</g>",
        (
            {
                "x": LEFT + i * slot + BAR_GAP // 2,
                "y": _y(value),
                "w": bar,
                "h": bottom - _y(value),
                "fill": FILL,
                "cx": LEFT + i * slot + BAR_GAP // 2 + bar // 2,
                "ty": _y(value) - 3,
                "value": _number(value),
                "ly": bottom + 14,
                "label": label.replace("Triwulan ", "T"),
                "ink": INK,
            }
            for i, (label, value) in enumerate(points)
        ),
    )


def _grid() -> SafeString:
    return format_html_join(
        "",
        '<line x1="{l}" x2="{r}" y1="{y}" y2="{y}" stroke="{c}" stroke-dasharray="3 3"/>'
        '<text x="{tx}" y="{ty}" text-anchor="end" font-size="9" fill="{ink}">{v}</text>',
        (
            {
                "l": LEFT,
                "r": WIDTH - 4,
                "y": _y(band),
                "c": GRID,
                "tx": LEFT - 3,
                "ty": _y(band) + 3,
                "v": _number(band),
                "ink": INK,
            }
            for band in BANDS
        ),
    )


def _number(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def ikm_trend_chart(points: Sequence[tuple[str, Decimal]], *, title: str) -> SafeString:
    """``points`` are (periode label, IKM) in time order; the last 8 are drawn."""
    points = list(points)[-8:]
    if not points:
        return SafeString("")
    desc = "; ".join(f"{label}: {_number(value)}" for label, value in points)
    return format_html(
        '<svg class="ikm-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'width="100%" role="img" aria-labelledby="ikm-chart-title ikm-chart-desc">'
        '<title id="ikm-chart-title">{title}</title><desc id="ikm-chart-desc">{desc}</desc>'
        "{grid}{bars}</svg>",
        w=WIDTH,
        h=TOP + PLOT_HEIGHT + 22,
        title=title,
        desc=_("IKM per periode: %(points)s") % {"points": desc},
        grid=_grid(),
        bars=_bars(points),
    )
