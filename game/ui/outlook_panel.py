"""The outlook's side panel on the directives screen: the rows of game/present/outlook.py,
painted in pages when they do not fit."""

from __future__ import annotations

import pygame

from ..present.i18n import _
from ..present.outlook import OUTLOOK_DRAWS, OutlookRow, OutlookView
from . import draw

__all__ = ["OUTLOOK_DRAWS", "OutlookPanel", "paint"]


class OutlookPanel(OutlookView):
    def __init__(self, ctx, to_last_year: bool = False, draws: int = OUTLOOK_DRAWS):
        super().__init__(ctx, to_last_year, draws)
        self.page = 0        # the page shown when the rows do not fit (F turns it)
        self.pages = 1


def _row_layout(style, row: OutlookRow, width: int) -> tuple[int, int, pygame.font.Font]:
    """(height, label width, value font) of a row: the label wraps beside the figure, never cut."""
    s = style
    bold, small = s.fonts["body_bold"], s.fonts["small"]
    value_font = draw.fitting([bold, s.fonts["small_bold"]], row.value, width * 3 // 5) or s.fonts["small_bold"]
    label_w = width - value_font.size(row.value)[0] - s.gap
    label_h = draw.label_height([s.fonts["body"], small], row.label, label_w)
    return max(label_h, value_font.get_linesize()) + small.get_linesize() + s.px(6), label_w, value_font


def paint(canvas: pygame.Surface, style, rect: pygame.Rect, panel: OutlookPanel) -> None:
    """The outlook in the side panel: a row per figure (two lines or more), in pages if it must
    (F turns them)."""
    s = style
    p = s.palette
    inner = draw.panel(canvas, s, rect, panel.title(), accent=True)
    small, body = s.fonts["small"], s.fonts["body"]
    rows = panel.rows()
    if not rows:
        draw.text(canvas, body, _("Calculating…"), (inner.left, inner.top + s.gap), p.muted)
        return
    status = panel.status()
    layouts = [_row_layout(s, row, inner.width) for row in rows]
    heights = [h for h, _w, _f in layouts] + [draw.text_height(small, status, inner.width) + s.px(2)]
    pages = draw.Pager.pages(heights, inner.height - draw.pager_height(s))
    panel.pages = len(pages)
    panel.page = min(panel.page, len(pages) - 1)
    y = inner.top
    for index in pages[panel.page]:
        if index == len(rows):
            draw.paragraph(canvas, small, status, pygame.Rect(inner.left, y, inner.width, heights[index]), p.muted)
            continue
        row, (height, label_w, value_font) = rows[index], layouts[index]
        draw.text(canvas, value_font, row.value, (inner.right, y), p.ink, "topright")
        label_h = height - small.get_linesize() - s.px(6)
        draw.label(canvas, [body, small], row.label, pygame.Rect(inner.left, y, label_w, label_h), p.ink,
                   valign="top")
        line2 = y + label_h
        if row.delta_text:
            colour = p.muted if row.delta is None or abs(row.delta) < 1e-12 else p.ink
            draw.text(canvas, s.fonts["small_bold"], row.delta_text, (inner.left, line2), colour)
        if row.history:
            draw.text(canvas, small, _("history {figure}").format(figure=row.history), (inner.right, line2),
                      p.muted, "topright")
        y += height
    if len(pages) > 1:
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, panel.page, len(pages))
