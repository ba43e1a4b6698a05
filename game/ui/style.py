"""The look: a constructivist poster in red, black and cream; fonts and sizes scaled for the
classroom.

Sizes are in pixels at text scale 1; `Style.px()` scales them. Classroom mode scales every text
by at least 1.5 and switches to a high-contrast palette (pure black on white paper, thicker
rules), readable from the back of a room on a 1920x1080 projector.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pygame

from .paths import FONTS_DIR
from .settings import Settings

log = logging.getLogger(__name__)

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    paper: Colour          # the background sheet
    ink: Colour            # text and rules
    red: Colour            # the poster red
    dark_red: Colour
    muted: Colour          # secondary text
    panel: Colour          # a panel's face
    rule: Colour           # thin lines, chart grid
    ochre: Colour          # a warm accent: the reported figures, the focus ring
    good: Colour           # a trend that is good news (the arrow's fill; the word says it too)
    bad: Colour            # a trend that is bad news
    on_dark: Colour        # text on black or red
    newsprint: Colour
    reported: Colour       # the regime's reported figures: chart lines and ticks on light paper


# Good and bad news are a dark blue and an amber, not green and red: the first release's green
# (30,110,60) and red (200,16,46) differed by 1.07:1 in luminance and turned into two browns for
# red-green colour-blind players. Each is drawn with a word ("better", "worse") and a shape, and
# the test of MEANINGFUL_PAIRS checks the pairs under simulated protanopia and deuteranopia.
POSTER = Palette(
    paper=(242, 232, 207), ink=(22, 20, 18), red=(200, 16, 46), dark_red=(130, 12, 30),
    muted=(92, 84, 72), panel=(250, 244, 228), rule=(186, 174, 150), ochre=(214, 150, 20),
    good=(10, 50, 140), bad=(245, 165, 0), on_dark=(242, 232, 207), newsprint=(236, 229, 212),
    reported=(165, 105, 0),
)
HIGH_CONTRAST = Palette(
    paper=(255, 253, 245), ink=(0, 0, 0), red=(180, 0, 30), dark_red=(110, 0, 20),
    muted=(40, 40, 40), panel=(255, 255, 255), rule=(90, 90, 90), ochre=(255, 190, 0),
    good=(0, 40, 130), bad=(255, 170, 0), on_dark=(255, 255, 255), newsprint=(255, 255, 250),
    reported=(150, 95, 0),
)

MEANINGFUL_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("ink", "paper", "text on the sheet"),
    ("ink", "panel", "text in panels"),
    ("muted", "panel", "secondary text in panels"),
    ("muted", "paper", "the key hints"),
    ("dark_red", "panel", "reported figures in tables"),
    ("dark_red", "newsprint", "reported figures in Pravda"),
    ("red", "panel", "headings, and the real series on charts"),
    ("red", "newsprint", "Pravda's masthead"),
    ("on_dark", "ink", "headings on black"),
    ("on_dark", "red", "headings on red"),
    ("ochre", "ink", "the ledger's label and the seed on black"),
    ("reported", "panel", "the reported series on charts, the reported tick"),
    ("good", "bad", "trend arrows: better against worse"),
    ("good", "panel", "a better-trend arrow on its panel"),
    ("paper", "red", "the reported tick's core over the real progress bar"),
)
"""Every pair of colours whose difference carries meaning (text and its ground, one marker against
another): each must keep a contrast of at least 3:1 for normal, protanope and deuteranope vision."""

FONT_FILES = {
    ("sans", False, False): "PTS55F.ttf",
    ("sans", False, True): "PTS56F.ttf",
    ("sans", True, False): "PTS75F.ttf",
    ("sans", True, True): "PTS76F.ttf",
    ("serif", False, False): "PTF55F.ttf",
    ("serif", True, False): "PTF75F.ttf",
}

# Text roles: (family, bold, italic, size in px at scale 1).
ROLES: dict[str, tuple[str, bool, bool, int]] = {
    "small": ("sans", False, False, 14),
    "small_bold": ("sans", True, False, 14),
    "body": ("sans", False, False, 17),
    "body_bold": ("sans", True, False, 17),
    "italic": ("sans", False, True, 16),
    "h3": ("sans", True, False, 20),
    "h2": ("sans", True, False, 26),
    "h1": ("sans", True, False, 36),
    "display": ("sans", True, False, 72),
    "serif": ("serif", False, False, 18),
    "serif_bold": ("serif", True, False, 20),
    "serif_head": ("serif", True, False, 34),
    "masthead": ("serif", True, False, 56),
}


class Fonts:
    """pygame fonts by role, loaded once per size. A missing font file falls back to pygame's
    default font and is logged once."""

    def __init__(self, scale: float):
        self.scale = scale
        self._fonts: dict[str, pygame.font.Font] = {}
        self.missing: set[str] = set()

    def size(self, role: str) -> int:
        return max(8, round(ROLES[role][3] * self.scale))

    def __getitem__(self, role: str) -> pygame.font.Font:
        font = self._fonts.get(role)
        if font is None:
            family, bold, italic, _ = ROLES[role]
            font = self._fonts[role] = self._load(FONT_FILES.get((family, bold, italic))
                                                  or FONT_FILES[(family, bold, False)], self.size(role))
        return font

    def _load(self, filename: str, size: int) -> pygame.font.Font:
        path = FONTS_DIR / filename
        try:
            return pygame.font.Font(path, size)
        except (OSError, FileNotFoundError, pygame.error) as exc:
            if filename not in self.missing:
                self.missing.add(filename)
                log.warning("font %s could not be loaded (%s); using pygame's default font", path, exc)
            return pygame.font.Font(None, round(size * 1.2))  # the default font runs small

    def line(self, role: str) -> int:
        return self[role].get_linesize()


@dataclass
class Style:
    """Everything a scene needs to draw: palette, fonts and scaled sizes."""

    scale: float
    high_contrast: bool
    palette: Palette
    fonts: Fonts

    @classmethod
    def from_settings(cls, settings: Settings) -> Style:
        return cls(settings.scale, settings.high_contrast,
                   HIGH_CONTRAST if settings.high_contrast else POSTER, Fonts(settings.scale))

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def rule(self) -> int:
        """The width of a strong line."""
        return 3 if self.high_contrast else 2

    @property
    def gap(self) -> int:
        return self.px(10)

    def button_height(self) -> int:
        return self.fonts.line("body_bold") + self.px(14)
