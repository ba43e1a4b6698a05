"""The end of a plan (the game goes on): a short debrief after the year-end report of a plan's
last year. The plan's table (the target, what was reported, the real output, history's target and
output), the scorecard so far beside history's course over the same years, and one question for
discussion. Enter continues the game. The last year of the game has the end screen instead."""

from __future__ import annotations

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene
from . import debrief_views as dv
from .common import frame, paint_game_ledger, paint_heading, paint_hint


def plan_ending(ctx, year: int):
    """The plan whose last year is `year`, if the game goes on after it; else None."""
    plan = ctx.world.plan_for(year)
    if plan is None or plan.end != year or ctx.finished:
        return None
    return plan


class PlanEndScene(Scene):
    title = "plan_end"

    def __init__(self, app, plan_id: str, year: int):
        super().__init__(app)
        self.plan_id = plan_id
        self.year = year
        self.drawn_axes: list[dv.AxisShown] = []
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

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        left_w = int(body.width * 0.55)
        table_rows = len(self.table.rows) if self.table is not None else 7
        title_h = s.fonts.line("h3") + s.px(8)
        table_h = title_h + s.px(6) + s.fonts.line("small_bold") + s.px(5) + table_rows * (s.fonts.line("body")
                                                                                              + s.px(2)) + s.gap
        table_h += s.fonts.line("small") + s.px(4)
        self.table_rect = pygame.Rect(body.left, body.top, left_w, min(table_h, body.height // 2 + s.gap * 4))
        self.question_rect = pygame.Rect(body.left, self.table_rect.bottom + s.gap, left_w,
                                         body.bottom - self.table_rect.bottom - s.gap)
        self.axes_rect = pygame.Rect(body.left + left_w + s.gap, body.top, body.width - left_w - s.gap, body.height)
        question = self.debrief.questions[:1] if self.debrief is not None else ()
        self.question_text = self.question_rect.inflate(-3 * s.gap, -2 * s.gap)
        self.question_text.width -= s.px(12)
        blocks = dv.question_blocks(question)
        if self.error:
            blocks = [draw.Block("body", self.error, "red")]
        self.view = draw.TextView(s, blocks, self.question_text.width)

    def build(self) -> None:
        rect = self.frame.buttons.copy()
        rect.width = min(rect.width, self.style.px(420))
        rect.right = self.frame.buttons.right
        self.button("continue", rect, _("Continue to {year}  [Enter]").format(year=self.year + 1), self.close,
                    object_id="#primary")
        self.focus_key = "continue"

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 1)
        name = self.table.name if self.table is not None else self.plan_id
        paint_heading(canvas, s, self.frame.top, self.ctx, _("The end of the plan: {plan}").format(plan=name),
                      year=self.year)
        self.paint_table(canvas)
        pygame.draw.rect(canvas, p.panel, self.question_rect)
        pygame.draw.rect(canvas, p.ink, self.question_rect, s.rule)
        self.view.draw(canvas, self.question_text)
        self.paint_axes(canvas)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hint(canvas, s, self.frame.hint, _("Enter: continue the game   PgUp/PgDn: scroll the question"))

    def paint_table(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        table = self.table
        title = _("{plan}, {start}-{end}: targets, reports and output in {year}").format(
            plan=table.name, start=table.start, end=table.end, year=table.year) if table else _("The plan")
        inner = draw.panel(canvas, s, self.table_rect, title, accent=True)
        if table is None:
            draw.paragraph(canvas, s.fonts["body"], self.error, inner, p.red)
            return
        small = s.fonts["small"]
        note_h = small.get_linesize()
        dv.paint_plan_table(canvas, s, pygame.Rect(inner.left, inner.top, inner.width, inner.height - note_h), table)
        draw.text(canvas, small, _("Your regime's report in red; ≈ : an approximate historical figure."),
                  (inner.left, inner.bottom - note_h), p.muted, width=inner.width)

    def paint_axes(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.axes_rect, _("The scorecard so far"))
        self.drawn_axes = []
        if self.debrief is None:
            return
        small, bold = s.fonts["small"], s.fonts["body_bold"]
        y = draw.paragraph(canvas, small, _("{first}-{last}, beside history's course over the same years. No total, "
                                            "no ranking.").format(first=self.debrief.meta.first_year,
                                                                  last=self.debrief.meta.last_year),
                           inner, p.muted) + s.px(2)
        axes = self.debrief.scorecard
        row_h = (inner.bottom - y) // max(1, len(axes))
        for axis in axes:
            name = draw.text(canvas, bold, axis.name, (inner.left, y), p.ink, width=inner.width)
            bars = pygame.Rect(inner.left, name.bottom, inner.width, row_h - name.height - s.px(2))
            self.drawn_axes.append(dv.paint_axis_bars(canvas, s, bars, axis))
            y += row_h

    def on_scroll(self, lines: int) -> bool:
        if self.view.scroll_by(lines * self.style.fonts.line("serif"), self.question_text.height):
            self.refresh()
        return True

    def close(self) -> None:
        self.app.pop()

    def back(self) -> None:
        self.app.pop()
