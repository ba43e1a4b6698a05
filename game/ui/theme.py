"""The pygame_gui theme: assets/theme.json, with font paths made absolute, font sizes scaled
for the text scale in force, and the high-contrast colours swapped in for classroom mode."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path

import pygame_gui

from .paths import ASSETS_DIR, THEME_FILE
from .style import HIGH_CONTRAST, POSTER, Style

log = logging.getLogger(__name__)

FONT_PATH_KEYS = ("regular_path", "bold_path", "italic_path", "bold_italic_path")


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour)


# Each poster colour of the theme file and its high-contrast replacement.
CONTRAST_SWAPS = {
    _hex(POSTER.ink): _hex(HIGH_CONTRAST.ink),
    _hex(POSTER.paper): _hex(HIGH_CONTRAST.paper),
    _hex(POSTER.red): _hex(HIGH_CONTRAST.red),
    _hex(POSTER.panel): _hex(HIGH_CONTRAST.panel),
    "#5C5448": "#202020",
}


def read_theme(path: Path = THEME_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def theme_for(style: Style, path: Path = THEME_FILE) -> dict:
    """The theme as the game uses it: absolute font paths, scaled sizes, palette applied."""
    theme = copy.deepcopy(read_theme(path))
    fonts_present = _fonts_present(theme)
    for block in theme.values():
        font = block.get("font")
        if font:
            if "size" in font:
                font["size"] = str(max(8, round(float(font["size"]) * style.scale)))
            _resolve_font(font, fonts_present)
        if style.high_contrast and "colours" in block:
            block["colours"] = {name: CONTRAST_SWAPS.get(value.upper(), value)
                                for name, value in block["colours"].items()}
        misc = block.get("misc")
        if misc and "border_width" in misc and style.high_contrast:
            misc["border_width"] = str(int(misc["border_width"]) + 1)
        if misc and "rect_width" in misc:
            misc["rect_width"] = str(round(int(misc["rect_width"]) * style.scale))
    return theme


def _fonts_present(theme: dict) -> bool:
    missing = sorted({str(ASSETS_DIR / block["font"][key]) for block in theme.values() if "font" in block
                      for key in FONT_PATH_KEYS if key in block["font"]
                      and not (ASSETS_DIR / block["font"][key]).is_file()})
    if missing:
        log.warning("theme fonts missing (%s); using pygame_gui's own font", ", ".join(missing))
    return not missing


def _resolve_font(font: dict, present: bool) -> None:
    """Absolute paths, or pygame_gui's own font when the files are missing."""
    for key in FONT_PATH_KEYS:
        if key in font:
            if present:
                font[key] = str((ASSETS_DIR / font[key]).resolve())
            else:
                del font[key]
    if not present:
        font["name"] = "noto_sans"


def font_sizes(theme: dict) -> dict[str, int]:
    """Font size per theme block (for tests of the classroom scale)."""
    return {name: int(block["font"]["size"]) for name, block in theme.items()
            if "font" in block and "size" in block["font"]}


def make_manager(size: tuple[int, int], style: Style) -> pygame_gui.UIManager:
    manager = pygame_gui.UIManager(size, theme_for(style), enable_live_theme_updates=False)
    return manager
