"""Plan targets, set in a plan's first year: beside each target, history's figure and the
model's likely range for the plan's last year (the economy run forward under history's policy
over several weather draws). Targets far above that range mobilise for a while, then strain."""

from __future__ import annotations

import pygame

from ...present.i18n import _
from ...present.projection import plan_range, slider_range, target_rows
from ...present.viewmodel import TARGET_METRIC
from .. import draw
from ..hints import SCROLL, Hint, paint_hints
from ..scene import Scene
from .common import game_frame, paint_game_ledger, paint_heading


class TargetsScene(Scene):
    title = "targets"

    def __init__(self, app):
        super().__init__(app)
        self.plan = self.ctx.plan
        self.range = plan_range(self.ctx, self.plan)
        draft = self.ctx.ensure_draft()
        self.targets = draft.targets.setdefault(self.plan.id, dict(self.plan.historical_targets))

    @property
    def ctx(self):
        return self.app.ctx

    def keys(self) -> list[str]:
        return [k for k in TARGET_METRIC if k in self.plan.historical_targets or k in self.targets]

    def slider_range(self, key: str) -> tuple[float, float]:
        return slider_range(self.plan.historical_targets.get(key, self.targets.get(key, 1.0)), self.range.get(key))

    def labels(self) -> list[str]:
        return [_("History's targets  [R]"), _("Done  [Esc]")]

    def intro(self) -> str:
        return _("Set what the plan demands for {year}. History's targets stand beside the model's likely range "
                 "(history's policy from now on, 16 weather draws). Targets beyond the range drive output up for a "
                 "while, then bring waste, accidents and hunts for \"wreckers\".").format(year=self.plan.end)

    def texts(self, key: str) -> tuple[str, str, str, str]:
        """(label, history's, the likely range, yours) of a target's row."""
        row = next(r for r in target_rows(self.ctx, self.plan, self.targets, self.range) if r.key == key)
        return row.label, row.history, row.likely, row.shown

    def layout(self) -> None:
        """One line a target when the columns fit; else two (the name and your figure above, the
        slider with history's figure and the likely range below). The introduction and the rows
        go on pages (PgUp/PgDn) when they do not all fit."""
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, _("Plan targets for {year}").format(year=self.plan.end),
                                buttons=self.labels(), hints=self.hints(), hint_reserve=[SCROLL])
        body = self.frame.body
        bold, small = s.fonts["body_bold"], s.fonts["small"]
        texts = [self.texts(k) for k in self.keys()]
        label_w = max([bold.size(t[0])[0] for t in texts] + [small.size(_("Target"))[0]]) + s.gap
        history_w = max([s.fonts["body"].size(t[1])[0] for t in texts] + [small.size(_("History's"))[0]]) + s.gap
        range_w = max([s.fonts["body"].size(t[2])[0] for t in texts] + [small.size(_("Model's likely range"))[0]]) + s.gap
        value_w = max(bold.size(t[3])[0] for t in texts) + s.px(30) if texts else 0
        slider_w = body.width - label_w - history_w - range_w - value_w
        bh = s.button_height()
        self.wide = slider_w >= s.px(140)
        if self.wide:
            x = body.left
            self.cols = [x, x + label_w, x + label_w + history_w, x + label_w + history_w + range_w,
                         body.right - value_w]
            row_h = bh + s.px(6)
        else:
            row_h = bold.get_linesize() + max(bh, 2 * small.get_linesize()) + s.px(10)
        intro_h = draw.text_height(s.fonts["body"], self.intro(), body.width) + s.gap
        head_h = small.get_linesize() + s.px(6) if self.wide else 0
        items = [intro_h] + [row_h] * len(self.keys())
        view = body.height - head_h
        pages = draw.Pager.pages(items, view)
        if len(pages) > 1:
            pages = draw.Pager.pages(items, view - draw.pager_height(s))
        self.pages = pages
        self.pager = getattr(self, "pager", draw.Pager())
        self.pager.page = min(self.pager.page, len(pages) - 1)
        self.intro_rect = None
        self.row_rects: dict[int, pygame.Rect] = {}
        y = body.top
        for index in pages[self.pager.page]:
            if index == 0:
                self.intro_rect = pygame.Rect(body.left, y, body.width, intro_h - s.gap)
                y += intro_h
                continue
            if self.wide and not self.row_rects:
                self.header_y = y
                y += head_h
            self.row_rects[index - 1] = pygame.Rect(body.left, y, body.width, row_h - s.px(4))
            y += row_h
        self.cue_rect = pygame.Rect(body.left, body.bottom - draw.pager_height(s), body.width, draw.pager_height(s))

    def slider_rect(self, rect: pygame.Rect) -> pygame.Rect:
        s = self.style
        bh = s.button_height()
        if self.wide:
            return pygame.Rect(self.cols[3], rect.top, self.cols[4] - self.cols[3] - s.gap, min(rect.height, bh))
        top = rect.top + s.fonts.line("body_bold") + s.px(4)
        return pygame.Rect(rect.left, top, int(rect.width * 0.55), bh)

    def build(self) -> None:
        for index, key in enumerate(self.keys()):
            if index not in self.row_rects:
                continue
            step = 0.1 if self.slider_range(key)[1] < 40 else 1.0
            self.slider(f"target:{key}", self.slider_rect(self.row_rects[index]),
                        self.targets.get(key, self.plan.historical_targets.get(key, 1.0)), self.slider_range(key),
                        lambda v, k=key: self.set_target(k, v), step,
                        help_text=_("History's target: {history}. The model's likely range: {likely}.").format(
                            history=self.texts(key)[1], likely=self.texts(key)[2]))
        history, done = self.frame.button_rects
        self.button("history", history, _("History's targets  [R]"), self.reset, object_id="#quiet")
        self.button("done", done, _("Done  [Esc]"), self.back, object_id="#primary")

    def hints(self) -> list[Hint]:
        hints = [Hint("Up/Down", _("move"), "move"), Hint("Left/Right", _("change (Shift: faster)"), "adjust"),
                 Hint("R", _("history's targets"), "reset")]
        if len(getattr(self, "pages", ())) > 1:
            hints.append(SCROLL)
        return hints + [Hint("Esc", _("done"), "back")]

    def on_scroll(self, lines: int) -> bool:
        return self.turn_page(lines)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 2)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Plan targets for {year}").format(year=self.plan.end))
        if self.intro_rect is not None:
            draw.paragraph(canvas, s.fonts["body"], self.intro(), self.intro_rect, p.ink)
        small, body, bold = s.fonts["small_bold"], s.fonts["body"], s.fonts["body_bold"]
        if self.wide and self.row_rects:
            for title, x in zip((_("Target"), _("History's"), _("Model's likely range"), _("Yours")), self.cols,
                                strict=False):
                draw.text(canvas, small, title, (x, self.header_y), p.muted)
        for index, key in enumerate(self.keys()):
            rect = self.row_rects.get(index)
            if rect is None:
                continue
            label, history, likely, yours = self.texts(key)
            if self.wide:
                y = rect.top + min(rect.height, s.button_height()) // 2
                draw.text(canvas, bold, label, (self.cols[0], y), p.ink, "midleft")
                draw.text(canvas, body, history, (self.cols[1], y), p.ink, "midleft")
                draw.text(canvas, body, likely, (self.cols[2], y), p.dark_red, "midleft")
                draw.text(canvas, bold, yours, (rect.right, y), p.ink, "midright")
            else:
                draw.text(canvas, bold, label, (rect.left, rect.top), p.ink)
                draw.text(canvas, bold, yours, (rect.right, rect.top), p.ink, "topright")
                slider = self.slider_rect(rect)
                info = pygame.Rect(slider.right + s.gap, slider.top, rect.right - slider.right - s.gap,
                                   rect.bottom - slider.top)
                small_font = s.fonts["small"]
                lines = [_("history: {figure}").format(figure=history), _("likely: {figure}").format(figure=likely)]
                for number, line in enumerate(lines):
                    draw.label(canvas, [small_font], line, pygame.Rect(info.left, info.top + number *
                                                                       small_font.get_linesize(), info.width,
                                                                       small_font.get_linesize()),
                               p.dark_red if number else p.ink)
        draw.page_cue(canvas, s, self.cue_rect, self.pager.page, len(self.pages))
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def set_target(self, key: str, value: float) -> None:
        self.targets[key] = max(0.1, round(value, 2))
        self.refresh()

    def reset(self) -> None:
        self.targets.clear()
        self.targets.update(self.plan.historical_targets)
        self.relayout()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_r:
            self.reset()
            return True
        return False

    def back(self) -> None:
        self.app.pop()
