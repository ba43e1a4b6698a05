"""Directives: the year's levers, and a forecast of what they are likely to bring.

Levers the player holds are sliders and selectors; the others are shown as what the default
policy (history) does. The labour shares and the investment split are linked: they always sum
to 100 %. The forecast (the model over many weather draws) is recomputed a moment after the
levers stop moving, not on every frame. Every lever's glossary entry is its tooltip and, for
keyboard players, shows in the help box when the lever has the focus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from ...model import DirectiveError
from ...model.levers import BY_ID, LEVER_OF_FIELD, LEVERS, Control
from ...present.context import Draft
from ...present.i18n import N_, _
from ...present.shares import rebalance
from ...present.viewmodel import (
    FORECAST_LABELS,
    FORECAST_ROWS,
    investment_built,
    labour_arrived,
    measure,
)
from .. import draw, outlook_panel
from ..hints import Hint, paint_hints
from ..layout import flow_groups
from ..scene import Scene, SliderItem
from .common import game_frame, paint_game_ledger, paint_heading

FORECAST_DRAWS = 60
MORE_LEVERS = Hint("PgUp/PgDn", "more levers", "scroll")
MORE_FORECAST = Hint("F", "more of the forecast", "forecast")
FORECAST_DELAY_S = 0.15

OUTLOOK_HINTS = {"forecast": N_("outlook to the plan's end"), "outlook": N_("outlook to the last year"),
                 "outlook_all": N_("this year's forecast")}
REPRESSION_NAMES = {"lenient": N_("lenient"), "normal": N_("normal"), "harsh": N_("harsh"), "terror": N_("terror")}


@dataclass
class Row:
    """One control of a section: a slider, a selector or a button."""

    key: str
    label: str
    kind: str                       # slider | choice | button | note (a line of text, no control)
    value: Callable[[], float] = lambda: 0.0
    text: Callable[[], str] = lambda: ""
    on_change: Callable = lambda v: None
    value_range: tuple[float, float] = (0.0, 100.0)
    step: float = 1.0
    options: tuple[str, ...] = ()
    action: Callable[[], None] = lambda: None
    lever: str = ""                 # a glossary entry of its own (dekulakization), else the section's


@dataclass
class Section:
    lever: str
    title: str
    rows: list[Row] = field(default_factory=list)
    held: bool = True
    summary: str = ""               # what history does, for a lever the player does not hold


@dataclass
class Placed:
    section: Section
    heading: pygame.Rect
    rows: list[tuple[Row, pygame.Rect]]
    summary: pygame.Rect | None
    page: int


def forecast_figures(spec, band) -> str:
    """"58.7 (51.8–71.2) Mt": the median, then the range, then the unit once."""
    if spec.number(band.low) == spec.number(band.high):  # never "6.6 (6.6–6.6)": one figure
        return spec.format(band.median)
    unit = spec.format(band.median)[len(spec.number(band.median)):]
    numbers = [spec.number(v) for v in (band.median, band.low, band.high)]
    for word in (" million", " thousand"):  # "2.18 (2.15–3.47) million", the word once
        if all(n.endswith(word) for n in numbers):
            numbers = [n.removesuffix(word) for n in numbers]
            unit = word + unit
            break
    median, low, high = numbers
    return f"{median} ({low}–{high}){unit}"


class DirectivesScene(Scene):
    title = "directives"

    def __init__(self, app):
        super().__init__(app)
        self.draft: Draft = self.ctx.ensure_draft()
        self.page = 0
        self.forecast: dict | None = None
        self.forecast_error = ""
        self.forecast_due: float | None = 0.0
        self.targets_shown = False
        self.slider_rows: dict[str, Row] = {}
        self.side_mode = "forecast"            # forecast | outlook (to the plan's end) | outlook_all (to the end)
        self.outlook: outlook_panel.OutlookPanel | None = None
        self.opening = self._directives_or_none()   # the outlook's deltas are against these

    @property
    def ctx(self):
        return self.app.ctx

    # -- the levers: one section per lever of the model's table, one row per control -----------
    def sections(self) -> list[Section]:
        ctx = self.ctx
        default = Draft.from_directives(ctx.default_directives())
        sections = []
        for lever in LEVERS:
            if lever.id == "targets" and not ctx.plan_starts_now:
                continue
            rows = [row for control in lever.controls for row in self._rows(control)]
            if lever.id == "labor" and (arrived := labour_arrived(ctx)) is not None:
                rows.append(Row("labor:arrived", arrived, "note"))
            if lever.id == "investment_rate" and (built := investment_built(ctx)) is not None:
                rows.append(Row("investment_rate:built", built, "note"))
            summary = "; ".join(self._summary(control, default[control.field]) for control in lever.controls)
            sections.append(Section(lever.id, self.term(lever.id), rows, ctx.holds(lever.id), summary))
        return sections

    def _rows(self, control: Control) -> list[Row]:
        d = self.draft
        field = control.field
        lever_help = control.glossary
        if control.kind == "number":
            scale = 100.0 if control.unit == "%" else 1.0
            low, high = self.ctx.world.lever_range(field, control.low, control.high)
            return [Row(field, self._number_label(control), "slider", value=lambda: scale * d[field],
                        text=lambda: self._number_text(control, d[field]),
                        on_change=lambda v: self.set_number(control, v / scale),
                        value_range=(scale * low, scale * high), step=scale * control.step, lever=lever_help)]
        if control.kind == "shares":
            return [Row(f"{field}:{part}", _(label), "slider", value=lambda i=i: 100 * d[field][i],
                        text=lambda i=i: f"{100 * d[field][i]:.0f} %",
                        on_change=lambda v, i=i: self.set_share(field, i, v), lever=lever_help)
                    for i, (part, label) in enumerate(control.parts)]
        if control.kind in ("switch", "level"):
            options = ("off", "on") if control.kind == "switch" else control.levels
            row_label = self.term(control.glossary) if control.glossary else _(control.label)
            return [Row(field, row_label, "choice", options=options, value=lambda: int(d[field]),
                        on_change=lambda i: self.set_choice(control, i), lever=lever_help)]
        action = self.open_projects if control.kind == "projects" else self.open_targets
        return [Row(field, "", "button", action=action, lever=lever_help)]

    def _number_label(self, control: Control) -> str:
        """The control's label; the collectivization target's says where the countryside stands,
        since a target below that level dissolves collective farms."""
        if control.field == "collectivization_target":
            return _("{label} (now {level:.0f} %)").format(label=_(control.label),
                                                           level=100 * self.ctx.collectivization_now)
        return _(control.label)

    @staticmethod
    def _number_text(control: Control, value: float) -> str:
        if control.unit == "%":
            return f"{100 * value:.0f} %"
        digits = 0 if control.step >= 1 else (1 if control.step >= 0.1 else 2)
        return f"{value:.{digits}f} {_(control.unit)}".strip()

    def _summary(self, control: Control, value) -> str:
        """What the default policy (history) does with a control, in words."""
        if control.kind == "number":
            text = self._number_text(control, value).replace(" %", "\u00a0%")
            return text if len(self._lever_of(control).controls) == 1 else f"{_(control.label)} {text}"
        if control.kind == "shares":
            return ", ".join(f"{_(label)} {100 * share:.0f}\u00a0%" for (_part, label), share
                             in zip(control.parts, value, strict=True))
        if control.kind == "switch":
            return f"{self.term(control.glossary) if control.glossary else _(control.label)} " \
                   f"{_('on') if value else _('off')}"
        if control.kind == "level":
            return _(REPRESSION_NAMES.get(control.levels[int(value)], control.levels[int(value)]))
        if control.kind == "projects":
            return ", ".join(self.project_name(p) for p in sorted(value)) or _("none started this year")
        return _("history's targets for {plan}").format(plan=self.ctx.plan.name)

    @staticmethod
    def _lever_of(control: Control):
        return BY_ID[LEVER_OF_FIELD[control.field]]

    def term(self, lever: str) -> str:
        entry = self.ctx.scenario.glossary.get(lever)
        return entry.term if entry else lever.replace("_", " ").capitalize()

    def help_for(self, lever: str) -> str:
        entry = self.ctx.scenario.glossary.get(lever)
        return f"{entry.term}: {entry.text}" if entry else ""

    def project_name(self, project_id: str) -> str:
        project = self.ctx.world.project(project_id)
        return project.name.split(" (")[0] if project else project_id

    # -- layout: sections flow into columns, columns into pages --------------------------------------
    def labels(self) -> list[str]:
        return [_("Back  [Esc]"), _("History's values  [R]"), _("Last year's  [L]"), _("Play the year  [P]")]

    def layout(self) -> None:
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, _("Directives for {year}").format(year=self.ctx.year),
                                buttons=self.labels(), hints=self.hints(), hint_reserve=[MORE_LEVERS, MORE_FORECAST])
        body = self.frame.body
        right_w = max(s.px(300), int(body.width * 0.36))
        if body.width - right_w - s.gap < s.px(320):
            right_w = max(s.px(220), int(body.width * 0.40))
        self.side = pygame.Rect(body.right - right_w, body.top, right_w, body.height)
        levers = pygame.Rect(body.left, body.top, body.width - right_w - s.gap, body.height)
        self.levers_rect = levers
        self.pager_rect = pygame.Rect(levers.left, levers.bottom - s.button_height(), levers.width,
                                      s.button_height())
        self.placed = self._flow(self.sections(), levers)
        self.pages = max(p.page for p in self.placed) + 1 if self.placed else 1
        self.page_button = False
        if self.pages > 1:  # leave room for the page switch (a button, or in a low window its cue), flow again
            tallest = max(r.height for placed in self.placed for _row, r in placed.rows) if self.placed else 0
            self.page_button = levers.height - s.button_height() - s.gap >= 2 * tallest + s.fonts.line("h3")
            levers.height -= (s.button_height() if self.page_button else draw.pager_height(s)) + s.gap
            self.pager_rect = pygame.Rect(levers.left, levers.bottom + s.gap, levers.width,
                                          s.button_height() if self.page_button else draw.pager_height(s))
            self.placed = self._flow(self.sections(), levers)
            self.pages = max(p.page for p in self.placed) + 1
        self.page = min(self.page, self.pages - 1)
        self._lay_out_side()

    def _lay_out_side(self) -> None:
        """The forecast first, whole if it can be (else in pages: F turns them); the help about
        the focused lever below it when there is room for a few lines (else H opens it, and the
        tooltip shows it)."""
        s = self.style
        side = self.side
        title = _("Forecast for {year}").format(year=self.ctx.year)
        bar = draw.panel_bar_height(s, title, side.width)
        inner_w = side.width - 2 * s.gap
        self.forecast_intro = _("{n} weather draws: band = 8 in 10, bar = median, ring = last year").format(
            n=FORECAST_DRAWS)
        intro_h = draw.text_height(s.fonts["small"], self.forecast_intro, inner_w) + s.px(2)
        self.band_row_h = self._band_row_height(inner_w)
        items = [self.band_row_h] * len(FORECAST_ROWS) + [intro_h]  # the figures first, the legend last
        needed = bar + s.px(6) + sum(items) + s.gap
        help_title = _("About this lever")
        help_min = draw.panel_bar_height(s, help_title, side.width) + s.px(6) + 3 * s.fonts.line("small") + s.gap
        if needed + s.gap + help_min <= side.height:
            forecast_h = needed
            self.help_rect = pygame.Rect(side.left, side.top + forecast_h + s.gap, side.width,
                                         side.height - forecast_h - s.gap)
        else:
            forecast_h = side.height
            self.help_rect = None
        self.forecast_rect = pygame.Rect(side.left, side.top, side.width, forecast_h)
        view = forecast_h - bar - s.px(6) - s.gap // 2
        if needed > forecast_h:
            view -= draw.pager_height(s)
        self.forecast_pages = draw.Pager.pages(items, view)  # a row per figure, then the legend
        self.forecast_page = min(getattr(self, "forecast_page", 0), len(self.forecast_pages) - 1)

    def _band_row_height(self, width: int) -> int:
        s = self.style
        return s.fonts.line("body_bold") + s.px(1) + s.px(10) + s.px(4)

    def _row_label_width(self, col_w: int) -> int:
        return int(col_w * 0.38)

    def _value_width(self) -> int:
        """The width of the widest figure a slider can show (never cut: the slider gives way)."""
        s = self.style
        bold = s.fonts["body_bold"]
        widest = bold.size("100 %")[0]
        for section in self.sections():
            for row in section.rows:
                if row.kind == "slider":
                    widest = max(widest, bold.size(row.text())[0], bold.size(row.text().replace("0", "8"))[0])
        return widest + s.px(8)

    def _flow(self, sections: list[Section], area: pygame.Rect) -> list[Placed]:
        s = self.style
        columns = max(1, min(2, area.width // s.px(360)))
        col_w = (area.width - (columns - 1) * s.gap) // columns
        self.value_w = self._value_width()
        label_w = self._row_label_width(col_w)
        groups = []
        for section in sections:
            head_h = draw.label_height([s.fonts["h3"], s.fonts["body_bold"]], section.title, col_w - s.px(12)) + s.px(6)
            if section.held:
                heights = [self._held_row_height(row, label_w, col_w) for row in section.rows]
            else:  # a lever the player does not hold: what history does, a line per row (it may go on)
                lines = draw.wrap(s.fonts["body"], self._summary_text(section), col_w)
                heights = [s.fonts.line("body")] * len(lines)
                heights[-1] += s.px(6)
            groups.append((head_h, heights))
        pages = flow_groups(groups, columns, area.height, s.px(8))
        placed: list[Placed] = []
        for page_index, page in enumerate(pages):
            for column, parts in enumerate(page):
                x = area.left + column * (col_w + s.gap)
                y = area.top
                for group, rows, _continued in parts:
                    section = sections[group]
                    head_h, heights = groups[group]
                    heading = pygame.Rect(x, y, col_w, head_h)
                    y += head_h
                    placed_rows = []
                    summary = None
                    for index in rows:
                        if section.held:
                            placed_rows.append((section.rows[index], pygame.Rect(x, y, col_w, heights[index] - s.px(6))))
                        else:
                            summary = (rows, pygame.Rect(x, y - (index - rows.start) * s.fonts.line("body"), col_w,
                                                         sum(heights[i] for i in rows)))
                        y += heights[index]
                    placed.append(Placed(section, heading, placed_rows, summary, page_index))
                    y += s.px(8)
        return placed

    def _held_row_height(self, row: Row, label_w: int, col_w: int) -> int:
        s = self.style
        if row.kind == "button":
            return s.button_height() + s.px(6)
        if row.kind == "note":   # a line of what last year's orders achieved, under the sliders
            return draw.text_height(s.fonts["small"], row.label, col_w - s.px(12)) + s.px(6)
        return max(s.button_height(), draw.label_height([s.fonts["body"], s.fonts["small"]], row.label,
                                                        label_w - s.px(14))) + s.px(6)

    def _summary_text(self, section: Section) -> str:
        return _("History: {what}").format(what=section.summary)

    def build(self) -> None:
        self.slider_rows.clear()
        for placed in self.placed:
            if placed.page != self.page:
                continue
            for row, rect in placed.rows:
                self._build_row(row, rect, self.help_for(row.lever or placed.section.lever))
        if self.pages > 1 and self.page_button:
            self.button("page", self.pager_rect, _("More levers: page {n} of {total}  [PgDn]").format(
                n=self.page + 1, total=self.pages), self.next_page, object_id="#quiet")
        entries = [("back", self.back, "#quiet"), ("history", self.reset_to_history, "#quiet"),
                   ("repeat", self.repeat_last_year, "#quiet"), ("play", self.play, "#primary")]
        for (key, action, object_id), label, rect in zip(entries, self.labels(), self.frame.button_rects, strict=True):
            self.button(key, rect, label, action, object_id=object_id,
                        enabled=key != "repeat" or bool(self.ctx.session.game.commands))

    def _build_row(self, row: Row, rect: pygame.Rect, help_text: str) -> None:
        if row.kind == "note":
            return
        s = self.style
        label_w = self._row_label_width(rect.width)
        control_h = min(rect.height, s.button_height())
        control = pygame.Rect(rect.left + label_w, rect.top + (rect.height - control_h) // 2,
                              rect.width - label_w - self.value_w, control_h)
        if row.kind == "slider":
            self.slider(row.key, control, row.value(), row.value_range, row.on_change, row.step,
                        tooltip=help_text, help_text=help_text)
            self.slider_rows[row.key] = row
        elif row.kind == "choice":
            options = row.options
            self.choice(row.key, pygame.Rect(control.left, control.top, control.width + self.value_w, control.height),
                        options, int(row.value()), row.on_change,
                        lambda i, o=options: _(REPRESSION_NAMES.get(o[i], o[i])) + "  ‹ ›",
                        tooltip=help_text, help_text=help_text)
        else:
            label = self._button_label(row.key)
            self.button(row.key, rect, label, row.action, tooltip=help_text, help_text=help_text)

    def _button_label(self, key: str) -> str:
        if key == "projects":
            count = len(self.draft.projects)
            return _("Projects: {n} to start this year  »").format(n=count)
        return _("Set the plan's targets  »")

    def hints(self) -> list[Hint]:
        hints = [Hint("Tab/arrows", _("move"), "move"), Hint("Left/Right", _("adjust (Shift: faster)"), "adjust"),
                 Hint("P", _("play the year"), "play"), Hint("R", _("history's values"), "reset"),
                 Hint("H", _("about this lever"), "open:info")]
        if getattr(self, "pages", 1) > 1:
            hints.append(MORE_LEVERS)
        if len(getattr(self, "forecast_pages", ())) > 1 and self.side_mode == "forecast":
            hints.append(Hint("F", _("more of the forecast"), "forecast"))  # as MORE_FORECAST
        if self.outlook is not None and self.outlook.pages > 1:
            hints.append(Hint("F", _("more of the outlook"), "forecast"))
        hints.append(Hint("O", _(OUTLOOK_HINTS[self.side_mode]), "toggle"))
        return hints + [Hint("Esc", _("back"), "back")]

    # -- painting ------------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Directives for {year}").format(year=self.ctx.year))
        for placed in self.placed:
            if placed.page == self.page:
                self._paint_section(canvas, placed)
        if self.pages > 1 and not self.page_button:
            draw.page_cue(canvas, s, self.pager_rect, self.page, self.pages)
        if self.outlook is not None:   # the outlook takes the whole side: its rows are two lines each
            outlook_panel.paint(canvas, s, self.side, self.outlook)
        else:
            self.paint_forecast(canvas)
            self.paint_help(canvas)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def _paint_section(self, canvas: pygame.Surface, placed: Placed) -> None:
        s = self.style
        p = s.palette
        section = placed.section
        head = placed.heading
        colour = p.ink if section.held else p.muted
        pygame.draw.rect(canvas, p.red if section.held else p.rule, (head.left, head.top + s.px(3), s.px(6),
                                                                     head.height - s.px(8)))
        draw.label(canvas, [s.fonts["h3"], s.fonts["body_bold"]], section.title,
                   pygame.Rect(head.left + s.px(12), head.top, head.width - s.px(12), head.height - s.px(6)), colour,
                   valign="top")
        if not section.held:
            if placed.summary is not None:
                rows, rect = placed.summary
                lines = draw.wrap(s.fonts["body"], self._summary_text(section), rect.width)
                for number, index in enumerate(rows):
                    draw.text(canvas, s.fonts["body"], lines[index], (rect.left, rect.top + number * s.fonts.line("body")),
                              p.muted)
            return
        for row, rect in placed.rows:
            if row.kind == "button":
                continue
            if row.kind == "note":
                draw.paragraph(canvas, s.fonts["small"], row.label,
                               pygame.Rect(rect.left + s.px(12), rect.top, rect.width - s.px(12), rect.height), p.muted)
                continue
            label_w = self._row_label_width(rect.width)
            draw.label(canvas, [s.fonts["body"], s.fonts["small"]], row.label,
                       pygame.Rect(rect.left + s.px(12), rect.top, label_w - s.px(14), rect.height), p.ink)
            if row.kind == "slider":
                draw.text(canvas, s.fonts["body_bold"], row.text(), (rect.right, rect.centery), p.ink, "midright")

    def paint_forecast(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.forecast_rect, _("Forecast for {year}").format(year=self.ctx.year),
                           accent=True)
        small, body = s.fonts["small"], s.fonts["body"]
        page = self.forecast_pages[self.forecast_page]
        y = inner.top
        legend = len(FORECAST_ROWS)
        if self.forecast_error:
            blocks = [draw.Block("body", self.forecast_error, "red", 0)]
            area = pygame.Rect(inner.left, y, inner.width - s.px(14), inner.bottom - y)
            draw.TextView(s, blocks, area.width).draw(canvas, area)
            return
        if self.forecast is None:
            draw.text(canvas, body, _("Calculating…"), (inner.left, y + s.gap), p.muted)
            return
        last = self.ctx.session.records[-1] if self.ctx.session.records else None
        rows = [m for m in FORECAST_ROWS if m in self.forecast]
        for index in page:
            if index == legend:
                intro_h = draw.text_height(small, self.forecast_intro, inner.width)
                y = draw.paragraph(canvas, small, self.forecast_intro, pygame.Rect(inner.left, y, inner.width,
                                                                                   intro_h), p.muted) + s.px(2)
            elif index < len(rows):
                self._paint_band(canvas, rows[index], pygame.Rect(inner.left, y, inner.width, self.band_row_h), last)
                y += self.band_row_h
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, self.forecast_page, len(self.forecast_pages))

    def _paint_band(self, canvas: pygame.Surface, metric: str, rect: pygame.Rect, last: dict | None) -> None:
        s = self.style
        p = s.palette
        band = self.forecast[metric]
        spec = measure(metric)
        label = _(FORECAST_LABELS.get(metric, spec.name))
        figures = forecast_figures(spec, band)
        label_w = min(s.fonts["small"].size(label)[0], rect.width // 3)
        bold = draw.fitting([s.fonts["body_bold"], s.fonts["small_bold"]], figures, rect.width - label_w - s.gap) \
            or s.fonts["small_bold"]
        figures_w = bold.size(figures)[0]
        room = rect.width - figures_w - s.gap
        label_font = draw.fitting([s.fonts["body"], s.fonts["small"]], label, room)
        if label_font is None and spec.label != label:  # the rule: the metric's own shorter name
            label = spec.label
            label_font = draw.fitting([s.fonts["body"], s.fonts["small"]], label, room)
        label_font = label_font or s.fonts["small"]
        line_h = s.fonts.line("body_bold")
        draw.text(canvas, label_font, label, (rect.left, rect.top + (line_h - label_font.get_linesize()) // 2),
                  p.ink, width=max(0, rect.width - figures_w - s.gap))
        draw.text(canvas, bold, figures, (rect.right, rect.top + (line_h - bold.get_linesize()) // 2), p.ink,
                  "topright")
        bold = s.fonts["body_bold"]
        previous = last.get(metric) if last else None
        top = max(band.high, previous or 0.0)
        axis_top = 1.0 if metric in ("share_below_subsistence", "unrest") and top <= 1.0 else top * 1.15 or 1.0
        bar = pygame.Rect(rect.left, rect.top + bold.get_linesize() + s.px(1), rect.width, s.px(10))
        draw.band_bar(canvas, s, bar, band.low, band.median, band.high, 0.0, axis_top, previous)

    def paint_help(self, canvas: pygame.Surface) -> None:
        if self.help_rect is None:
            return
        s = self.style
        inner = draw.panel(canvas, s, self.help_rect, _("About this lever"))
        area = pygame.Rect(inner.left, inner.top, inner.width - s.px(14), inner.height)
        draw.TextView(s, [draw.Block("small" if self.help_rect.height < s.px(200) else "body", self.help_text())],
                      area.width).draw(canvas, area)

    def help_text(self) -> str:
        item = self.focused
        if item is not None and item.help_text:
            return item.help_text
        return _("Move to a lever to read what it means (H shows it whole). Levers in grey are not yours in this "
                 "scenario: they follow what history did.")

    def show_help(self) -> None:
        """H: what the focused lever means, whole, in a window of its own."""
        from .info import InfoScene

        title = _("About this lever")
        self.app.push(InfoScene(self.app, title, [draw.Block("body", self.help_text(), "ink", 0)]))

    # -- updates -------------------------------------------------------------------------------------
    def on_resume(self) -> None:
        self.draft = self.ctx.ensure_draft()
        self.forecast_due = time.monotonic()

    def update(self, dt: float) -> None:
        if (self.ctx.sets_targets_now() and not self.targets_shown and self.app.top is self):
            self.targets_shown = True
            self.open_targets()
            return
        if self.forecast_due is not None and time.monotonic() >= self.forecast_due:
            self.forecast_due = None
            self.compute_forecast()
            self._aim_outlook()
            self.refresh()
            return
        self._step_outlook()

    def _directives_or_none(self):
        try:
            return self.ctx.directives()
        except DirectiveError:
            return None

    # -- the outlook: where the directives lead, a few weather draws a frame ---------------------------
    def toggle_outlook(self) -> None:
        """O: the one-year forecast -> the outlook to the plan's end -> to the last year -> back."""
        order = ["forecast", "outlook", "outlook_all"]
        self.side_mode = order[(order.index(self.side_mode) + 1) % len(order)]
        self.outlook = None
        if self.side_mode != "forecast" and self.opening is not None:
            self.outlook = outlook_panel.OutlookPanel(self.ctx, to_last_year=self.side_mode == "outlook_all")
            self.outlook.begin(self.opening)
            self._aim_outlook()
        self.refresh()

    def _aim_outlook(self) -> None:
        directives = self._directives_or_none()
        if self.outlook is not None and directives is not None:
            self.outlook.aim(directives)

    def _step_outlook(self) -> None:
        if self.outlook is None or self.outlook.complete:
            return
        before = self.outlook.now.done if self.outlook.now is not None else 0
        self.outlook.step()
        done = self.outlook.now.done if self.outlook.now is not None else 0
        # Repaint every few draws and at the end: a repaint costs more than a draw.
        if self.outlook.complete or done // 6 != before // 6:
            self.refresh()

    def compute_forecast(self) -> None:
        try:
            self.forecast = self.ctx.session.game.forecast(self.ctx.directives(), draws=FORECAST_DRAWS)
            self.forecast_error = ""
        except DirectiveError as exc:
            self.forecast, self.forecast_error = None, exc.message

    def changed(self) -> None:
        """A lever moved: show its new value now, the forecast a moment after the levers rest."""
        self.forecast_due = time.monotonic() + FORECAST_DELAY_S
        for item in self.items:
            if isinstance(item, SliderItem) and item.key in self.slider_rows:
                value = self.slider_rows[item.key].value()
                if abs(item.value - value) > 1e-9:
                    item.element.set_current_value(value)
        self.refresh()

    def help_changed(self) -> None:
        if self.active:
            self.refresh()

    def set_share(self, field: str, index: int, percent: float) -> None:
        self.draft[field] = rebalance(self.draft[field], index, percent / 100)
        self.changed()

    def set_number(self, control: Control, value: float) -> None:
        low, high = self.ctx.world.lever_range(control.field, control.low, control.high)
        self.draft[control.field] = min(high, max(low, value))
        self.changed()

    def set_choice(self, control: Control, index: int) -> None:
        self.draft[control.field] = bool(index) if control.kind == "switch" else index
        self.changed()

    # -- actions -------------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_p:
            self.play()
        elif key == pygame.K_h:
            self.show_help()
        elif key == pygame.K_o:
            self.toggle_outlook()
        elif key == pygame.K_f and self.outlook is not None and self.outlook.pages > 1:
            self.outlook.page = (self.outlook.page + 1) % self.outlook.pages
            self.refresh()
        elif key == pygame.K_f and len(self.forecast_pages) > 1 and self.side_mode == "forecast":
            self.forecast_page = (self.forecast_page + 1) % len(self.forecast_pages)
            self.refresh()
        elif key == pygame.K_r:
            self.reset_to_history()
        elif key == pygame.K_l and self.ctx.session.game.commands:
            self.repeat_last_year()
        else:
            return False
        return True

    def on_scroll(self, lines: int) -> bool:
        if self.pages > 1:
            self.page = (self.page + (1 if lines > 0 else -1)) % self.pages
            self.focus_key = None
            self.relayout()
            return True
        return False

    def on_mouse(self, event: pygame.event.Event) -> bool:
        """A click on the page cue (in a window too low for the page button) turns the page."""
        if (getattr(event, "button", 1) == 1 and self.pages > 1 and not self.page_button
                and self.pager_rect.collidepoint(event.pos)):
            self.next_page()
            return True
        return False

    def on_number(self, number: int) -> bool:
        """1-9: jump to the n-th lever shown."""
        sections = [p for p in self.placed if p.page == self.page and p.rows]
        if 1 <= number <= len(sections):
            self.focus(sections[number - 1].rows[0][0].key)
            return True
        return False

    def next_page(self) -> None:
        self.on_scroll(1)

    def reset_to_history(self) -> None:
        self.draft = self.ctx.history_draft()
        self.relayout()
        self.changed()

    def repeat_last_year(self) -> None:
        self.draft = self.ctx.repeat_last_year()
        self.relayout()
        self.changed()

    def open_projects(self) -> None:
        from .projects import ProjectsScene

        self.app.push(ProjectsScene(self.app))

    def open_targets(self) -> None:
        from .targets import TargetsScene

        self.app.push(TargetsScene(self.app))

    def play(self) -> None:
        from .. import saving
        from .report import ReportScene

        try:
            self.ctx.play_year()
        except DirectiveError as exc:  # the model refuses: say why, keep the draft
            self.forecast, self.forecast_error = None, exc.message
            self.refresh()
            return
        problem = saving.after_command(self.ctx, played_year=True)
        if problem:
            self.app.notices.append(problem)
        self.app.replace(ReportScene(self.app, len(self.ctx.session.records) - 1, after_turn=True))

    def back(self) -> None:
        self.app.pop()
