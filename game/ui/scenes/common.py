"""Pieces every game screen shares: the frame (heading, body, buttons, the human-cost ledger,
the key hints) and the heading's words."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import draw
from ..context import GameContext
from ..i18n import _
from ..style import Style
from ..viewmodel import LedgerEntry, ledger


@dataclass
class Frame:
    top: pygame.Rect
    body: pygame.Rect
    buttons: pygame.Rect
    ledger: pygame.Rect
    hint: pygame.Rect


def frame(style: Style, size: tuple[int, int], with_ledger: bool = True) -> Frame:
    """The standard screen: heading bar, body, a row of buttons, the ledger, a line of hints."""
    w, h = size
    gap = style.gap
    top = pygame.Rect(0, 0, w, style.fonts.line("h2") + style.px(16))
    hint_h = style.fonts.line("small") + style.px(4)
    hint = pygame.Rect(gap, h - hint_h, w - 2 * gap, hint_h)
    ledger_h = ledger_height(style) if with_ledger else 0
    ledger_rect = pygame.Rect(0, hint.top - ledger_h, w, ledger_h)
    button_h = style.button_height()
    buttons = pygame.Rect(gap, ledger_rect.top - gap - button_h, w - 2 * gap, button_h)
    body = pygame.Rect(gap, top.bottom + gap, w - 2 * gap, buttons.top - gap - top.bottom - gap)
    return Frame(top, body, buttons, ledger_rect, hint)


def ledger_height(style: Style) -> int:
    return style.fonts.line("body_bold") + style.px(12)


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


def paint_heading(canvas: pygame.Surface, style: Style, rect: pygame.Rect, ctx: GameContext,
                  title: str | None = None, year: int | None = None) -> None:
    default_title, subtitle, right = heading(ctx, year)
    draw.top_bar(canvas, style, rect, title or default_title, right, subtitle)


def paint_ledger(canvas: pygame.Surface, style: Style, rect: pygame.Rect, entries: list[LedgerEntry],
                 label: str | None = None) -> None:
    """The human cost so far, on a black strip: always on screen during a game."""
    p = style.palette
    pygame.draw.rect(canvas, p.ink, rect)
    pygame.draw.rect(canvas, p.red, (rect.left, rect.top, rect.width, style.px(3)))
    label = label or _("Human cost so far:")
    pieces = [f"{entry.value} {entry.label}" for entry in entries]
    font, small = style.fonts["body_bold"], style.fonts["body"]
    needed = font.size(label)[0] + sum(small.size(piece)[0] + style.px(18) for piece in pieces) + 2 * style.gap
    if needed > rect.width:  # a narrow window: the smaller type, before anything is cut
        font, small = style.fonts["small_bold"], style.fonts["small"]
    x = rect.left + style.gap
    y = rect.centery + style.px(1)
    drawn = draw.text(canvas, font, label, (x, y), p.ochre, "midleft")
    x = drawn.right + style.gap
    for entry in entries:
        piece = f"{entry.value} {entry.label}"
        width = small.size(piece)[0]
        if x + width > rect.right - style.gap:
            draw.text(canvas, small, "…", (x, y), p.on_dark, "midleft")
            break
        draw.text(canvas, small, piece, (x, y), p.on_dark, "midleft")
        x += width + style.px(18)


def paint_game_ledger(canvas: pygame.Surface, style: Style, rect: pygame.Rect, ctx: GameContext) -> None:
    paint_ledger(canvas, style, rect, ledger(ctx.session.records, ctx.world.initial.gulag_m),
                 _("Human cost since {year}:").format(year=ctx.world.first_year))


def paint_hint(canvas: pygame.Surface, style: Style, rect: pygame.Rect, content: str) -> None:
    draw.text(canvas, style.fonts["small"], content, (rect.left, rect.centery), style.palette.muted, "midleft",
              width=rect.width)


def paint_text_sheet(canvas: pygame.Surface, style: Style, frame: Frame, title: str, sheet: pygame.Rect,
                     view: draw.TextView, text_rect: pygame.Rect, hint: str) -> None:
    """A full-page scrolling text on its sheet (content note, sources and credits)."""
    draw.poster_background(canvas, style.palette, 2)
    draw.top_bar(canvas, style, frame.top, title)
    pygame.draw.rect(canvas, style.palette.panel, sheet)
    pygame.draw.rect(canvas, style.palette.ink, sheet, style.rule)
    view.draw(canvas, text_rect)
    paint_hint(canvas, style, frame.hint, hint)
