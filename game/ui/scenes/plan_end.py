"""The end of a plan (the game goes on): a short debrief after the year-end report of a plan's
last year. The plan's table (the target, what was reported, the real output, history's target and
output), the scorecard so far beside history's course over the same years, and one question for
discussion. Enter continues the game. The last year of the game has the end screen instead."""

from __future__ import annotations

import pygame

from ...present.end import AxisShown
from ...present.i18n import _
from .. import draw
from ..hints import Hint, paint_hints
from ..scene import Scene
from . import debrief_views as dv
from .common import game_frame, paint_game_ledger, paint_heading

MORE = Hint("PgUp/PgDn", "more of the table and the scorecard", "scroll")


class PlanEndScene(Scene):
    title = "plan_end"

    def __init__(self, app, plan_id: str, year: int):
        super().__init__(app)
        self.plan_id = plan_id
        self.year = year
        self.drawn_axes: list[AxisShown] = []
        self.error = ""
        self.debrief = None
        try:
            from ...debrief import plan_debrief_of
            from ...headless.baseline import historical_game

            self.debrief = plan_debrief_of(app.ctx.session, plan_id, scenario=app.ctx.scenario,
                                           history=historical_game())
        except Exception as exc:  # noqa: BLE001 - the game goes on without this page
            self.error = _("The plan's debrief could not be built: {error}").format(error=exc)

    @property
    def ctx(self):
        return self.app.ctx

    @property
    def table(self):
        return self.debrief.plan(self.plan_id) if self.debrief is not None else None

    def label(self) -> str:
        return _("Continue to {year}  [Enter]").format(year=self.year + 1)

    def table_title(self) -> str:
        table = self.table
        return _("{plan}: targets, reports and output, {year}").format(plan=table.name, year=table.year) \
            if table else _("The plan")

    def note(self) -> str:
        return _("Your regime's report in red; ≈ : an approximate historical figure.")

    def layout(self) -> None:
        """The plan's table (left, above), the question (left, below: it scrolls with Up/Down) and
        the scorecard so far (right). The table's rows and the scorecard's axes go on pages
        (PgUp/PgDn) when they do not fit; in a small window each of the three has pages of its own."""
        s = self.style
        name = self.table.name if self.table is not None else self.plan_id
        self.frame = game_frame(s, self.size, self.ctx, _("The end of the plan: {plan}").format(plan=name),
                                year=self.year, buttons=[self.label()], hints=self.hints(), hint_reserve=[MORE])
        body = self.frame.body
        rows = len(self.table.rows) if self.table is not None else 0
        question_min = 5 * s.fonts.line("serif") + 3 * s.gap
        wide = body.width >= s.px(640)
        left_w = int(body.width * 0.55) if wide else body.width
        probe = self._table_geometry(left_w, body.height)
        table_min = probe["bar"] + s.px(6) + probe["head"] + 2 * probe["row"] + probe["note"] + draw.pager_height(s) + s.gap
        self.split = wide and table_min + s.gap + question_min <= body.height
        if self.split:
            table_h = min(probe["full"], max(table_min, body.height - question_min - s.gap))
            self.table_rect = pygame.Rect(body.left, body.top, left_w, table_h)
            self.question_rect = pygame.Rect(body.left, self.table_rect.bottom + s.gap, left_w,
                                             body.bottom - self.table_rect.bottom - s.gap)
            self.axes_rect = pygame.Rect(body.left + left_w + s.gap, body.top, body.width - left_w - s.gap,
                                         body.height)
        else:  # each part on pages of the whole body, the page cue under them
            part = pygame.Rect(body.left, body.top, body.width, body.height - draw.pager_height(s) - s.px(4))
            self.table_rect = self.question_rect = self.axes_rect = part
        geometry = self._table_geometry(self.table_rect.width, self.table_rect.height)
        self.layout_table = geometry["layout"]
        self.table_inner = pygame.Rect(self.table_rect.left + s.gap, self.table_rect.top + geometry["bar"] + s.px(6),
                                       self.table_rect.width - 2 * s.gap,
                                       self.table_rect.height - geometry["bar"] - s.px(6) - s.gap // 2)
        self.note_h = geometry["note"]
        if self.layout_table is not None:  # the rows, then the note (on the last page)
            view = self.table_inner.height - self.layout_table.head_h - draw.pager_height(s)
            self.table_pages = draw.Pager.pages([self.layout_table.row_h] * rows + [self.note_h], view)
        else:
            self.table_pages = [range(0)]
        question = self.debrief.questions[:1] if self.debrief is not None else ()
        self.question_text = self.question_rect.inflate(-3 * s.gap, -2 * s.gap)
        self.question_text.width -= s.px(12)
        blocks = dv.question_blocks(question)
        if self.error:
            blocks = [draw.Block("body", self.error, "red")]
        self.view = draw.TextView(s, blocks, self.question_text.width)
        self._lay_out_axes()
        if self.split:
            self.views = [("split", i) for i in range(max(len(self.table_pages), len(self.axes_pages)))]
        else:
            self.views = ([("table", i) for i in range(len(self.table_pages))]
                          + [("axes", i) for i in range(len(self.axes_pages)) if self.debrief is not None]
                          + [("question", 0)])
        self.count = len(self.views)
        self.sub = min(getattr(self, "sub", 0), self.count - 1)

    def _table_geometry(self, width: int, height: int) -> dict:
        s = self.style
        bar = draw.panel_bar_height(s, self.table_title(), width)
        inner_w = width - 2 * s.gap
        layout = dv.plan_table_layout(s, inner_w, self.table) if self.table is not None else None
        note = draw.label_height([s.fonts["small"]], self.note(), inner_w) + s.px(4)
        rows = len(self.table.rows) if self.table is not None else 0
        head = layout.head_h if layout else 0
        row = layout.row_h if layout else s.fonts.line("body")
        full = bar + s.px(6) + head + rows * row + note + s.gap
        return {"bar": bar, "layout": layout, "note": note, "head": head, "row": row, "full": full}

    def _lay_out_axes(self) -> None:
        s = self.style
        self.axes_pages = [range(0)]
        if self.debrief is None:
            return
        title = _("The scorecard so far")
        bar = draw.panel_bar_height(s, title, self.axes_rect.width) if self.split else 0
        inner = pygame.Rect(self.axes_rect.left + s.gap, self.axes_rect.top + bar + s.px(6),
                            self.axes_rect.width - 2 * s.gap, self.axes_rect.height - bar - s.px(6) - s.gap // 2)
        self.axes_inner = inner
        self.axes_intro = _("{first}-{last}, beside history's course over the same years. No total, no ranking.").format(
            first=self.debrief.meta.first_year, last=self.debrief.meta.last_year)
        if not self.split:  # no heading bar on a page of its own: the heading opens the introduction
            self.axes_intro = title + ": " + self.axes_intro
        self.axis_fonts = [s.fonts["body_bold"], s.fonts["small_bold"]] if self.split else [s.fonts["small_bold"]]
        items = [draw.text_height(s.fonts["small"], self.axes_intro, inner.width) + s.px(2)]
        for axis in self.debrief.scorecard:
            items.append(draw.label_height(self.axis_fonts, axis.name, inner.width)
                         + dv.axis_bars_height(s, inner.width, axis) + s.px(6))
        self.axes_items = items
        self.axes_pages = draw.Pager.pages(items, inner.height - draw.pager_height(s))

    def build(self) -> None:
        self.button("continue", self.frame.button_rects[0], self.label(), self.close, object_id="#primary")
        self.focus_key = "continue"

    def hints(self) -> list[Hint]:
        hints = [Hint("Enter", _("continue the game"), "continue")]
        if getattr(self, "count", 1) > 1:
            hints.append(MORE)
        if getattr(self, "view", None) is not None and not self.view.fits(self.question_text.height):
            hints.append(Hint("Up/Down", _("scroll the question"), "scroll_question"))
        return hints + [Hint("Esc", _("menu"), "menu")]

    def enter_action(self):
        return self.close

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 1)
        name = self.table.name if self.table is not None else self.plan_id
        paint_heading(canvas, s, self.frame.top, self.ctx, _("The end of the plan: {plan}").format(plan=name),
                      year=self.year)
        kind, page = self.views[self.sub]
        self.drawn_axes = []
        if kind in ("split", "table"):
            self.paint_table(canvas, min(page, len(self.table_pages) - 1))
        if kind in ("split", "question"):
            draw.box(canvas, s, self.question_rect)
            self.view.draw(canvas, self.question_text)
        if kind in ("split", "axes"):
            self.paint_axes(canvas, min(page, len(self.axes_pages) - 1))
        if not self.split and self.count > 1:
            body = self.frame.body
            cue = pygame.Rect(body.left, body.bottom - draw.pager_height(s), body.width, draw.pager_height(s))
            draw.page_cue(canvas, s, cue, self.sub, self.count)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def paint_table(self, canvas: pygame.Surface, page_index: int = 0) -> None:
        s = self.style
        p = s.palette
        table = self.table
        draw.panel(canvas, s, self.table_rect, self.table_title(), accent=True)
        inner = self.table_inner
        if table is None:
            area = pygame.Rect(inner.left, inner.top, inner.width - s.px(14), inner.height)
            draw.TextView(s, [draw.Block("body", self.error, "red", 0)], area.width).draw(canvas, area)
            return
        small = s.fonts["small"]
        page = self.table_pages[page_index]
        rows = range(page.start, min(page.stop, len(table.rows)))
        y = dv.paint_plan_table(canvas, s, inner, table, rows, self.layout_table)
        if page.stop > len(table.rows):
            draw.label(canvas, [small], self.note(), pygame.Rect(inner.left, y + s.px(2), inner.width,
                                                                 self.note_h - s.px(4)), p.muted, valign="top")
        if self.split:
            cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
            draw.page_cue(canvas, s, cue, page_index, len(self.table_pages))

    def paint_axes(self, canvas: pygame.Surface, page_index: int = 0) -> None:
        s = self.style
        p = s.palette
        if self.split:
            draw.panel(canvas, s, self.axes_rect, _("The scorecard so far"))
        else:
            draw.box(canvas, s, self.axes_rect)
        if self.debrief is None:
            return
        inner = self.axes_inner
        y = inner.top
        page = self.axes_pages[page_index]
        fonts = self.axis_fonts
        for index in page:
            if index == 0:
                draw.paragraph(canvas, s.fonts["small"], self.axes_intro,
                               pygame.Rect(inner.left, y, inner.width, self.axes_items[0]), p.muted)
                y += self.axes_items[0]
                continue
            axis = self.debrief.scorecard[index - 1]
            name_h = draw.label_height(fonts, axis.name, inner.width)
            draw.label(canvas, fonts, axis.name, pygame.Rect(inner.left, y, inner.width, name_h), p.ink, valign="top")
            bars = pygame.Rect(inner.left, y + name_h, inner.width, dv.axis_bars_height(s, inner.width, axis))
            self.drawn_axes.append(dv.paint_axis_bars(canvas, s, bars, axis))
            y += self.axes_items[index]
        if self.split:
            cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
            draw.page_cue(canvas, s, cue, page_index, len(self.axes_pages))

    def on_scroll(self, lines: int) -> bool:
        before = self.sub
        self.sub = max(0, min(self.count - 1, self.sub + (1 if lines > 0 else -1)))
        if self.sub != before:
            self.refresh()
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            self.scroll_view(self.view, self.question_text, 1 if event.key == pygame.K_DOWN else -1)
            return True
        return False

    def close(self) -> None:
        self.app.pop()

    def back(self) -> None:
        """Esc: the menu, never on to the next year."""
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
