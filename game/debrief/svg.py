"""Inline SVG charts: no scripts, no external references, markup that also parses as XML.

Every plotted point carries its numbers (data-year, data-value, and a <title> a browser shows on
hover), so a reader, a test or a screen reader can get the values back out of the chart. The
player's series are lines, history's figures are squares (hollow and marked \u2248 when approximate),
history's ranges are grey bands.
"""

from __future__ import annotations

import math
import textwrap
from html import escape

from . import fmt
from .analysis import Chart
from .reference import APPROX

WIDTH, HEIGHT = 640, 290  # HEIGHT: the plot and its year axis; the legend adds to it
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 16, 30
INK = "#1a1a1a"
GRID = "#d9d9d9"
LINE_STYLES = {  # kind -> (colour, dash)
    "real": ("#1f4e79", ""),
    "reported": ("#b34700", "6 4"),
    "other": ("#4d7f2a", "2 3"),
}
BAND_FILL = "#c8c8c8"
FONT = "Pyatiletka Sans, PT Sans, Helvetica Neue, Arial, sans-serif"
HALO = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'  # keeps a label legible over lines


def e(text: object) -> str:
    return escape(str(text), quote=True)


def number(value: float) -> str:
    """A value for a data attribute: exact enough to compare with the record."""
    return repr(float(value))


