"""Pieces every game screen shares: the frame (heading, body, buttons, the human-cost ledger,
the key hints), the heading's words and the hints themselves.

Everything in the frame is sized from what it holds: a heading that does not fit on one line
takes two, buttons whose labels do not fit in one row take two rows, the ledger and the hints
wrap. The body gets what is left, and each screen lets its body scroll or turn pages when it
holds more than that."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from ...present.context import GameContext
from ...present.i18n import _
from ...present.viewmodel import LedgerEntry, ledger
from .. import draw
from ..hints import MOVE, SCROLL, Hint, hints_height, key_codes, paint_hint, paint_hints  # noqa: F401 - re-exported
from ..layout import button_rows, button_text_room, label_fits  # noqa: F401 - re-exported
from ..style import Style

# -- the frame ----------------------------------------------------------------------------------


@dataclass
class Frame:
    top: pygame.Rect
    body: pygame.Rect
    buttons: pygame.Rect
    ledger: pygame.Rect
    hint: pygame.Rect
    button_rects: list[pygame.Rect] = field(default_factory=list)


def frame(style: Style, size: tuple[int, int], with_ledger: bool = True, *,
          heading: tuple[str, str, str] | None = None, buttons: Sequence[str] = (),
          hints: Sequence[Hint] = (), ledger_entries: Sequence[LedgerEntry] | None = None,
          ledger_label: str = "", hint_reserve: Sequence[Hint] = ()) -> Frame:
    """The standard screen: heading bar, body, the buttons (in as many rows as their labels
    need), the ledger and the key hints (each on as many lines as they need). `heading`: the
    bar's (title, right-hand text, subtitle). `hint_reserve`: hints that may be added later (a
    scroll hint), room kept for them."""
    w, h = size
    gap = style.gap
    top_h = (draw.top_bar_layout(style, w, *heading).height if heading is not None
             else style.fonts.line("h2") + style.px(16))
    top = pygame.Rect(0, 0, w, top_h)
    all_hints = list(hints) + list(hint_reserve)
    hint_h = hints_height(style, w - 2 * gap, all_hints)
    hint = pygame.Rect(gap, h - hint_h, w - 2 * gap, hint_h)
    ledger_h = 0
    if with_ledger:
        ledger_h = ledger_height(style, w, ledger_entries, ledger_label)
    ledger_rect = pygame.Rect(0, hint.top - ledger_h, w, ledger_h)
    rects = button_rows(style, w - 2 * gap, list(buttons)) if buttons else [
        pygame.Rect(0, 0, w - 2 * gap, style.button_height())]
    strip_h = max(r.bottom for r in rects)
    strip = pygame.Rect(gap, ledger_rect.top - gap - strip_h, w - 2 * gap, strip_h)
    body = pygame.Rect(gap, top.bottom + gap, w - 2 * gap, strip.top - gap - top.bottom - gap)
    return Frame(top, body, strip, ledger_rect, hint, [r.move(strip.topleft) for r in rects] if buttons else [])


# -- the ledger ---------------------------------------------------------------------------------


def _ledger_lines(style: Style, width: int, entries: Sequence[LedgerEntry], label: str):
    """The ledger's pieces flowed into lines: the label first, then each figure, never split.
    The larger type if it all fits on one line, else the smaller on as many lines as needed."""
    label = label or _("Human cost so far:")
    pieces = [f"{entry.value}\u00a0{entry.label}" for entry in entries]
    room = width - 2 * style.gap
    spacing = style.px(18)
    for font, small in ((style.fonts["body_bold"], style.fonts["body"]),
                        (style.fonts["small_bold"], style.fonts["small"])):
        lines: list[list[tuple[str, bool]]] = [[(label, True)]]
        x = font.size(label)[0] + style.gap
        for piece in pieces:
            piece_w = small.size(piece)[0]
            if x + piece_w > room:
                lines.append([])
                x = 0
            lines[-1].append((piece, False))
            x += piece_w + spacing
        if len(lines) == 1:
            return lines, font, small
    return lines, font, small


def ledger_height(style: Style, width: int | None = None, entries: Sequence[LedgerEntry] | None = None,
                  label: str = "") -> int:
    if width is None or entries is None:
        return style.fonts.line("body_bold") + style.px(12)
    lines, font, _small = _ledger_lines(style, width, entries, label)
    return len(lines) * font.get_linesize() + style.px(12)


def paint_ledger(canvas: pygame.Surface, style: Style, rect: pygame.Rect, entries: Sequence[LedgerEntry],
                 label: str | None = None) -> None:
    """The human cost so far, on a black strip: always on screen during a game. Every figure is
    shown: in smaller type, then on more lines, never cut."""
    p = style.palette
    pygame.draw.rect(canvas, p.ink, rect)
    pygame.draw.rect(canvas, p.red, (rect.left, rect.top, rect.width, style.px(3)))
    draw.region(canvas, rect)
    lines, font, small = _ledger_lines(style, rect.width, entries, label or "")
    y = rect.top + style.px(6)
    for line in lines:
        x = rect.left + style.gap
        for piece, is_label in line:
            if is_label:
                x = draw.text(canvas, font, piece, (x, y), p.ochre).right + style.gap
            else:
                x = draw.text(canvas, small, piece, (x, y + font.get_ascent() - small.get_ascent()),
                              p.on_dark).right + style.px(18)
        y += font.get_linesize()


def game_ledger(ctx: GameContext) -> tuple[list[LedgerEntry], str]:
    return (ledger(ctx.session.records, ctx.world.initial.gulag_m),
            _("Human cost since {year}:").format(year=ctx.world.first_year))


def paint_game_ledger(canvas: pygame.Surface, style: Style, rect: pygame.Rect, ctx: GameContext) -> None:
    entries, label = game_ledger(ctx)
    paint_ledger(canvas, style, rect, entries, label)


# -- the heading --------------------------------------------------------------------------------


def heading(ctx: GameContext, year: int | None = None) -> tuple[str, str, str]:
    """The heading bar's title, subtitle and right-hand text (the seed, for a class).
    `year`: the year the screen is about (a report's year), by default the year being played."""
    session = ctx.session
    at_the_end = year is None and session.finished
    if at_the_end:
        year = int(session.records[-1]["year"]) if session.records else ctx.world.last_year
        title = _("The end, {year}").format(year=year)
    else:
        year = ctx.year if year is None else year
        title = _("January {year}").format(year=year)
    plan = ctx.world.plan_for(year)
    subtitle = ""
    if plan is not None and not at_the_end:
        length = plan.end - plan.start + 1
        subtitle = _("{plan}, year {n} of {total}").format(plan=plan.name, n=year - plan.start + 1, total=length)
    right = _("{scenario} · seed {seed}").format(scenario=ctx.scenario.name.split(",")[0], seed=session.seed)
    return title, subtitle, right


def game_frame(style: Style, size: tuple[int, int], ctx: GameContext, title: str | None = None,
               year: int | None = None, buttons: Sequence[str] = (), hints: Sequence[Hint] = (),
               hint_reserve: Sequence[Hint] = ()) -> Frame:
    """The frame of a game screen: its heading (with the seed), the ledger, buttons and hints."""
    default_title, subtitle, right = heading(ctx, year)
    entries, label = game_ledger(ctx)
    return frame(style, size, heading=(title or default_title, right, subtitle), buttons=buttons, hints=hints,
                 ledger_entries=entries, ledger_label=label, hint_reserve=hint_reserve)


def paint_heading(canvas: pygame.Surface, style: Style, rect: pygame.Rect, ctx: GameContext,
                  title: str | None = None, year: int | None = None) -> None:
    default_title, subtitle, right = heading(ctx, year)
    draw.top_bar(canvas, style, rect, title or default_title, right, subtitle)


def paint_text_sheet(canvas: pygame.Surface, style: Style, frame: Frame, title: str, sheet: pygame.Rect,
                     view: draw.TextView, text_rect: pygame.Rect, hints: Sequence[Hint]) -> None:
    """A full-page scrolling text on its sheet (content note, sources and credits)."""
    draw.poster_background(canvas, style.palette, 2)
    draw.top_bar(canvas, style, frame.top, title)
    draw.box(canvas, style, sheet)
    view.draw(canvas, text_rect)
    paint_hints(canvas, style, frame.hint, hints)


def scroll_hint(view: draw.TextView, height: int) -> list[Hint]:
    """The scroll hint, when there is something to scroll (a hint that does nothing is a lie)."""
    return [] if view.fits(height) else [SCROLL]

