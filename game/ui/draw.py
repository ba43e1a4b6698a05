"""Drawing in code: text that wraps and clips, the poster geometry, bars, bands and charts.

No chart library: matplotlib alone would add most of a second to start-up. Rendered text is
cached, because a scene repaints when a lever moves and most of its words have not changed.
"""

from __future__ import annotations

import math
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from .style import Colour, Palette, Style

ELLIPSIS = "…"

# -- text -------------------------------------------------------------------------------------

_TEXT_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_TEXT_CACHE_SIZE = 3000
_WRAP_CACHE: OrderedDict[tuple, list[str]] = OrderedDict()


def render(font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
    key = (id(font), text, colour)
    surface = _TEXT_CACHE.get(key)
    if surface is None:
        surface = font.render(text, True, colour)
        _TEXT_CACHE[key] = surface
        if len(_TEXT_CACHE) > _TEXT_CACHE_SIZE:
            _TEXT_CACHE.popitem(last=False)
    else:
        _TEXT_CACHE.move_to_end(key)
    return surface


def clear_caches() -> None:
    """Fonts are rebuilt when the text scale changes; their ids may be reused."""
    _TEXT_CACHE.clear()
    _WRAP_CACHE.clear()


def fit(font: pygame.font.Font, text: str, width: int) -> str:
    """The text, cut with an ellipsis if it is wider than `width`."""
    if width <= 0:
        return ""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


def text(surface: pygame.Surface, font: pygame.font.Font, content: str, pos: tuple[int, int], colour: Colour,
         anchor: str = "topleft", width: int | None = None) -> pygame.Rect:
    """One line of text; cut to `width` if given. Returns the rect drawn."""
    if width is not None:
        content = fit(font, content, width)
    image = render(font, content, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def wrap(font: pygame.font.Font, content: str, width: int) -> list[str]:
    """Lines of at most `width` pixels; paragraphs (blank-line or newline separated) kept."""
    key = (id(font), content, width)
    cached = _WRAP_CACHE.get(key)
    if cached is not None:
        return cached
    lines: list[str] = []
    for paragraph in content.split("\n"):
        words = [w for w in paragraph.split(" ") if w]  # not split(): a no-break space must hold
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            candidate = f"{line} {word}"
            if font.size(candidate)[0] <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    lines = [fit(font, line, width) for line in lines]  # a single word wider than the box
    _WRAP_CACHE[key] = lines
    if len(_WRAP_CACHE) > 500:
        _WRAP_CACHE.popitem(last=False)
    return lines


def paragraph(surface: pygame.Surface, font: pygame.font.Font, content: str, rect: pygame.Rect, colour: Colour,
              skip_lines: int = 0, spacing: float = 1.0) -> int:
    """Wrapped text inside `rect`; lines that do not fit end in an ellipsis, never spill.
    Returns the y below the last line drawn."""
    lines = wrap(font, content, rect.width)[skip_lines:]
    step = round(font.get_linesize() * spacing)
    y = rect.top
    for index, line in enumerate(lines):
        if y + font.get_linesize() > rect.bottom:
            break
        last_visible = y + step + font.get_linesize() > rect.bottom and index < len(lines) - 1
        if last_visible:
            line = fit(font, line + " " + ELLIPSIS, rect.width) if line else ELLIPSIS
        text(surface, font, line, (rect.left, y), colour)
        y += step
    return y


def text_height(font: pygame.font.Font, content: str, width: int, spacing: float = 1.0) -> int:
    lines = wrap(font, content, width)
    return max(0, (len(lines) - 1) * round(font.get_linesize() * spacing) + font.get_linesize())


# -- scrolling text ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph of a long text: its role (font), content and colour name."""

    role: str
    content: str
    colour: str = "ink"
    space_before: float = 0.5  # in lines


class TextView:
    """A long text laid out for a width and drawn a window at a time; PageUp/PageDown and the
    mouse wheel scroll it. Nothing is ever drawn outside its rect."""

    def __init__(self, style: Style, blocks: Sequence[Block], width: int):
        self.style = style
        self.lines: list[tuple[str, str, str]] = []  # role, text, colour name
        self.offsets: list[int] = []
        y = 0
        for block in blocks:
            font = style.fonts[block.role]
            if self.lines:
                y += round(font.get_linesize() * block.space_before)
            for line in wrap(font, block.content, width) if block.content else [""]:
                self.lines.append((block.role, line, block.colour))
                self.offsets.append(y)
                y += font.get_linesize()
        self.height = y
        self.scroll = 0

    def max_scroll(self, view_height: int) -> int:
        return max(0, self.height - view_height)

    def scroll_by(self, pixels: int, view_height: int) -> bool:
        before = self.scroll
        self.scroll = max(0, min(self.max_scroll(view_height), self.scroll + pixels))
        return self.scroll != before

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette = self.style.palette
        previous_clip = surface.get_clip()
        surface.set_clip(rect)
        for (role, line, colour), y in zip(self.lines, self.offsets, strict=True):
            top = rect.top + y - self.scroll
            font = self.style.fonts[role]
            if top + font.get_linesize() < rect.top or top > rect.bottom:
                continue
            text(surface, font, line, (rect.left, top), getattr(palette, colour))
        surface.set_clip(previous_clip)
        if self.height > rect.height:
            scrollbar(surface, rect, self.scroll, self.height, palette, self.style)


def scrollbar(surface: pygame.Surface, rect: pygame.Rect, scroll: int, total: int, palette: Palette,
              style: Style) -> None:
    track = pygame.Rect(rect.right + style.px(4), rect.top, style.px(6), rect.height)
    pygame.draw.rect(surface, palette.rule, track)
    length = max(style.px(20), round(rect.height * rect.height / total))
    top = rect.top + round((rect.height - length) * scroll / max(1, total - rect.height))
    pygame.draw.rect(surface, palette.red, (track.left, top, track.width, length))


# -- the poster -------------------------------------------------------------------------------


def poster_background(surface: pygame.Surface, palette: Palette, variant: int = 0) -> None:
    """Cream paper with a red diagonal band and a black wedge: the constructivist sheet."""
    w, h = surface.get_size()
    surface.fill(palette.paper)
    shift = (variant % 3) * w // 9
    band = [(w * 0.62 + shift, 0), (w * 0.80 + shift, 0), (w * 0.38 + shift, h), (w * 0.20 + shift, h)]
    pygame.draw.polygon(surface, _blend(palette.red, palette.paper, 0.12), band)
    wedge = [(w, h * 0.55), (w, h), (w * 0.70, h)]
    pygame.draw.polygon(surface, _blend(palette.ink, palette.paper, 0.08), wedge)


def title_poster(surface: pygame.Surface, palette: Palette) -> None:
    """The title screen: a full-strength poster (a red diagonal, a black circle, bars)."""
    w, h = surface.get_size()
    surface.fill(palette.paper)
    pygame.draw.polygon(surface, palette.red, [(w * 0.56, 0), (w, 0), (w, h * 0.30), (w * 0.44, h)])
    pygame.draw.polygon(surface, palette.red, [(w * 0.44, h), (w * 0.52, h), (w, h * 0.45), (w, h * 0.30)])
    radius = int(min(w, h) * 0.23)
    pygame.draw.circle(surface, palette.ink, (int(w * 0.80), int(h * 0.62)), radius)
    pygame.draw.circle(surface, palette.paper, (int(w * 0.80), int(h * 0.62)), int(radius * 0.35))
    for i in range(5):
        y = int(h * (0.74 + i * 0.045))
        pygame.draw.rect(surface, palette.ink, (int(w * 0.53), y, int(w * (0.08 + 0.05 * i)), max(2, h // 90)))
    pygame.draw.rect(surface, palette.ink, (0, 0, w, max(6, h // 60)))


def top_bar(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str, right: str = "",
            subtitle: str = "") -> None:
    """A black strip with a red block: the screen's heading."""
    p = style.palette
    pygame.draw.rect(surface, p.ink, rect)
    mark = pygame.Rect(rect.left, rect.top, rect.height, rect.height)
    pygame.draw.rect(surface, p.red, mark)
    pygame.draw.polygon(surface, p.ink, [(mark.left + mark.width * 0.25, mark.bottom), (mark.right, mark.top + mark.height * 0.25),
                                         (mark.right, mark.bottom)])
    font = style.fonts["h2"]
    x = mark.right + style.gap
    right_width = style.fonts["body_bold"].size(right)[0] if right else 0
    available = rect.right - x - right_width - 2 * style.gap
    drawn = text(surface, font, title, (x, rect.centery), p.on_dark, "midleft", width=available)
    if subtitle:
        small = style.fonts["body"]
        text(surface, small, subtitle, (drawn.right + style.gap, rect.centery), p.on_dark, "midleft",
             width=max(0, available - drawn.width - style.gap))
    if right:
        text(surface, style.fonts["body_bold"], right, (rect.right - style.gap, rect.centery), p.ochre, "midright")


def panel(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str = "", accent: bool = False) -> pygame.Rect:
    """A block with a heading bar; returns the inner rect for its content."""
    p = style.palette
    pygame.draw.rect(surface, p.panel, rect)
    pygame.draw.rect(surface, p.ink, rect, style.rule)
    if not title:
        return rect.inflate(-2 * style.gap, -2 * style.gap)
    font = style.fonts["h3"]
    bar = pygame.Rect(rect.left, rect.top, rect.width, font.get_linesize() + style.px(8))
    pygame.draw.rect(surface, p.red if accent else p.ink, bar)
    text(surface, font, title, (bar.left + style.gap, bar.centery), p.on_dark, "midleft", width=bar.width - 2 * style.gap)
    inner = pygame.Rect(rect.left + style.gap, bar.bottom + style.px(6), rect.width - 2 * style.gap,
                        rect.bottom - bar.bottom - style.px(6) - style.gap // 2)
    return inner


def _blend(a: Colour, b: Colour, t: float) -> Colour:
    """a over b with opacity t."""
    return tuple(round(a[i] * t + b[i] * (1 - t)) for i in range(3))


def blend(a: Colour, b: Colour, t: float) -> Colour:
    return _blend(a, b, t)


def dim(surface: pygame.Surface, alpha: int = 150) -> None:
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    surface.blit(shade, (0, 0))


def placeholder_pattern(surface: pygame.Surface, rect: pygame.Rect, palette: Palette, key: str) -> None:
    """The image slot of a card without a picture: a constructivist composition (diagonal bars,
    a circle, a wedge), varied by the card's id. A design element, not a stand-in photograph."""
    seed = zlib.crc32(key.encode("utf-8"))
    previous_clip = surface.get_clip()
    surface.set_clip(rect)
    pygame.draw.rect(surface, palette.paper, rect)
    w, h = rect.size
    angle = math.radians(20 + seed % 40)
    dx = math.cos(angle) * (w + h)
    dy = math.sin(angle) * (w + h)
    colours = (palette.red, palette.ink, palette.dark_red)
    for i in range(3 + seed % 3):
        offset = (i * 0.22 + (seed >> (i + 3)) % 10 / 60) * w
        thickness = max(4, int(h * (0.05 + ((seed >> i) % 5) / 40)))
        start = (rect.left + offset - dx / 2, rect.bottom + dy / 4)
        end = (rect.left + offset + dx / 2, rect.bottom - dy)
        pygame.draw.line(surface, colours[i % 3], start, end, thickness)
    radius = int(min(w, h) * (0.18 + (seed % 7) / 50))
    centre = (rect.left + int(w * (0.30 + (seed % 5) / 12)), rect.top + int(h * 0.42))
    pygame.draw.circle(surface, palette.red if seed % 2 else palette.ink, centre, radius)
    pygame.draw.polygon(surface, palette.ink, [(rect.right, rect.top), (rect.right, rect.top + h * 0.6),
                                               (rect.right - w * 0.35, rect.top)])
    surface.set_clip(previous_clip)
    pygame.draw.rect(surface, palette.ink, rect, 3)


# -- bars, bands, trends -------------------------------------------------------------------------


def progress_bar(surface: pygame.Surface, style: Style, rect: pygame.Rect, fraction: float,
                 reported: float | None = None) -> None:
    """Real progress filled in red; the reported figure as an ochre tick above it."""
    p = style.palette
    pygame.draw.rect(surface, p.paper, rect)
    filled = rect.copy()
    filled.width = round(rect.width * max(0.0, min(1.0, fraction)))
    pygame.draw.rect(surface, p.red, filled)
    if reported is not None:
        x = rect.left + round(rect.width * max(0.0, min(1.0, reported)))
        pygame.draw.line(surface, p.ochre, (x, rect.top - style.px(3)), (x, rect.bottom + style.px(3)), style.px(3))
    pygame.draw.rect(surface, p.ink, rect, max(1, style.rule - 1))


def band_bar(surface: pygame.Surface, style: Style, rect: pygame.Rect, low: float, median: float, high: float,
             lo_axis: float, hi_axis: float, mark: float | None = None) -> None:
    """A forecast range on an axis: the 10-90 % band as a block, the median as a black bar and
    `mark` (last year's value) as a hollow ring."""
    p = style.palette
    pygame.draw.rect(surface, p.paper, rect)
    pygame.draw.line(surface, p.rule, (rect.left, rect.centery), (rect.right, rect.centery), 1)
    span = hi_axis - lo_axis if hi_axis > lo_axis else 1.0

    def x_of(value: float) -> int:
        return rect.left + round(rect.width * max(0.0, min(1.0, (value - lo_axis) / span)))

    band = pygame.Rect(x_of(low), rect.top + rect.height // 4, max(3, x_of(high) - x_of(low)), rect.height // 2)
    pygame.draw.rect(surface, blend(p.red, p.paper, 0.55), band)
    pygame.draw.rect(surface, p.red, band, 1)
    pygame.draw.rect(surface, p.ink, (x_of(median) - style.px(2), rect.top + 2, style.px(4), rect.height - 4))
    if mark is not None:
        pygame.draw.circle(surface, p.ink, (x_of(mark), rect.centery), max(3, rect.height // 4), 2)
    pygame.draw.rect(surface, p.ink, rect, 1)


def trend_arrow(surface: pygame.Surface, centre: tuple[int, int], size: int, direction: int, colour: Colour) -> None:
    """A triangle up or down (drawn, so it does not depend on a font's glyphs); a dash if flat."""
    x, y = centre
    half = size // 2
    if direction > 0:
        points = [(x - half, y + half // 2), (x + half, y + half // 2), (x, y - half)]
    elif direction < 0:
        points = [(x - half, y - half // 2), (x + half, y - half // 2), (x, y + half)]
    else:
        pygame.draw.line(surface, colour, (x - half, y), (x + half, y), 2)
        return
    pygame.draw.polygon(surface, colour, points)


def sparkline(surface: pygame.Surface, rect: pygame.Rect, values: Sequence[float], colour: Colour) -> None:
    if len(values) < 2:
        return
    lo, hi = min(values), max(values)
    span = hi - lo or 1.0
    step = rect.width / (len(values) - 1)
    points = [(rect.left + i * step, rect.bottom - (v - lo) / span * rect.height) for i, v in enumerate(values)]
    pygame.draw.lines(surface, colour, False, points, 2)


# -- charts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    points: dict[int, float]    # year -> value
    colour: Colour
    style: str = "line"         # line | dashed | points | bars
    width: int = 3


def line_chart(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str, series: Sequence[Series],
               years: tuple[int, int], unit: str = "") -> None:
    """A chart of yearly series with axes, a title, a legend and a zero-based y axis."""
    p = style.palette
    fonts = style.fonts
    pygame.draw.rect(surface, p.panel, rect)
    pygame.draw.rect(surface, p.ink, rect, max(1, style.rule - 1))
    head = fonts["body_bold"]
    text(surface, head, title, (rect.left + style.gap, rect.top + style.px(4)), p.ink, width=rect.width - 2 * style.gap)
    small = fonts["small"]
    legend_y = rect.top + style.px(4) + head.get_linesize()
    x = rect.left + style.gap
    for s in series:
        pygame.draw.line(surface, s.colour, (x, legend_y + small.get_linesize() // 2),
                         (x + style.px(16), legend_y + small.get_linesize() // 2), 3)
        drawn = text(surface, small, s.label, (x + style.px(20), legend_y), p.ink,
                     width=max(0, rect.right - x - style.px(30)))
        x = drawn.right + style.px(14)
    values = [v for s in series for v in s.points.values() if v is not None and math.isfinite(v)]
    top_value = _nice_ceiling(max(values) if values else 1.0)
    axis_label_w = max(small.size(_axis_text(top_value * f))[0] for f in (0.0, 0.5, 1.0)) + style.px(6)
    plot = pygame.Rect(rect.left + style.gap + axis_label_w, legend_y + small.get_linesize() + style.px(6), 0, 0)
    plot.width = rect.right - style.gap - plot.left
    plot.height = rect.bottom - small.get_linesize() - style.px(8) - plot.top
    if plot.width < 20 or plot.height < 20:
        return
    first, last = years
    span_years = max(1, last - first)
    margin = plot.width / (2 * (span_years + 1))  # half a year each side: end points and labels stay inside

    def point(year: int, value: float) -> tuple[float, float]:
        return (plot.left + margin + (year - first) / span_years * (plot.width - 2 * margin),
                plot.bottom - max(0.0, value) / top_value * plot.height)

    for fraction in (0.0, 0.5, 1.0):
        y = plot.bottom - fraction * plot.height
        pygame.draw.line(surface, p.rule, (plot.left, y), (plot.right, y), 1)
        text(surface, small, _axis_text(top_value * fraction), (plot.left - style.px(4), y), p.muted, "midright")
    for year in _year_ticks(first, last):
        x_tick, _ = point(year, 0)
        text(surface, small, str(year), (x_tick, plot.bottom + style.px(2)), p.muted, "midtop")
    pygame.draw.line(surface, p.ink, plot.bottomleft, plot.bottomright, 2)
    if unit:
        text(surface, small, unit, (plot.left + style.px(4), plot.top), p.muted)
    for s in series:
        _draw_series(surface, s, point, plot, style)


def _draw_series(surface, s: Series, point, plot: pygame.Rect, style: Style) -> None:
    items = sorted((y, v) for y, v in s.points.items() if v is not None and math.isfinite(v))
    if not items:
        return
    points = [point(y, v) for y, v in items]
    if s.style == "bars":
        width = max(3, plot.width // max(8, 2 * len(items) + 2))
        for x, y in points:
            pygame.draw.rect(surface, s.colour, (x - width / 2, y, width, plot.bottom - y))
    elif s.style == "points" or len(points) == 1:
        for x, y in points:
            pygame.draw.circle(surface, s.colour, (x, y), style.px(5))
            pygame.draw.circle(surface, style.palette.ink, (x, y), style.px(5), 1)
    elif s.style == "dashed":
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            _dashed(surface, s.colour, (x1, y1), (x2, y2), s.width)
    else:
        pygame.draw.lines(surface, s.colour, False, points, s.width)


def _dashed(surface, colour, start, end, width: int, dash: int = 8) -> None:
    x1, y1 = start
    x2, y2 = end
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return
    steps = int(length // dash)
    for i in range(0, steps, 2):
        a = i / steps if steps else 0
        b = min(1.0, (i + 1) / steps) if steps else 1
        pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                         (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _axis_text(value: float) -> str:
    if value == 0:
        return "0"
    if value >= 10:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _year_ticks(first: int, last: int) -> list[int]:
    span = last - first
    step = 1 if span <= 6 else 2 if span <= 14 else 5
    return list(range(first, last + 1, step))