def nice_ticks(top: float, count: int = 5) -> list[float]:
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def chart_svg(chart: Chart, first_year: int, last_year: int, width: int = WIDTH, height: int = HEIGHT,
              css_class: str = "chart") -> str:
    """The chart on a `width` x `height` canvas (the legend below adds to the height); a smaller
    canvas gives relatively larger type, for the handout."""
    WIDTH, HEIGHT = width, height  # noqa: N806 - the module's defaults, overridden for this chart
    lo_year = first_year  # every axis starts at the game's first year (a census before it is left out)
    marks = [(m, [p for p in m.points if p.year is not None and lo_year <= p.year <= last_year]) for m in chart.marks]
    band = [p for p in chart.band.points if lo_year <= p[0] <= last_year] if chart.band else []
    years = [y for line in chart.lines for y, _ in line.points] + [p.year for _, pts in marks for p in pts] + \
        [p[0] for p in band]
    x0, x1 = min(years), max(years)
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1
    values = [v for line in chart.lines for _, v in line.points] + [p.value for _, pts in marks for p in pts] + \
        [p[2] for p in band]
    ticks = nice_ticks(max(values) * 1.05 if values else 1.0)
    y_top = ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - x0) / (x1 - x0) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (max(0.0, value) / y_top) * plot_h

    decimals = fmt.decimals_for(values)
    out = [f"<title>{e(chart.title)} ({e(chart.unit)})</title>"]
    # grid and axes
    out.append(f'<g class="axes" font-size="11" fill="{INK}" font-family="{FONT}">')
    for tick in ticks:
        out.append(f'<line x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{e(fmt.num(tick, _tick_decimals(ticks)))}</text>')
    step = 1 if x1 - x0 <= 6 else 2
    for year in range(int(math.ceil(x0)), int(x1) + 1):
        if (year - int(math.ceil(x0))) % step == 0:
            out.append(f'<line x1="{x(year):.1f}" y1="{TOP + plot_h}" x2="{x(year):.1f}" y2="{TOP + plot_h + 4}" '
                       f'stroke="{INK}"/>')
            out.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{year}</text>')
    out.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="{INK}"/>')
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="{INK}"/>')
    out.append(f'<text x="{LEFT}" y="{TOP - 4}" font-style="italic">{e(chart.unit)}</text>')
    out.append("</g>")
    # history's band
    if len(band) >= 1 and chart.band is not None:
        if len(band) == 1:
            band = [(band[0][0] - 0.3, band[0][1], band[0][2]), (band[0][0] + 0.3, band[0][1], band[0][2])]
        upper = " ".join(f"{x(yr):.1f},{y(hi):.1f}" for yr, _, hi in band)
        lower = " ".join(f"{x(yr):.1f},{y(lo):.1f}" for yr, lo, _ in reversed(band))
        data = " ".join(f"{yr}:{number(lo)}-{number(hi)}" for yr, lo, hi in band)
        out.append(f'<polygon class="band" points="{upper} {lower}" fill="{BAND_FILL}" fill-opacity="0.6" '
                   f'stroke="none" data-band="{e(data)}"><title>{e(chart.band.label)}</title></polygon>')
    # the player's lines
    for line in chart.lines:
        colour, dash = LINE_STYLES.get(line.kind, LINE_STYLES["other"])
        points = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in line.points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="series" data-metric="{e(line.metric)}" data-kind="{e(line.kind)}">')
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.2"{dash_attr}/>')
        for yr, v in line.points:
            out.append(f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="2.6" fill="{colour}" data-year="{yr}" '
                       f'data-value="{number(v)}"><title>{e(line.label)}, {yr}: {e(fmt.num(v, decimals))} '
                       f'{e(chart.unit)}</title></circle>')
        if line.points:
            yr, v = line.points[-1]
            out.append(f'<text x="{x(yr) - 4:.1f}" y="{y(v) - 7:.1f}" font-size="11" text-anchor="end" '
                       f'fill="{colour}"{HALO}>{e(fmt.num(v, decimals))}</text>')
        out.append("</g>")
    # history's figures
    for m, points in marks:
        out.append(f'<g class="history" data-label="{e(m.label)}">')
        for p in points:
            size = 7
            fill = "#ffffff" if p.approximate else INK
            label = ("about " if p.approximate else "") + fmt.num(p.value, decimals) + (APPROX if p.approximate else "")
            out.append(f'<rect x="{x(p.year) - size / 2:.1f}" y="{y(p.value) - size / 2:.1f}" width="{size}" '
                       f'height="{size}" fill="{fill}" stroke="{INK}" stroke-width="1.4" data-year="{p.year}" '
                       f'data-value="{number(p.value)}" data-tag="{e(p.tag)}"><title>{e(m.label)}, {p.year}: '
                       f'{e(label)} {e(chart.unit)}{e(" (approximate)" if p.approximate else "")}</title></rect>')
            out.append(f'<text x="{x(p.year) + 6:.1f}" y="{y(p.value) + 14:.1f}" font-size="10" fill="{INK}"{HALO}>'
                       f'{e(fmt.num(p.value, decimals) + (APPROX if p.approximate else ""))}</text>')
        out.append("</g>")
    legend, rows = _legend(chart, TOP + plot_h + 34, WIDTH)
    out.append(legend)
    height = TOP + plot_h + 34 + 16 * rows + 4
    head = (f'<svg class="{css_class}" viewBox="0 0 {WIDTH} {height}" role="img" font-family="{FONT}" '
            f'aria-label="{e(chart.title)}, {e(chart.unit)}" data-chart="{e(chart.id)}">')
    return "\n".join([head, *out, "</svg>"])


def _tick_decimals(ticks: list[float]) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    return 0 if step >= 1 and float(step).is_integer() else (1 if step * 10 >= 1 else 2)


