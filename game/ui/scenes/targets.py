"""Plan targets, set in a plan's first year: beside each target, history's figure and the
model's likely range for the plan's last year (the economy run forward under history's policy
over several weather draws). Targets far above that range mobilise for a while, then strain."""

from __future__ import annotations

import pygame

from .. import draw
from ..i18n import _
from ..projection import plan_range
from ..scene import Scene
from ..viewmodel import TARGET_METRIC, measure
from .common import frame, paint_game_ledger, paint_heading, paint_hint


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
        history = self.plan.historical_targets.get(key, self.targets.get(key, 1.0))
        band = self.range.get(key)
        low = min(history, band.low if band else history)
        high = max(history, band.high if band else history)
        return round(max(0.1, low * 0.5), 1), round(high * 1.6 + 0.5, 1)

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        self.intro = pygame.Rect(body.left, body.top, body.width, 2 * s.fonts.line("body") + s.gap)
        head_h = s.fonts.line("small_bold") + s.px(6)
        top = self.intro.bottom + head_h
        row_h = min(s.button_height() + s.px(10), (body.bottom - top) // max(1, len(self.keys())))
        self.header_y = self.intro.bottom
        self.row_rects = [pygame.Rect(body.left, top + i * row_h, body.width, row_h - s.px(4))
                          for i in range(len(self.keys()))]
        self.cols = [body.left, body.left + int(body.width * 0.18), body.left + int(body.width * 0.31),
                     body.left + int(body.width * 0.52), body.right - s.px(150)]

    def build(self) -> None:
        for key, rect in zip(self.keys(), self.row_rects, strict=True):
            control = pygame.Rect(self.cols[3], rect.top, self.cols[4] - self.cols[3] - self.style.gap,
                                  min(rect.height, self.style.button_height()))
            step = 0.1 if self.slider_range(key)[1] < 40 else 1.0
            self.slider(f"target:{key}", control, self.targets.get(key, self.plan.historical_targets.get(key, 1.0)),
                        self.slider_range(key), lambda v, k=key: self.set_target(k, v), step,
                        tooltip=measure(TARGET_METRIC[key]).label)
        history, done = self.button_row(self.frame.buttons, 2)
        self.button("history", history, _("History's targets  [R]"), self.reset, object_id="#quiet")
        self.button("done", done, _("Done  [Esc]"), self.back, object_id="#primary")

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 2)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Plan targets for {year}").format(year=self.plan.end))
        draw.paragraph(canvas, s.fonts["body"], _(
            "Set what the plan demands for {year}. History's targets stand beside the model's likely range "
            "(history's policy from now on, 16 weather draws). Targets beyond the range drive output up for a "
            "while, then bring waste, accidents and hunts for \"wreckers\".").format(year=self.plan.end),
            self.intro, p.ink)
        small = s.fonts["small_bold"]
        for title, x in zip((_("Target"), _("History's"), _("Model's likely range"), _("Yours")), self.cols,
                            strict=False):
            draw.text(canvas, small, title, (x, self.header_y), p.muted)
        body, bold = s.fonts["body"], s.fonts["body_bold"]
        for key, rect in zip(self.keys(), self.row_rects, strict=True):
            spec = measure(TARGET_METRIC[key])
            y = rect.top + min(rect.height, s.button_height()) // 2
            draw.text(canvas, bold, spec.label, (self.cols[0], y), p.ink, "midleft", width=self.cols[1] - self.cols[0])
            history = self.plan.historical_targets.get(key)
            draw.text(canvas, body, spec.format(history) if history else "—", (self.cols[1], y), p.ink, "midleft")
            band = self.range.get(key)
            text = spec.range(band.low, band.high) if band else _("no projection")
            draw.text(canvas, body, text, (self.cols[2], y), p.dark_red, "midleft", width=self.cols[3] - self.cols[2])
            draw.text(canvas, bold, spec.format(self.targets.get(key, history or 0.0)), (rect.right, y), p.ink,
                      "midright")
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hint(canvas, s, self.frame.hint, _("Up/Down: move   Left/Right: change (Shift: faster)   "
                                                 "R: history's targets   Esc: done"))

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
