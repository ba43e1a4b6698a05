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
from .. import draw
from ..context import Draft
from ..i18n import N_, _
from ..scene import Scene, SliderItem
from ..shares import rebalance
from ..viewmodel import FORECAST_LABELS, FORECAST_ROWS, measure
from .common import frame, paint_game_ledger, paint_heading, paint_hint

FORECAST_DRAWS = 60
FORECAST_DELAY_S = 0.15

REPRESSION_NAMES = {"lenient": N_("lenient"), "normal": N_("normal"), "harsh": N_("harsh"), "terror": N_("terror")}


@dataclass
class Row:
    """One control of a section: a slider, a selector or a button."""

    key: str
    label: str
    kind: str                       # slider | choice | button
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
    return f"{spec.number(band.median)} ({spec.number(band.low)}–{spec.number(band.high)}){unit}"


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
            return [Row(field, _(control.label), "slider", value=lambda: scale * d[field],
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
    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        right_w = max(s.px(330), int(body.width * 0.36))
        self.side = pygame.Rect(body.right - right_w, body.top, right_w, body.height)
        levers = pygame.Rect(body.left, body.top, body.width - right_w - s.gap, body.height)
        self.pager_rect = pygame.Rect(levers.left, levers.bottom - s.button_height(), levers.width,
                                      s.button_height())
        self.placed = self._flow(self.sections(), levers)
        self.pages = max(p.page for p in self.placed) + 1 if self.placed else 1
        if self.pages > 1:  # leave room for the page switch, then flow again
            levers.height -= s.button_height() + s.gap
            self.placed = self._flow(self.sections(), levers)
            self.pages = max(p.page for p in self.placed) + 1
        self.page = min(self.page, self.pages - 1)
        forecast_h = int(self.side.height * 0.66)
        self.forecast_rect = pygame.Rect(self.side.left, self.side.top, self.side.width, forecast_h)
        self.help_rect = pygame.Rect(self.side.left, self.forecast_rect.bottom + s.gap, self.side.width,
                                     self.side.bottom - self.forecast_rect.bottom - s.gap)

    def _flow(self, sections: list[Section], area: pygame.Rect) -> list[Placed]:
        s = self.style
        columns = max(1, min(2, area.width // s.px(360)))
        col_w = (area.width - (columns - 1) * s.gap) // columns
        head_h = s.fonts.line("h3") + s.px(6)
        row_h = s.button_height() + s.px(6)
        placed: list[Placed] = []
        page, column, y = 0, 0, area.top
        for section in sections:
            summary_h = draw.text_height(s.fonts["body"], self._summary_text(section), col_w) + s.px(6)
            height = head_h + (len(section.rows) * row_h if section.held else summary_h) + s.px(8)
            if y + height > area.bottom and y > area.top:
                column += 1
                y = area.top
                if column >= columns:
                    page, column = page + 1, 0
            x = area.left + column * (col_w + s.gap)
            heading = pygame.Rect(x, y, col_w, head_h)
            rows = []
            summary = None
            if section.held:
                for index, row in enumerate(section.rows):
                    rows.append((row, pygame.Rect(x, y + head_h + index * row_h, col_w, row_h - s.px(6))))
            else:
                summary = pygame.Rect(x, y + head_h, col_w, summary_h)
            placed.append(Placed(section, heading, rows, summary, page))
            y += height
        return placed

    def _summary_text(self, section: Section) -> str:
        return _("History: {what}").format(what=section.summary)

    def build(self) -> None:
        self.slider_rows.clear()
        for placed in self.placed:
            if placed.page != self.page:
                continue
            for row, rect in placed.rows:
                self._build_row(row, rect, self.help_for(row.lever or placed.section.lever))
        if self.pages > 1:
            self.button("page", self.pager_rect, _("More levers: page {n} of {total}  [PgDn]").format(
                n=self.page + 1, total=self.pages), self.next_page, object_id="#quiet")
        labels = [("back", _("Back  [Esc]"), self.back, "#quiet"),
                  ("history", _("History's values  [R]"), self.reset_to_history, "#quiet"),
                  ("repeat", _("Last year's  [L]"), self.repeat_last_year, "#quiet"),
                  ("play", _("Play the year  [P]"), self.play, "#primary")]
        rects = self.button_row(self.frame.buttons, len(labels))
        for (key, label, action, object_id), rect in zip(labels, rects, strict=True):
            self.button(key, rect, label, action, object_id=object_id,
                        enabled=key != "repeat" or bool(self.ctx.session.game.commands))

    def _build_row(self, row: Row, rect: pygame.Rect, help_text: str) -> None:
        s = self.style
        label_w = int(rect.width * 0.38)
        value_w = s.px(64)
        control = pygame.Rect(rect.left + label_w, rect.top, rect.width - label_w - value_w, rect.height)
        if row.kind == "slider":
            self.slider(row.key, control, row.value(), row.value_range, row.on_change, row.step,
                        tooltip=help_text, help_text=help_text)
            self.slider_rows[row.key] = row
        elif row.kind == "choice":
            options = row.options
            self.choice(row.key, pygame.Rect(control.left, control.top, control.width + value_w, control.height),
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

    # -- painting ------------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Directives for {year}").format(year=self.ctx.year))
        for placed in self.placed:
            if placed.page == self.page:
                self._paint_section(canvas, placed)
        self.paint_forecast(canvas)
        self.paint_help(canvas)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hint(canvas, s, self.frame.hint, _("Tab/arrows: move   Left/Right: adjust (Shift: faster)   "
                                                 "P: play the year   R: history's values   Esc: back"))

    def _paint_section(self, canvas: pygame.Surface, placed: Placed) -> None:
        s = self.style
        p = s.palette
        section = placed.section
        head = placed.heading
        colour = p.ink if section.held else p.muted
        pygame.draw.rect(canvas, p.red if section.held else p.rule, (head.left, head.top + s.px(3), s.px(6),
                                                                     head.height - s.px(8)))
        draw.text(canvas, s.fonts["h3"], section.title, (head.left + s.px(12), head.top), colour,
                  width=head.width - s.px(12))
        if not section.held:
            draw.paragraph(canvas, s.fonts["body"], self._summary_text(section), placed.summary, p.muted)
            return
        for row, rect in placed.rows:
            if row.kind == "button":
                continue
            label_w = int(rect.width * 0.38)
            draw.text(canvas, s.fonts["body"], row.label, (rect.left + s.px(12), rect.centery), p.ink, "midleft",
                      width=label_w - s.px(14))
            if row.kind == "slider":
                draw.text(canvas, s.fonts["body_bold"], row.text(), (rect.right, rect.centery), p.ink, "midright")

    def paint_forecast(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.forecast_rect, _("Forecast for {year}").format(year=self.ctx.year),
                           accent=True)
        small, body = s.fonts["small"], s.fonts["body"]
        y = draw.paragraph(canvas, small, _("{n} weather draws: band = 8 in 10, bar = median, ring = last year")
                           .format(n=FORECAST_DRAWS), inner, p.muted) + s.px(2)
        if self.forecast_error:
            draw.paragraph(canvas, body, self.forecast_error, pygame.Rect(inner.left, y, inner.width,
                                                                          inner.bottom - y), p.red)
            return
        if self.forecast is None:
            draw.text(canvas, body, _("Calculating…"), (inner.left, y + s.gap), p.muted)
            return
        last = self.ctx.session.records[-1] if self.ctx.session.records else None
        rows = [m for m in FORECAST_ROWS if m in self.forecast]
        needed = body.get_linesize() + s.px(22)  # a line of figures, the band, a gap
        row_h = max(needed, min((inner.bottom - y) // max(1, len(rows)), body.get_linesize() + s.px(34)))
        for metric in rows:
            if y + needed - s.px(4) > inner.bottom:  # rows that do not fit are left out, never overlapped
                break
            self._paint_band(canvas, metric, pygame.Rect(inner.left, y, inner.width, row_h), last)
            y += row_h

    def _paint_band(self, canvas: pygame.Surface, metric: str, rect: pygame.Rect, last: dict | None) -> None:
        s = self.style
        p = s.palette
        band = self.forecast[metric]
        spec = measure(metric)
        label = _(FORECAST_LABELS.get(metric, spec.name))
        body = s.fonts["body"]
        figures = forecast_figures(spec, band)
        figures_w = s.fonts["body_bold"].size(figures)[0]
        draw.text(canvas, body, label, rect.topleft, p.ink, width=rect.width - figures_w - s.gap)
        draw.text(canvas, s.fonts["body_bold"], figures, (rect.right, rect.top), p.ink, "topright", width=rect.width)
        previous = last.get(metric) if last else None
        top = max(band.high, previous or 0.0)
        axis_top = 1.0 if metric in ("share_below_subsistence", "unrest") and top <= 1.0 else top * 1.15 or 1.0
        bar = pygame.Rect(rect.left, rect.top + body.get_linesize() + s.px(2), rect.width, s.px(14))
        draw.band_bar(canvas, s, bar, band.low, band.median, band.high, 0.0, axis_top, previous)

    def paint_help(self, canvas: pygame.Surface) -> None:
        s = self.style
        item = self.focused
        text = item.help_text if item is not None and item.help_text else _(
            "Move to a lever to read what it means. Levers in grey are not yours in this scenario: they follow "
            "what history did.")
        inner = draw.panel(canvas, s, self.help_rect, _("About this lever"))
        draw.paragraph(canvas, s.fonts["small"] if self.help_rect.height < s.px(200) else s.fonts["body"], text,
                       inner, s.palette.ink)

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
        self.draft = self.ctx.begin_draft()
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
        from .report import ReportScene

        try:
            self.ctx.play_year()
        except DirectiveError as exc:  # the model refuses: say why, keep the draft
            self.forecast, self.forecast_error = None, exc.message
            self.refresh()
            return
        self.app.replace(ReportScene(self.app, len(self.ctx.session.records) - 1, after_turn=True))

    def back(self) -> None:
        self.app.pop()
