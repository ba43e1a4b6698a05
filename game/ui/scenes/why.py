"""Why did this happen? A headline figure's change in the last year played, cause by cause.

The model itself answers (game/headless/explain.py): the year is resolved again with each cause
alone set back to the comparison (the year before, or history's same year), and what the figure
loses is that cause's part. The causes act together in a non-linear model, so what they leave is
shown as it is, the remainder, and the parts and the remainder add up to the change exactly.

Keys: 1-5 the figure, P against the year before, H against history, Esc back.
"""

from __future__ import annotations

import pygame

from ...headless.explain import EXPLAINED_METRICS, REMAINDER_LABEL, format_value
from ...present.i18n import _
from ...present.viewmodel import measure
from ...present.why import AGAINST_HISTORY, AGAINST_PREVIOUS, WhyView
from .. import draw
from ..hints import Hint, hints_height, paint_hints
from ..scene import Scene


class WhyScene(WhyView, Scene):
    modal = True
    title = "why"

    def __init__(self, app, year: int | None = None, metric: str = EXPLAINED_METRICS[0],
                 against: str = AGAINST_PREVIOUS):
        Scene.__init__(self, app)
        WhyView.__init__(self, app.ctx, year, metric, against)
        self.cramped = False     # too little room for the note under the bars: it is a page of its own
        self.row_fonts: list = []
        self.reading = False     # that page is shown

    def show(self, metric: str | None = None, against: str | None = None) -> None:
        if self.choose(metric, against):
            self.relayout()

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        width = min(w - 2 * s.gap, s.px(1100))
        height = h - 2 * s.gap
        self.box = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        bar = draw.panel_bar_height(s, self.heading(), width)
        inner = pygame.Rect(self.box.left + 2 * s.gap, self.box.top + bar + s.gap, width - 4 * s.gap,
                            height - bar - 2 * s.gap)
        bh = s.button_height()
        self.cramped = True   # reserve the hints' room as if the note had a page of its own
        hint_h = hints_height(s, width - 4 * s.gap, self.hints())
        self.hint_rect = pygame.Rect(inner.left, inner.bottom - hint_h, inner.width, hint_h)
        labels = [f"{i + 1} {measure(m).label}" for i, m in enumerate(EXPLAINED_METRICS)]
        self.metric_labels = labels
        self.metric_rects = self.button_grid_rects(pygame.Rect(inner.left, inner.top, inner.width, bh), labels)
        compare_top = max(r.bottom for r in self.metric_rects) + s.gap
        self.compare_rects = self.button_grid_rects(pygame.Rect(inner.left, compare_top, inner.width, bh),
                                                    [label for _key, label in self.compare_labels()])
        top = max(r.bottom for r in self.compare_rects) + s.gap
        self.body = pygame.Rect(inner.left, top, inner.width, self.hint_rect.top - s.gap - top)

    def build(self) -> None:
        for metric, label, rect in zip(EXPLAINED_METRICS, self.metric_labels, self.metric_rects, strict=True):
            self.button(f"metric:{metric}", rect, label, lambda m=metric: self.show(metric=m),
                        object_id="#primary" if metric == self.metric else "#quiet")
        actions = {"previous": (lambda: self.show(against=AGAINST_PREVIOUS), self._can_compare(AGAINST_PREVIOUS)),
                   "history": (lambda: self.show(against=AGAINST_HISTORY), True), "back": (self.back, True)}
        entries = [(key, label, *actions[key]) for key, label in self.compare_labels()]
        for (key, label, action, enabled), rect in zip(entries, self.compare_rects, strict=True):
            chosen = key == self.against
            self.button(key, rect, label, action, enabled=enabled,
                        object_id="#primary" if chosen else "#quiet")
        if self.focus_key is None:
            self.focus_key = f"metric:{self.metric}"

    def compare_labels(self) -> list[tuple[str, str]]:
        return [("previous", _("Against {year}  [P]").format(year=self.year - 1)),
                ("history", _("Against history's {year}  [H]").format(year=self.year)),
                ("back", _("Back  [Esc]"))]

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.panel(canvas, s, self.box, self.heading(), accent=True)
        e = self.explanation
        body = self.body
        small, bodyf, bold = s.fonts["small"], s.fonts["body"], s.fonts["body_bold"]
        if e is None:
            draw.paragraph(canvas, bodyf, _("History's game ended before {year}: nothing to compare.").format(
                year=self.year), body, p.ink)
            paint_hints(canvas, s, self.hint_rect, self.hints())
            return
        summary = self.summary()
        total_h = bold.get_linesize() + s.px(10)
        row_min = bodyf.get_linesize() + s.px(8)
        # The summary and the note above and below the bars where there is room; shorter, then on a
        # page of their own (PgDn) where they would crowd the bars out.
        self.cramped = False
        need = min(4, len(self.rows())) * row_min    # room for a few bars at least
        for summary_shown, note in ((True, self.note()), (True, self.note(short=True)), (True, ""), (False, "")):
            summary_h = draw.text_height(bold, summary, body.width) + s.gap if summary_shown else 0
            note_h = draw.text_height(small, note, body.width) if note else 0
            room = body.bottom - body.top - summary_h - note_h - total_h - s.gap
            if room >= need:
                break
        if not note:
            self.cramped = True
            if self.reading:
                blocks = [draw.Block("body_bold", summary, "ink", 0), draw.Block("small", self.note(), "muted", 0.5)]
                draw.TextView(s, blocks, body.width).draw(canvas, body)
                paint_hints(canvas, s, self.hint_rect, self.hints())
                return
        if summary_shown:
            draw.paragraph(canvas, bold, summary, pygame.Rect(body.left, body.top, body.width, summary_h - s.gap),
                           p.ink)
        y = body.top + summary_h
        fonts = [bodyf, small]
        if room // row_min < 3:    # a low window: the bars in small type
            row_min, fonts = small.get_linesize() + s.px(4), [small]
        # The labels as wide as the widest needs, up to 60 % of the width; a row is as tall as its
        # label wrapped (never cut).
        labels = [label for label, _v in self.rows()] + [_("The change"),
                                                          _("{n} smaller causes together").format(n=10)]
        label_w = min(int(body.width * 0.6), max(int(body.width * 0.42),
                                                 max(fonts[-1].size(label)[0] for label in labels) + s.gap))
        row_min = max(row_min, max(draw.label_height(fonts, label, label_w - s.gap) for label in labels) + s.px(4))
        rows = self.rows(max(2, room // row_min))
        row_h = max(row_min, min(s.px(44), room // max(1, len(rows))))
        self.row_fonts = fonts
        value_w = max(bold.size(format_value(v, e.unit))[0] for _l, v in [*rows, ("", e.change)]) + s.gap
        bar_area = pygame.Rect(body.left + label_w, y, body.width - label_w - value_w, row_h)
        scale = max([abs(v) for _l, v in rows] + [abs(e.change), 1e-12])
        zero_x = bar_area.centerx
        for label, value in rows:
            self._paint_row(canvas, label, value, pygame.Rect(body.left, y, body.width, row_h), label_w, value_w,
                            zero_x, bar_area.width // 2, scale, e.unit, label == _(REMAINDER_LABEL))
            y += row_h
        pygame.draw.line(canvas, p.ink, (body.left, y + s.px(2)), (body.right, y + s.px(2)), s.rule)
        self._paint_row(canvas, _("The change"), e.change, pygame.Rect(body.left, y + s.px(6), body.width, total_h),
                        label_w, value_w, zero_x, bar_area.width // 2, scale, e.unit, False, strong=True)
        y += total_h + s.gap
        if note:
            draw.paragraph(canvas, small, note, pygame.Rect(body.left, y, body.width, note_h), p.muted)
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def _paint_row(self, canvas, label: str, value: float, rect: pygame.Rect, label_w: int, value_w: int,
                   zero_x: int, half: int, scale: float, unit: str, remainder: bool, strong: bool = False) -> None:
        s = self.style
        p = s.palette
        fonts = [s.fonts["body_bold"], s.fonts["small"]] if strong else self.row_fonts
        draw.label(canvas, fonts, label, pygame.Rect(rect.left, rect.top, label_w - s.gap, rect.height),
                   p.muted if remainder else p.ink)
        length = int(half * abs(value) / scale)
        bar = pygame.Rect(zero_x if value >= 0 else zero_x - length, rect.top + rect.height // 4, length,
                          rect.height // 2)
        colour = p.ink if strong else (p.rule if remainder else (p.red if value > 0 else p.good))
        if length:
            pygame.draw.rect(canvas, colour, bar)
        pygame.draw.line(canvas, p.ink, (zero_x, rect.top + 2), (zero_x, rect.bottom - 2), 1)
        value_font = s.fonts["body_bold"] if strong or len(self.row_fonts) > 1 else s.fonts["small_bold"]
        draw.text(canvas, value_font, format_value(value, unit), (rect.right, rect.centery), p.ink, "midright")

    def hints(self) -> list[Hint]:
        reading = [Hint("PgUp/PgDn", _("the bars or how to read them"), "scroll")] if self.cramped else []
        return reading + [Hint(f"1-{len(EXPLAINED_METRICS)}", _("the figure"), "figure"),
                Hint("P", _("against the year before"), "previous"),
                Hint("H", _("against history"), "history"), Hint("Esc", _("back"), "back")]

    # -- input -----------------------------------------------------------------------------------
    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(EXPLAINED_METRICS):
            self.show(metric=EXPLAINED_METRICS[number - 1])
            self.focus_key = f"metric:{self.metric}"
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_p:
            self.show(against=AGAINST_PREVIOUS)
            return True
        if event.key == pygame.K_h:
            self.show(against=AGAINST_HISTORY)
            return True
        return False

    def on_scroll(self, lines: int) -> bool:
        if not self.cramped:
            return False
        self.reading = not self.reading
        self.refresh()
        return True

    def back(self) -> None:
        self.app.pop()
