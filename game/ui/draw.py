"""Drawing in code: text that wraps and clips, the poster geometry, bars, bands and charts.

No chart library: matplotlib alone would add most of a second to start-up. Rendered text is
cached, because a scene repaints when a lever moves and most of its words have not changed.
"""

from __future__ import annotations

import math
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame

from ..present.scales import nice_ceiling
from .style import Colour, Palette, Style

ELLIPSIS = "…"

# -- text -------------------------------------------------------------------------------------

_TEXT_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_TEXT_CACHE_SIZE = 3000
_WRAP_CACHE: OrderedDict[tuple, list[str]] = OrderedDict()


# -- what was drawn, for the layout tests ---------------------------------------------------------


@dataclass
class Drawn:
    """One text as it was drawn: its ink on the surface, the clip in force, and whether it was cut."""

    surface: int                    # id() of the surface drawn on
    text: str                       # what was drawn
    full: str                       # what was asked for
    rect: pygame.Rect               # the text's ink (the rendered glyphs' bounding box), on the surface
    clip: pygame.Rect | None        # the surface's clip at the time, if any
    cut: bool                       # shortened with an ellipsis to fit
    abbreviated: bool = False       # shortened by a rule, the full text shown on focus (allowed)
    missing: str = ""               # characters the font has no glyph for (drawn as boxes)


@dataclass
class Recorder:
    texts: list[Drawn] = field(default_factory=list)
    boxes: list[tuple[int, pygame.Rect]] = field(default_factory=list)   # panels, cards, sheets
    cues: list[tuple[int, pygame.Rect]] = field(default_factory=list)    # scroll cues: more above or below
    hidden: list[tuple[int, pygame.Rect]] = field(default_factory=list)  # views with lines out of sight


_RECORDER: Recorder | None = None


@contextmanager
def recording():
    """Record every text, box and scroll cue drawn inside the block (tests only)."""
    global _RECORDER
    previous, _RECORDER = _RECORDER, Recorder()
    try:
        yield _RECORDER
    finally:
        _RECORDER = previous


def box(surface: pygame.Surface, style: Style, rect: pygame.Rect, fill: Colour | None = None,
        border: int | None = None, border_colour: Colour | None = None) -> pygame.Rect:
    """A container (a sheet, a card, a panel's face): filled, outlined, and known to the layout
    tests as a box that the texts drawn inside it must stay inside."""
    p = style.palette
    pygame.draw.rect(surface, p.panel if fill is None else fill, rect)
    width = style.rule if border is None else border
    if width:
        pygame.draw.rect(surface, p.ink if border_colour is None else border_colour, rect, width)
    region(surface, rect)
    return rect


