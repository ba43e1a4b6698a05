"""Key hints: what each screen says its keys do, as data. The hint line is painted from it, and
the keyboard test presses every key a screen's hints name and checks the effect they claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from . import draw
from .style import Style


@dataclass(frozen=True)
class Hint:
    """One entry of a screen's key hints: the keys as shown ("Enter", "1-7", "PgUp/PgDn"), what
    they do, and the effect a test checks when it presses them (tests/ui/test_keys_tell_the_truth.py):

    move, adjust, activate (the focused control), back, menu, quit, scroll, page, choose, vote,
    play, reset, repeat, confirm, type, fullscreen, continue, title, open:<scene title>, toggle; on the
    map: map_mode, year, region, colours."""

    keys: str
    label: str
    effect: str

    @property
    def text(self) -> str:
        return f"{self.keys}: {self.label}" if self.keys else self.label  # no keys: a note on the hint line

    @property
    def codes(self) -> tuple[int, ...]:
        return key_codes(self.keys)


_NAMED = {"enter": (pygame.K_RETURN,), "esc": (pygame.K_ESCAPE,), "tab": (pygame.K_TAB,), "space": (pygame.K_SPACE,),
          "pgup": (pygame.K_PAGEUP,), "pgdn": (pygame.K_PAGEDOWN,), "left": (pygame.K_LEFT,),
          "right": (pygame.K_RIGHT,), "up": (pygame.K_UP,), "down": (pygame.K_DOWN,),
          "arrows": (pygame.K_DOWN, pygame.K_UP), "f11": (pygame.K_F11,), "backspace": (pygame.K_BACKSPACE,)}


def key_codes(keys: str) -> tuple[int, ...]:
    """The pygame keys a hint names: "Tab/arrows", "1-7", "A-D", "D", "PgUp/PgDn"."""
    codes: list[int] = []
    for part in keys.replace(" or ", "/").split("/"):
        part = part.strip()
        low = part.lower()
        if low in _NAMED:
            codes += _NAMED[low]
        elif len(part) == 3 and part[1] == "-" and part[0].isalnum() and part[2].isalnum():
            codes += [pygame.key.key_code(chr(c)) for c in range(ord(part[0].lower()), ord(part[2].lower()) + 1)]
        elif len(part) == 1:
            codes.append(pygame.key.key_code(low))
    return tuple(codes)


MOVE = Hint("Tab/arrows", "move", "move")


def _hint_lines(style: Style, width: int, hints: Sequence[Hint]) -> list[str]:
    font = style.fonts["small"]
    lines: list[str] = []
    for hint in hints:
        if not hint.keys:  # a note: its own line(s), wrapped
            lines += draw.wrap(font, hint.label, width)
            continue
        piece = hint.text.replace(" ", "\u00a0")  # a hint is never split between lines
        if lines and font.size(lines[-1] + "   " + piece)[0] <= width and not lines[-1].endswith("\u200b"):
            lines[-1] += "   " + piece
        else:
            lines.append(piece)
    return lines


def hints_height(style: Style, width: int, hints: Sequence[Hint]) -> int:
    return max(1, len(_hint_lines(style, width, hints))) * style.fonts.line("small") + style.px(4)


def paint_hints(canvas: pygame.Surface, style: Style, rect: pygame.Rect, hints: Sequence[Hint]) -> None:
    """The key hints, on as many lines as they need (the frame leaves them the room)."""
    font = style.fonts["small"]
    y = rect.top + style.px(2)
    for line in _hint_lines(style, rect.width, hints):
        draw.text(canvas, font, line, (rect.left, y), style.palette.muted)
        y += font.get_linesize()


def paint_hint(canvas: pygame.Surface, style: Style, rect: pygame.Rect, content: str) -> None:
    """A message where the hints go."""
    draw.label(canvas, [style.fonts["small"]], content, rect, style.palette.red)


SCROLL = Hint("PgUp/PgDn", "scroll", "scroll")
ENTER_CHOOSE = Hint("Enter", "choose", "activate")
ESC_BACK = Hint("Esc", "back", "back")