def _legend(chart: Chart, top: float, width: int = WIDTH) -> tuple[str, int]:
    """The legend's markup and how many rows it takes."""
    items = []
    for line in chart.lines:
        colour, dash = LINE_STYLES.get(line.kind, LINE_STYLES["other"])
        items.append(("line", colour, dash, line.label))
    for m in chart.marks:
        items.append(("mark", INK, "", m.label))
    if any(p.approximate for m in chart.marks for p in m.points):
        items.append(("hollow", INK, "", f"{APPROX} approximate"))
    if chart.band is not None and chart.band.points:
        items.append(("band", BAND_FILL, "", chart.band.label))
    out = ['<g class="legend" font-size="11">']
    x, row = LEFT, 0
    room = max(10, int((width - RIGHT - LEFT - 30) / 6.0))  # characters a legend line holds
    for kind, colour, dash, label in items:
        lines = textwrap.wrap(label, room) or [""]
        item_w = 30 + 6.0 * max(len(line) for line in lines)
        if x + item_w > width - RIGHT and x > LEFT:
            x, row = LEFT, row + 1
        yy = top + row * 16
        if kind == "line":
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<line x1="{x}" y1="{yy:.1f}" x2="{x + 22}" y2="{yy:.1f}" stroke="{colour}" stroke-width="2.2"{dash_attr}/>')
        elif kind in ("mark", "hollow"):
            fill = "#ffffff" if kind == "hollow" else INK
            out.append(f'<rect x="{x + 7.5}" y="{yy - 3.5:.1f}" width="7" height="7" fill="{fill}" stroke="{INK}" stroke-width="1.4"/>')
        else:
            out.append(f'<rect x="{x}" y="{yy - 5:.1f}" width="22" height="10" fill="{colour}" fill-opacity="0.6"/>')
        for number, line in enumerate(lines):
            out.append(f'<text x="{x + 28}" y="{yy + 4 + 16 * number:.1f}" fill="{INK}">{e(line)}</text>')
        if len(lines) > 1:  # a wrapped label takes its rows alone; the next item starts a row
            row += len(lines) - 1
            x = width
            continue
        x += item_w
    out.append("</g>")
    return "\n".join(out), row + 1


def strip_svg(axis_id: str, title: str, unit: str, values: list[tuple[str, float]], history: float | None,
              decimals: int) -> str:
    """A dot plot: one dot per student or team on the axis, history's value marked."""
    width, left, right = 640, 24, 24
    numbers = [v for _, v in values] + ([history] if history is not None else [])
    lo, hi = min(numbers), max(numbers)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.06
    lo, hi = lo - pad, hi + pad

    def x(v: float) -> float:
        return left + (v - lo) / (hi - lo) * (width - left - right)

    placed: list[tuple[str, float, float, int]] = []
    for name, v in sorted(values, key=lambda item: item[1]):
        cx = x(v)
        level = 0
        while any(abs(cx - px) < 9 and lvl == level for _, _, px, lvl in placed):
            level += 1
        placed.append((name, v, cx, level))
    levels = max((lvl for *_, lvl in placed), default=0)
    base = 22 + 9 * levels + 14
    height = base + 38
    out = [f'<svg class="strip" viewBox="0 0 {width} {height}" role="img" font-family="{FONT}" aria-label="{e(title)}" '
           f'data-axis="{e(axis_id)}">', f"<title>{e(title)} ({e(unit)})</title>",
           f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{INK}"/>']
    for tick in (lo + pad, (lo + hi) / 2, hi - pad):
        out.append(f'<text x="{x(tick):.1f}" y="{base + 16}" font-size="11" text-anchor="middle" '
                   f'fill="{INK}">{e(fmt.num(tick, decimals))}</text>')
    for name, v, cx, level in placed:
        cy = base - 8 - level * 9
        out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#1f4e79" fill-opacity="0.8" '
                   f'data-value="{number(v)}" data-name="{e(name)}"><title>{e(name)}: {e(fmt.num(v, decimals))}</title></circle>')
    if history is not None:
        hx = x(history)
        out.append(f'<g class="history" data-value="{number(history)}">'
                   f'<line x1="{hx:.1f}" y1="8" x2="{hx:.1f}" y2="{base + 4}" stroke="#b34700" stroke-width="2" '
                   f'stroke-dasharray="4 3"/><text x="{hx:.1f}" y="{base + 30}" font-size="11" text-anchor="middle" '
                   f'fill="#b34700">history {e(fmt.num(history, decimals))}</text></g>')
    out.append("</svg>")
    return "\n".join(out)