def region(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """Register a box without drawing it (a panel drawn in parts)."""
    if _RECORDER is not None:
        _RECORDER.boxes.append((id(surface), pygame.Rect(rect)))


def _record(surface: pygame.Surface, font: pygame.font.Font, image: pygame.Surface, rect: pygame.Rect, text: str,
            full: str, cut: bool, abbreviated: bool) -> None:
    ink = image.get_bounding_rect(min_alpha=40).move(rect.topleft)
    if ink.width == 0:
        return  # a space, or nothing visible
    clip = surface.get_clip()
    whole = pygame.Rect((0, 0), surface.get_size())
    missing = "".join(c for c, m in zip(text, font.metrics(text), strict=False) if m is None and not c.isspace())
    _RECORDER.texts.append(Drawn(id(surface), text, full, ink, None if clip == whole else clip, cut, abbreviated,
                                 missing))


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
         anchor: str = "topleft", width: int | None = None, abbreviate: bool = False) -> pygame.Rect:
    """One line of text; cut to `width` if given (the layout tests fail a cut text unless
    `abbreviate` says the full text is shown on focus). Returns the rect drawn."""
    full = content
    if width is not None:
        content = fit(font, content, width)
    image = render(font, content, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    if _RECORDER is not None:
        _record(surface, font, image, rect, content, full, content != full, abbreviate)
    return rect


def fitting(fonts: Sequence[pygame.font.Font], content: str, width: int) -> pygame.font.Font | None:
    """The first (largest) of `fonts` in which `content` fits `width` on one line, or None."""
    return next((font for font in fonts if font.size(content)[0] <= width), None)


def label(surface: pygame.Surface, fonts: Sequence[pygame.font.Font], content: str, rect: pygame.Rect,
          colour: Colour, align: str = "left", valign: str = "center") -> pygame.Rect:
    """A label inside `rect` by a fixed rule, never cut: the first font it fits on one line;
    else wrapped in the smallest font onto as many lines as the rect holds. Returns the ink rect."""
    font = fitting(fonts, content, rect.width)
    lines = [content] if font is not None else wrap(fonts[-1], content, rect.width)
    font = font or fonts[-1]
    step = font.get_linesize()
    height = step * len(lines)
    top = {"top": rect.top, "center": rect.centery - height // 2, "bottom": rect.bottom - height}[valign]
    drawn = pygame.Rect(rect.left, top, 0, 0)
    for index, line in enumerate(lines):
        x = {"left": rect.left, "right": rect.right, "center": rect.centerx}[align]
        anchor = {"left": "topleft", "right": "topright", "center": "midtop"}[align]
        drawn.union_ip(text(surface, font, line, (x, top + index * step), colour, anchor))
    return drawn


def label_height(fonts: Sequence[pygame.font.Font], content: str, width: int) -> int:
    """The height `label` needs for `content` at `width`."""
    font = fitting(fonts, content, width)
    if font is not None:
        return font.get_linesize()
    return fonts[-1].get_linesize() * len(wrap(fonts[-1], content, width))


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
    lines = [piece for line in lines for piece in _hard_wrap(font, line, width)]  # a word wider than the box
    _WRAP_CACHE[key] = lines
    if len(_WRAP_CACHE) > 500:
        _WRAP_CACHE.popitem(last=False)
    return lines


def _hard_wrap(font: pygame.font.Font, line: str, width: int) -> list[str]:
    """A line wider than `width` (one long word: a path, a file name) broken between characters,
    never cut."""
    if width <= 0 or font.size(line)[0] <= width:
        return [line]
    out = []
    while line:
        cut = len(line)
        while cut > 1 and font.size(line[:cut])[0] > width:
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    return out


def paragraph(surface: pygame.Surface, font: pygame.font.Font, content: str, rect: pygame.Rect, colour: Colour,
              skip_lines: int = 0, spacing: float = 1.0) -> int:
    """Wrapped text inside `rect`; lines that do not fit end in an ellipsis, never spill (the
    layout tests fail such a cut: give a paragraph the room it needs, or a TextView).
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
    """A long text laid out for a width and drawn a window at a time, whole lines only: the view
    scrolls by lines (PgUp/PgDn a page, the mouse wheel three lines), shows a scroll cue when
    there is more above or below, and never draws a line cut by its edge."""

    def __init__(self, style: Style, blocks: Sequence[Block], width: int):
        self.style = style
        self.lines: list[tuple[str, str, str]] = []  # role, text, colour name
        self.offsets: list[int] = []
        self.heights: list[int] = []
        y = 0
        for block in blocks:
            font = style.fonts[block.role]
            if self.lines:
                y += round(font.get_linesize() * block.space_before)
            for line in wrap(font, block.content, width) if block.content else [""]:
                self.lines.append((block.role, line, block.colour))
                self.offsets.append(y)
                self.heights.append(font.get_linesize())
                y += font.get_linesize()
        self.height = y
        self.first = 0   # the first line shown

    def fits(self, view_height: int) -> bool:
        return self.height <= view_height

    def shown(self, view_height: int, first: int | None = None) -> range:
        """The lines that fit whole in the view from line `first`."""
        first = self.first if first is None else first
        if not self.lines:
            return range(0)
        top = self.offsets[first]
        last = first
        while last < len(self.lines) and self.offsets[last] - top + self.heights[last] <= view_height:
            last += 1
        return range(first, max(first + 1, last))

    def max_first(self, view_height: int) -> int:
        """The first line of the last view (the one that ends with the last line)."""
        first = len(self.lines) - 1 if self.lines else 0
        while first > 0 and self.offsets[-1] + self.heights[-1] - self.offsets[first - 1] <= view_height:
            first -= 1
        return max(0, first)

    def scroll_lines(self, lines: int, view_height: int) -> bool:
        """Scroll by lines (|lines| >= PAGE: a page). True if the view moved."""
        if abs(lines) >= PAGE:
            lines = (1 if lines > 0 else -1) * max(1, len(self.shown(view_height)) - 1)
        before = self.first
        self.first = max(0, min(self.max_first(view_height), self.first + lines))
        return self.first != before

    def scroll_by(self, pixels: int, view_height: int) -> bool:
        """Scroll by about `pixels` (an older form: whole lines of the body's height)."""
        step = max(1, self.style.fonts.line("body"))
        return self.scroll_lines(round(pixels / step) or (1 if pixels > 0 else -1), view_height)

    @property
    def scroll(self) -> int:
        return self.offsets[self.first] if self.lines else 0

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette = self.style.palette
        self.first = min(self.first, self.max_first(rect.height))
        shown = self.shown(rect.height)
        top = self.offsets[self.first] if self.lines else 0
        for index in shown:
            role, line, colour = self.lines[index]
            text(surface, self.style.fonts[role], line, (rect.left, rect.top + self.offsets[index] - top),
                 getattr(palette, colour))
        above, below = self.first > 0, bool(self.lines) and shown.stop < len(self.lines)
        if above or below:
            hidden(surface, rect)
            scroll_cue(surface, self.style, rect, self.scroll, self.height, above, below)


def hidden(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A view holds more than it shows (the layout tests then look for its scroll cue)."""
    if _RECORDER is not None:
        _RECORDER.hidden.append((id(surface), pygame.Rect(rect)))


def scrollbar(surface: pygame.Surface, rect: pygame.Rect, scroll: int, total: int, palette: Palette,
              style: Style) -> None:
    track = pygame.Rect(rect.right + style.px(4), rect.top, style.px(6), rect.height)
    pygame.draw.rect(surface, palette.rule, track)
    length = max(style.px(20), round(rect.height * rect.height / max(1, total)))
    top = rect.top + round((rect.height - length) * scroll / max(1, total - rect.height))
    top = max(rect.top, min(rect.bottom - length, top))
    pygame.draw.rect(surface, palette.red, (track.left, top, track.width, length))


PAGE = 10
"""What a scene's on_scroll gets for PgUp/PgDn: a page, in the units of a view (lines, rows)."""


def scroll_cue(surface: pygame.Surface, style: Style, rect: pygame.Rect, scroll: int, total: int,
               above: bool, below: bool) -> None:
    """The cue that a view holds more than it shows: a scrollbar beside it, with an arrow at the
    end where more waits (drawn, so it shows in any font)."""
    scrollbar(surface, rect, scroll, total, style.palette, style)
    track = pygame.Rect(rect.right + style.px(4), rect.top, style.px(6), rect.height)
    size = style.px(12)
    for more, y, direction in ((above, rect.top - style.px(2), 1), (below, rect.bottom + style.px(2), -1)):
        if more:
            x = track.centerx
            tip = y - direction * size // 2 if direction < 0 else y - size // 2
            points = ([(x - size // 2, tip), (x + size // 2, tip), (x, tip + size // 2)] if direction < 0 else
                      [(x - size // 2, tip + size // 2), (x + size // 2, tip + size // 2), (x, tip)])
            pygame.draw.polygon(surface, style.palette.red, points)
    if _RECORDER is not None:
        _RECORDER.cues.append((id(surface), pygame.Rect(rect)))


@dataclass
class Pager:
    """Rows of known heights shown a page at a time (whole rows only): the pages of a panel that
    cannot show all its rows. `page` is the page shown; a scene turns it with PgUp/PgDn."""

    page: int = 0

    @staticmethod
    def pages(heights: Sequence[int], view_height: int) -> list[range]:
        pages: list[range] = []
        start, used = 0, 0
        for index, height in enumerate(heights):
            if used + height > view_height and index > start:
                pages.append(range(start, index))
                start, used = index, 0
            used += height
        pages.append(range(start, len(heights)))
        return pages

    def turn(self, steps: int, count: int) -> bool:
        before = self.page
        self.page = max(0, min(count - 1, self.page + (1 if steps > 0 else -1)))
        return self.page != before


def page_cue(surface: pygame.Surface, style: Style, rect: pygame.Rect, page: int, count: int) -> None:
    """The cue of a paged panel: "page 1 of 2" with arrows, at its foot (`rect` is the line)."""
    if count <= 1:
        return
    hidden(surface, rect)
    p = style.palette
    font = style.fonts["small_bold"]
    size = style.px(10)
    right = rect.right
    if page < count - 1:  # more on the next page: an arrow down (drawn: the fonts have no arrows)
        right -= size
        pygame.draw.polygon(surface, p.red, [(right, rect.centery - size // 3), (right + size, rect.centery - size // 3),
                                             (right + size // 2, rect.centery + size // 2)])
        right -= style.px(5)
    drawn = text(surface, font, f"{page + 1} / {count}", (right, rect.centery), p.red, "midright")
    if page > 0:
        left = drawn.left - style.px(5) - size
        pygame.draw.polygon(surface, p.red, [(left, rect.centery + size // 3), (left + size, rect.centery + size // 3),
                                             (left + size // 2, rect.centery - size // 2)])
    if _RECORDER is not None:
        _RECORDER.cues.append((id(surface), pygame.Rect(rect)))


def pager_height(style: Style) -> int:
    return style.fonts.line("small_bold")


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


@dataclass(frozen=True)
class BarLayout:
    """Where a heading bar's texts go: rows of (text, font, colour name, align). One row when the
    title, subtitle and the right-hand text (the seed) fit side by side; else the title on a row
    of its own, then the rest on one row or two."""

    rows: tuple[tuple[tuple[str, pygame.font.Font, str, str], ...], ...]
    height: int


def top_bar_layout(style: Style, width: int, title: str, right: str = "", subtitle: str = "") -> BarLayout:
    one_line = style.fonts.line("h2") + style.px(16)
    room = width - (one_line + style.gap) - style.gap   # right of the red mark
    small, bold = style.fonts["body"], style.fonts["body_bold"]
    sub = (subtitle, small, "on_dark", "left") if subtitle else None
    seed = (right, bold, "ochre", "right") if right else None
    gap = style.gap
    for role in ("h2", "h3"):
        font = style.fonts[role]
        row = [(title, font, "on_dark", "left")] + [piece for piece in (sub, seed) if piece]
        if sum(f.size(w)[0] for w, f, _c, _a in row) + gap * (len(row) - 1) + gap <= room:
            return BarLayout((tuple(row),), one_line)
    title_font = fitting([style.fonts["h2"], style.fonts["h3"], bold], title, room) or style.fonts["small_bold"]
    rows = [((title, title_font, "on_dark", "left"),)]
    rest = [piece for piece in (sub, seed) if piece]
    if sum(f.size(w)[0] for w, f, _c, _a in rest) + gap * (len(rest) - 1) <= room:
        rows.append(tuple(rest))
    else:
        for words, font, colour, _align in rest:
            rows.append(((words, fitting([font, style.fonts["small"]], words, room) or style.fonts["small"],
                          colour, "left"),))
    height = sum(max(f.get_linesize() for _w, f, _c, _a in row) for row in rows) + style.px(12)
    return BarLayout(tuple(rows), max(one_line, height))


def top_bar(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str, right: str = "",
            subtitle: str = "") -> None:
    """A black strip with a red block: the screen's heading. What does not fit on one line goes
    on further lines (the frame gives the bar the height top_bar_layout asks for); nothing is cut."""
    p = style.palette
    pygame.draw.rect(surface, p.ink, rect)
    region(surface, rect)
    side = min(rect.height, style.fonts.line("h2") + style.px(16))
    mark = pygame.Rect(rect.left, rect.top, side, side)
    pygame.draw.rect(surface, p.red, mark)
    pygame.draw.polygon(surface, p.ink, [(mark.left + mark.width * 0.25, mark.bottom), (mark.right, mark.top + mark.height * 0.25),
                                         (mark.right, mark.bottom)])
    layout = top_bar_layout(style, rect.width, title, right, subtitle)
    left = mark.right + style.gap
    if len(layout.rows) == 1:
        x = left
        for words, font, colour, align in layout.rows[0]:
            if align == "right":
                text(surface, font, words, (rect.right - style.gap, rect.centery), getattr(p, colour), "midright")
            else:
                x = text(surface, font, words, (x, rect.centery), getattr(p, colour), "midleft").right + style.gap
        return
    y = rect.top + style.px(6)
    for row in layout.rows:
        x = left
        height = max(f.get_linesize() for _w, f, _c, _a in row)
        for words, font, colour, align in row:
            if align == "right":
                text(surface, font, words, (rect.right - style.gap, y), getattr(p, colour), "topright")
            else:
                x = text(surface, font, words, (x, y), getattr(p, colour)).right + style.gap
        y += height


def panel(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str = "", accent: bool = False) -> pygame.Rect:
    """A block with a heading bar; returns the inner rect for its content. A heading too long
    for the bar is set in smaller type, then wrapped (the bar grows): never cut."""
    p = style.palette
    box(surface, style, rect)
    if not title:
        return rect.inflate(-2 * style.gap, -2 * style.gap)
    fonts = [style.fonts["h3"], style.fonts["body_bold"]]
    width = rect.width - 2 * style.gap
    bar = pygame.Rect(rect.left, rect.top, rect.width, panel_bar_height(style, title, rect.width))
    pygame.draw.rect(surface, p.red if accent else p.ink, bar)
    label(surface, fonts, title, pygame.Rect(bar.left + style.gap, bar.top, width, bar.height), p.on_dark)
    inner = pygame.Rect(rect.left + style.gap, bar.bottom + style.px(6), rect.width - 2 * style.gap,
                        rect.bottom - bar.bottom - style.px(6) - style.gap // 2)
    return inner


def panel_bar_height(style: Style, title: str, width: int) -> int:
    fonts = [style.fonts["h3"], style.fonts["body_bold"]]
    return label_height(fonts, title, width - 2 * style.gap) + style.px(8)


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
    """Real progress filled in red; the reported figure as a tick across it (a dark edge round a
    light core, so it shows on the red and on the paper alike)."""
    p = style.palette
    pygame.draw.rect(surface, p.paper, rect)
    filled = rect.copy()
    filled.width = round(rect.width * max(0.0, min(1.0, fraction)))
    pygame.draw.rect(surface, p.red, filled)
    pygame.draw.rect(surface, p.ink, rect, max(1, style.rule - 1))
    if reported is not None:  # the tick: a dark edge (seen on paper) round a light core (seen on red)
        x = rect.left + round(rect.width * max(0.0, min(1.0, reported)))
        tick = pygame.Rect(x - style.px(3), rect.top - style.px(3), 2 * style.px(3), rect.height + 2 * style.px(3))
        pygame.draw.rect(surface, p.reported, tick)
        pygame.draw.rect(surface, p.ink, tick, 1)
        pygame.draw.line(surface, p.paper, (x, tick.top + 2), (x, tick.bottom - 3), 1)


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


def trend_arrow(surface: pygame.Surface, centre: tuple[int, int], size: int, direction: int, colour: Colour,
                outline: Colour | None = None) -> None:
    """A triangle up or down (drawn, so it does not depend on a font's glyphs); a dash if flat.
    The shape says the direction whatever the colour; `outline` keeps a pale fill visible."""
    x, y = centre
    half = size // 2
    if direction > 0:
        points = [(x - half, y + half // 2), (x + half, y + half // 2), (x, y - half)]
    elif direction < 0:
        points = [(x - half, y - half // 2), (x + half, y - half // 2), (x, y + half)]
    else:
        pygame.draw.line(surface, outline or colour, (x - half, y), (x + half, y), 2)
        return
    pygame.draw.polygon(surface, colour, points)
    if outline is not None:
        pygame.draw.polygon(surface, outline, points, 1)


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
    style: str = "line"         # line | dashed | points | bars | band (from `low` up to `points`)
    width: int = 3
    low: dict[int, float] | None = None   # a band's lower edge, year -> value
    hollow: frozenset[int] = frozenset()  # points drawn as rings: approximate figures (tagged M)


def line_chart(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str, series: Sequence[Series],
               years: tuple[int, int], unit: str = "") -> None:
    """A chart of yearly series with axes, a title, a legend and a zero-based y axis. The title
    and the legend take the lines they need (smaller type first); the year labels are spaced so
    they never touch."""
    p = style.palette
    fonts = style.fonts
    box(surface, style, rect, border=max(1, style.rule - 1))
    inner_w = rect.width - 2 * style.gap
    title_fonts = [fonts["body_bold"], fonts["small_bold"]]
    title_h = label_height(title_fonts, title, inner_w)
    label(surface, title_fonts, title, pygame.Rect(rect.left + style.gap, rect.top + style.px(4), inner_w, title_h),
          p.ink, valign="top")
    small = fonts["small"]
    legend_y = rect.top + style.px(4) + title_h
    x = rect.left + style.gap
    swatch = style.px(20)
    spacing = style.px(14)
    for s in series:
        width = swatch + small.size(s.label)[0]
        if x + width > rect.right - style.gap and x > rect.left + style.gap:
            x = rect.left + style.gap
            legend_y += small.get_linesize()
        mid = legend_y + small.get_linesize() // 2
        if s.style == "points":  # the legend's mark is the series' own: a dot, a dash, a bar, a line
            pygame.draw.circle(surface, s.colour, (x + style.px(8), mid), style.px(5))
        elif s.style == "dashed":
            _dashed(surface, s.colour, (x, mid), (x + style.px(16), mid), 3, style.px(5))
        elif s.style == "bars":
            pygame.draw.rect(surface, s.colour, (x + style.px(4), mid - style.px(6), style.px(8), style.px(12)))
        elif s.style == "band":
            pygame.draw.rect(surface, s.colour, (x, mid - style.px(6), style.px(16), style.px(12)))
        else:
            pygame.draw.line(surface, s.colour, (x, mid), (x + style.px(16), mid), 3)
        drawn = text(surface, small, s.label, (x + swatch, legend_y), p.ink)
        x = drawn.right + spacing
    values = [v for s in series for v in s.points.values() if v is not None and math.isfinite(v)]
    top_value = nice_ceiling(max(values) if values else 1.0)
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

    fractions = (0.0, 0.5, 1.0) if plot.height >= 3 * small.get_linesize() else (0.0, 1.0)
    for fraction in fractions:
        y = plot.bottom - fraction * plot.height
        pygame.draw.line(surface, p.rule, (plot.left, y), (plot.right, y), 1)
        text(surface, small, _axis_text(top_value * fraction), (plot.left - style.px(4), y), p.muted, "midright")
    label_w = small.size("0000")[0] + style.px(6)
    per_year = (plot.width - 2 * margin) / span_years
    for year in _year_ticks(first, last, max(1, math.ceil(label_w / max(1.0, per_year)))):
        x_tick, _ = point(year, 0)
        text(surface, small, str(year), (x_tick, plot.bottom + style.px(2)), p.muted, "midtop")
    pygame.draw.line(surface, p.ink, plot.bottomleft, plot.bottomright, 2)
    if unit:
        text(surface, small, unit, (plot.left + style.px(4), plot.top), p.muted)
    for s in series:
        _draw_series(surface, s, point, plot, style)


def chart_title_height(style: Style, title: str, series: Sequence[Series], width: int) -> int:
    """The height a chart's title and legend take at `width` (the plot gets the rest)."""
    fonts = style.fonts
    inner_w = width - 2 * style.gap
    height = label_height([fonts["body_bold"], fonts["small_bold"]], title, inner_w)
    small = fonts["small"]
    x, lines = 0, 1
    for s in series:
        w = style.px(20) + small.size(s.label)[0]
        if x + w > inner_w and x > 0:
            x, lines = 0, lines + 1
        x += w + style.px(14)
    return height + lines * small.get_linesize()


def _draw_series(surface, s: Series, point, plot: pygame.Rect, style: Style) -> None:
    items = sorted((y, v) for y, v in s.points.items() if v is not None and math.isfinite(v))
    if not items:
        return
    points = [point(y, v) for y, v in items]
    if s.style == "band":   # a range (the historians'): shaded from its lower edge to its upper
        low = s.low or {}
        lower = [point(y, low.get(y, 0.0)) for y, _v in items]
        if len(points) == 1:   # one year: a bar the width of a year's slot
            (x, top), (_x, bottom) = points[0], lower[0]
            half = max(4, plot.width // 40)
            pygame.draw.rect(surface, s.colour, (x - half, top, 2 * half, max(2, bottom - top)))
        else:
            pygame.draw.polygon(surface, s.colour, points + lower[::-1])
        return
    if s.style == "bars":
        width = max(3, plot.width // max(8, 2 * len(items) + 2))
        for x, y in points:
            pygame.draw.rect(surface, s.colour, (x - width / 2, y, width, plot.bottom - y))
    elif s.style == "points" or len(points) == 1:
        for (year, _v), (x, y) in zip(items, points, strict=True):
            if year in s.hollow:   # approximate: a ring, not a dot
                pygame.draw.circle(surface, style.palette.panel, (x, y), style.px(5))
                pygame.draw.circle(surface, s.colour, (x, y), style.px(5), max(2, style.px(2)))
            else:
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


def _axis_text(value: float) -> str:
    if value == 0:
        return "0"
    if value >= 10:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _year_ticks(first: int, last: int, at_least: int = 1) -> list[int]:
    span = last - first
    step = 1 if span <= 6 else 2 if span <= 14 else 5
    step = next((s for s in (1, 2, 5, 10, 20) if s >= max(step, at_least)), 20)
    return list(range(first, last + 1, step))
