"""The year: the main screen between turns.

Indicators in four groups (industry, food and countryside, people, state), each with its trend;
where the regime's statistics lie, the reported figure beside the real one. The current plan's
targets with progress bars. The human-cost ledger along the bottom. Event cards due this January
are pushed on top as soon as the screen is shown.
"""

from __future__ import annotations

import pygame

from .. import draw, saving
from ..i18n import _
from ..scene import Scene
from ..viewmodel import INDICATOR_GROUPS, Indicator, current_plan, indicators, plan_progress
from .common import frame, paint_game_ledger, paint_heading, paint_hint


class YearScene(Scene):
    title = "year"

    def __init__(self, app):
        super().__init__(app)
        self.cards_checked = False

    @property
    def ctx(self):
        return self.app.ctx

    def on_resume(self) -> None:
        self.cards_checked = False

    def update(self, dt: float) -> None:
        # Cards and the end are pushed from the loop, not from inside activate().
        if self.cards_checked or self.app.top is not self:
            return
        self.cards_checked = True
        if self.ctx.finished:
            from .end import EndScene

            self.app.reset(EndScene(self.app))
            return
        pending = self.ctx.pending_events()
        if self.ctx.autosaved != self.ctx.year:  # the start of every year, cards drawn, as saves expect
            self.ctx.autosaved = self.ctx.year
            problem = saving.autosave(self.ctx)
            if problem:
                self.app.notices.append(problem)
        if pending:
            from .event_card import EventCardScene

            self.app.push(EventCardScene(self.app, pending[0]))

    # -- layout ----------------------------------------------------------------------------------
    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        plan_w = max(s.px(300), int(body.width * 0.32))
        self.plan_rect = pygame.Rect(body.right - plan_w, body.top, plan_w, body.height)
        groups = pygame.Rect(body.left, body.top, body.width - plan_w - s.gap, body.height)
        half_w = (groups.width - s.gap) // 2
        half_h = (groups.height - s.gap) // 2
        self.group_rects = [
            pygame.Rect(groups.left + (i % 2) * (half_w + s.gap), groups.top + (i // 2) * (half_h + s.gap),
                        half_w, half_h)
            for i in range(len(INDICATOR_GROUPS))
        ]

    def build(self) -> None:
        has_report = bool(self.ctx.session.records)
        labels = [("directives", _("Set this year's directives  [D]"), self.directives, "#primary", True),
                  ("report", _("Last year's report  [R]"), self.report, None, has_report),
                  ("menu", _("Menu  [Esc]"), self.back, "#quiet", True)]
        for (key, label, action, object_id, enabled), rect in zip(labels, self.button_row(self.frame.buttons, 3),
                                                                   strict=True):
            self.button(key, rect, label, action, object_id=object_id, enabled=enabled)
        if self.focus_key is None:
            self.focus_key = "directives"

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette)
        paint_heading(canvas, s, self.frame.top, self.ctx)
        for (name, metrics), rect in zip(INDICATOR_GROUPS, self.group_rects, strict=True):
            self.paint_group(canvas, rect, _(name), indicators(self.ctx, metrics))
        self.paint_plan(canvas, self.plan_rect)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hint(canvas, s, self.frame.hint,
                   _("D: directives   R: last report   Tab/arrows: move   Enter: choose   F11: full screen   Esc: menu"))

    def paint_group(self, canvas: pygame.Surface, rect: pygame.Rect, name: str, rows: list[Indicator]) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, rect, name)
        body, small = s.fonts["body"], s.fonts["small"]
        row_h = body.get_linesize() + s.px(6)
        any_reported = any(row.reported is not None for row in rows)
        label_w = int(inner.width * (0.46 if any_reported else 0.52))
        value_x = inner.left + label_w
        value_w = int(inner.width * (0.18 if any_reported else 0.26))
        reported_x = value_x + value_w
        reported_w = int(inner.width * 0.17) if any_reported else 0
        trend_x = reported_x + reported_w
        draw.text(canvas, small, _("real"), (value_x + value_w - s.px(6), inner.top), p.muted, "topright")
        if any_reported:
            draw.text(canvas, small, _("reported"), (reported_x + reported_w - s.px(6), inner.top), p.dark_red,
                      "topright")
        y = inner.top + small.get_linesize()
        for row in rows:
            if y + row_h > inner.bottom:
                break
            mid = y + row_h // 2
            label_font = body if body.size(row.label)[0] <= label_w - s.px(6) else small  # shrink before cutting
            draw.text(canvas, label_font, row.label, (inner.left, mid), p.ink, "midleft", width=label_w - s.px(6))
            draw.text(canvas, s.fonts["body_bold"], row.value, (value_x + value_w - s.px(6), mid), p.ink, "midright",
                      width=value_w)
            if row.reported is not None:
                draw.text(canvas, body, row.reported, (reported_x + reported_w - s.px(6), mid), p.dark_red,
                          "midright", width=reported_w)
            colour = p.muted if row.good is None else p.good if row.good else p.bad
            draw.trend_arrow(canvas, (trend_x + s.px(8), mid), s.px(12), row.trend, colour)
            spark = pygame.Rect(trend_x + s.px(20), y + s.px(4), inner.right - trend_x - s.px(20), row_h - s.px(8))
            if spark.width > s.px(16):
                draw.sparkline(canvas, spark, row.history, p.muted)
            pygame.draw.line(canvas, p.rule, (inner.left, y + row_h - 1), (inner.right, y + row_h - 1), 1)
            y += row_h

    def paint_plan(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        plan = current_plan(self.ctx)
        inner = draw.panel(canvas, s, rect, plan.name if plan else _("No plan in force"), accent=True)
        if plan is None:
            return
        body, small = s.fonts["body"], s.fonts["small"]
        y = inner.top
        y = draw.text(canvas, small, _("Targets for {year}: real output (red) and as reported (ochre tick)")
                      .format(year=plan.end), (inner.left, y), p.muted, width=inner.width).bottom + s.px(4)
        bar_h = s.px(10)
        row_h = body.get_linesize() + bar_h + s.px(10)
        for row in plan_progress(self.ctx, plan):
            if y + row_h > inner.bottom - small.get_linesize():
                break
            draw.text(canvas, body, row.label, (inner.left, y), p.ink, width=inner.width // 2)
            figures = f"{row.real_text} / {row.target_text}"
            draw.text(canvas, s.fonts["body_bold"], figures, (inner.right, y), p.ink, "topright",
                      width=inner.width // 2)
            bar = pygame.Rect(inner.left, y + body.get_linesize() + s.px(2), inner.width, bar_h)
            draw.progress_bar(canvas, s, bar, row.fraction, row.reported_fraction)
            y += row_h
        if not self.ctx.session.records:
            draw.paragraph(canvas, small, _("No year has been played yet: the figures appear with the first "
                                            "year-end report."), pygame.Rect(inner.left, y, inner.width,
                                                                             inner.bottom - y), p.muted)

    # -- actions ---------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_d:
            self.directives()
        elif event.key == pygame.K_r and self.ctx.session.records:
            self.report()
        else:
            return False
        return True

    def directives(self) -> None:
        if self.ctx.pending_events():
            self.cards_checked = False
            return
        from .directives import DirectivesScene

        self.app.push(DirectivesScene(self.app))

    def report(self) -> None:
        from .report import ReportScene

        self.app.push(ReportScene(self.app, len(self.ctx.session.records) - 1, after_turn=False))

    def back(self) -> None:
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
