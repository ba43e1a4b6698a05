"""Why did this happen? A headline figure's change in the last year played, cause by cause.

The model itself answers (game/headless/explain.py): the year is resolved again with each cause
alone set back to the comparison (the year before, or history's same year), and what the figure
loses is that cause's part. The causes act together in a non-linear model, so what they leave is
shown as it is, the remainder, and the parts and the remainder add up to the change exactly.

Keys: 1-5 the figure, P against the year before, H against history, Esc back.
"""

from __future__ import annotations

import math

import pygame

from ...headless.explain import (
    BY_CAUSE,
    EXPLAINED_METRICS,
    REMAINDER_LABEL,
    Explanation,
    explain,
    format_value,
    history_inputs,
    inputs_of_session,
)
from ...present.i18n import _
from ...present.viewmodel import measure
from .. import draw
from ..hints import Hint, hints_height, paint_hints
from ..scene import Scene

AGAINST_PREVIOUS, AGAINST_HISTORY = "previous", "history"


class WhyScene(Scene):
    modal = True
    title = "why"

    def __init__(self, app, year: int | None = None, metric: str = EXPLAINED_METRICS[0],
                 against: str = AGAINST_PREVIOUS):
        super().__init__(app)
        ctx = app.ctx
        self.inputs = inputs_of_session(ctx.session)
        self.year = year if year is not None else max(self.inputs)
        self.metric = metric
        self.against = against if self._can_compare(against) else AGAINST_HISTORY
        self._history: dict | None = None
        self.cramped = False     # too little room for the note under the bars: it is a page of its own
        self.row_fonts: list = []
        self.reading = False     # that page is shown
        self.explanation = self._explain()

    # -- the breakdown ---------------------------------------------------------------------------
    def _can_compare(self, against: str) -> bool:
        return against == AGAINST_HISTORY or self.year - 1 in self.inputs

    def _comparison(self):
        if self.against == AGAINST_PREVIOUS:
            return self.inputs[self.year - 1]
        if self._history is None:
            ctx = self.app.ctx
            self._history = history_inputs(ctx.campaign, ctx.session.seed)
        return self._history.get(self.year)

    def _explain(self) -> Explanation | None:
        comparison = self._comparison()
        if comparison is None:   # history's game ended before this year
            return None
        return explain(self.app.ctx.world, self.inputs[self.year], comparison, self.metric, self.against)

    def show(self, metric: str | None = None, against: str | None = None) -> None:
        if against is not None and not self._can_compare(against):
            return
        self.metric = metric or self.metric
        self.against = against or self.against
        self.explanation = self._explain()
        self.relayout()

    def rows(self, room: int | None = None) -> list[tuple[str, float]]:
        """The causes with a part, largest first, then the remainder; at most `room` rows: the
        smallest causes are then summed in one row, so the rows still add up to the change. Parts
        too small to show (under a ten-thousandth of the largest figure) count in the remainder."""
        e = self.explanation
        if e is None:
            return []
        scale = max([abs(e.change), *(abs(p.value) for p in e.parts), abs(e.remainder), 1e-12])
        shown = sorted((p for p in e.parts if abs(p.value) > 1e-4 * scale), key=lambda p: -abs(p.value))
        hidden = math.fsum(p.value for p in e.parts if abs(p.value) <= 1e-4 * scale)
        rows = [(_(BY_CAUSE[p.cause].label), p.value) for p in shown]
        if room is not None and len(rows) + 1 > room:
            keep = max(1, room - 2)
            rest = rows[keep:]
            rows = rows[:keep] + [(_("{n} smaller causes together").format(n=len(rest)),
                                   math.fsum(v for _label, v in rest))]
        return rows + [(_(REMAINDER_LABEL), e.remainder + hidden)]

    def quiet_causes(self) -> list[str]:
        e = self.explanation
        if e is None:
            return []
        shown = {label for label, _v in self.rows()}
        return [_(BY_CAUSE[p.cause].label) for p in e.parts if _(BY_CAUSE[p.cause].label) not in shown]

    # -- layout ----------------------------------------------------------------------------------
    def heading(self) -> str:
        return _("Why? {figure}, {year}").format(figure=measure(self.metric).label, year=self.year)

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

    def summary(self) -> str:
        e = self.explanation
        compared = (_("in {year}").format(year=self.year - 1) if e.against == AGAINST_PREVIOUS
                    else _("in history's {year}").format(year=self.year))
        text = _("{figure}: {value} in {year}, against {before} {compared}: a change of {change}.").format(
            figure=e.label, value=format_value(e.value, e.unit, False), year=self.year, compared=compared,
            before=format_value(e.compared, e.unit, False), change=format_value(e.change, e.unit))
        where = self.where()
        return f"{text} {where}" if where else text

    def where(self) -> str:
        """The figure's largest regional parts this year (for the figures the regions add up to)."""
        e = self.explanation
        if not e.regions or e.value <= 0:
            return ""
        named = [r for r in e.regions[:3] if r.value >= 0.05 * e.value]
        if not named:
            return ""
        parts = [f"{r.name} {format_value(r.value, e.unit, False)}" for r in named]
        rest = e.value - math.fsum(r.value for r in named)
        if rest >= 0.005 * e.value:
            parts.append(_("elsewhere {value}").format(value=format_value(rest, e.unit, False)))
        return _("Where: {regions}.").format(regions=", ".join(parts))

    def note(self, short: bool = False) -> str:
        if short:
            return _("Each bar: the figure as played minus the figure with that cause alone as {compared}; "
                     "with what the causes do together, they add up to the change.").format(
                compared=_("the year before") if self.against == AGAINST_PREVIOUS else _("in history's year"))
        quiet = self.quiet_causes()
        text = _("Each bar: how much the figure would have been lower (a bar to the right) or higher (to the "
                 "left) had that cause alone stayed as it was {compared}, the rest as you played it. The model "
                 "works the year out again for each. The causes also act on one another: what they do together "
                 "is the last bar, so the bars add up to the change exactly.").format(
            compared=_("the year before") if self.against == AGAINST_PREVIOUS else _("in history's year"))
        if quiet:
            text += " " + _("No part this year: {causes}.").format(causes="; ".join(quiet))
        return text

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
