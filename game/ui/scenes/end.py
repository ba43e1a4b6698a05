"""The end: the epilogue, the debrief's scorecard (six axes, each the player's value beside
history's; no total, no ranking), the record beside history, charts, the notes of every event
played (revealed now whatever their timing), three questions for discussion drawn from the
player's own record and the historians' positions. "Export the debrief" writes the printable page
and the results file into the user data folder."""

from __future__ import annotations

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene
from ..viewmodel import beside_history, epilogue, history_points, ledger
from . import debrief_views as dv
from .common import frame, paint_game_ledger, paint_heading, paint_hint

PAGES = ("epilogue", "scorecard", "record", "charts", "events", "questions", "perspectives")
TEXT_PAGES = ("epilogue", "events", "questions", "perspectives")


class EndScene(Scene):
    title = "end"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.axis_index = 0
        self.drawn_axes: list[dv.AxisShown] = []
        self.export_message = ""
        self.export_paths: tuple = ()
        self._debrief = None
        self.debrief_error = ""

    @property
    def ctx(self):
        return self.app.ctx

    @property
    def debrief(self):
        """The debrief of this game (game.debrief), built once; None if it cannot be built."""
        if self._debrief is None and not self.debrief_error:
            from ...debrief import debrief_of
            from ...headless.baseline import historical_game

            try:
                self._debrief = debrief_of(self.ctx.session, scenario=self.ctx.scenario,
                                           history=historical_game())
            except Exception as exc:  # noqa: BLE001 - the rest of the end screen still works
                self.debrief_error = _("The debrief could not be built: {error}").format(error=exc)
        return self._debrief

    def headline(self) -> str:
        session = self.ctx.session
        last = int(session.records[-1]["year"]) if session.records else self.ctx.world.first_year
        if session.game.ending == "removed":
            return _("In {year} the unrest cost you your post: the Politburo removed you.").format(year=last)
        if last >= 1941:
            return _("22 June 1941: Germany invades the Soviet Union. The years of the plans are over.")
        return _("The scenario ends with the year {year}.").format(year=last)

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        self.sheet = body
        self.text_rect = body.inflate(-4 * s.gap, -3 * s.gap)
        self.text_rect.width -= s.px(14)
        page = PAGES[self.page]
        if page == "epilogue":
            blocks = [draw.Block("h2", self.headline(), "red", 0)]
            for title, text in epilogue(self.ctx):
                if title:
                    blocks.append(draw.Block("h3", title, "ink", 1.0))
                blocks.append(draw.Block("serif", text))
            self.view = draw.TextView(s, blocks, self.text_rect.width)
        elif page == "events":
            self.view = draw.TextView(s, self._event_blocks(), self.text_rect.width)
        elif page == "questions":
            d = self.debrief
            blocks = dv.question_blocks(d.questions if d else (), _("Questions for discussion, from your game"))
            if self.debrief_error:
                blocks.append(draw.Block("body", self.debrief_error, "red"))
            self.view = draw.TextView(s, blocks, self.text_rect.width)
        elif page == "perspectives":
            d = self.debrief
            blocks = dv.perspective_blocks(d.perspectives if d else ())
            if self.debrief_error:
                blocks.append(draw.Block("body", self.debrief_error, "red"))
            self.view = draw.TextView(s, blocks, self.text_rect.width)
        elif page == "scorecard":
            self._layout_scorecard(body)
        self.table_rect = body
        chart_w = (body.width - s.gap) // 2
        chart_h = (body.height - s.gap) // 2
        self.chart_rects = [pygame.Rect(body.left + (i % 2) * (chart_w + s.gap), body.top + (i // 2) * (chart_h + s.gap),
                                        chart_w, chart_h) for i in range(4)]

    def _layout_scorecard(self, body: pygame.Rect) -> None:
        s = self.style
        left_w = int(body.width * 0.62)
        self.axes_rect = pygame.Rect(body.left, body.top, left_w, body.height)
        self.formula_rect = pygame.Rect(body.left + left_w + s.gap, body.top, body.width - left_w - s.gap, body.height)
        inner = self.axes_rect.inflate(-2 * s.gap, -2 * s.gap)
        intro_h = s.fonts.line("h3") + s.fonts.line("small") + s.px(6)
        rows = pygame.Rect(inner.left, inner.top + intro_h, inner.width, inner.height - intro_h)
        self.axes_intro = pygame.Rect(inner.left, inner.top, inner.width, intro_h)
        count = 6
        row_h = rows.height // count
        name_w = int(rows.width * 0.30)
        button_h = min(row_h - s.px(6), s.button_height())
        self.axis_rows = []
        for i in range(count):
            top = rows.top + i * row_h
            button = pygame.Rect(rows.left, top + (row_h - button_h) // 2, name_w, button_h)
            bars = pygame.Rect(rows.left + name_w + s.gap, top + s.px(2), rows.width - name_w - s.gap,
                               row_h - s.px(4))
            self.axis_rows.append((button, bars))

    def _event_blocks(self) -> list[draw.Block]:
        deck = self.ctx.session.deck
        blocks = [draw.Block("h2", _("The events of your game, and what actually happened"), "red", 0)]
        for fired in self.ctx.session.events:
            event = deck.entries[fired.id].event if deck and fired.id in deck.entries else None
            if event is None:
                continue
            choice = next((c for c in event.choices if c.id == fired.choice), None)
            historical = next((c for c in event.choices if c.historical), None)
            blocks.append(draw.Block("h3", f"{fired.year}: {event.title}", "ink", 1.0))
            if choice is not None:
                blocks.append(draw.Block("body_bold", _("You chose: {label}").format(label=choice.label), "dark_red"))
            if historical is not None and historical is not choice:
                blocks.append(draw.Block("body", _("History chose: {label}").format(label=historical.label), "muted",
                                         0.1))
            if event.history is not None:
                blocks.append(draw.Block("serif", event.history.text))
                blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in event.history.sources]
        if len(blocks) == 1:
            blocks.append(draw.Block("body", _("No events were played in this game.")))
        return blocks

    def build(self) -> None:
        names = {"epilogue": _("Epilogue"), "scorecard": _("Scorecard"), "record": _("Record"),
                 "charts": _("Charts"), "events": _("Events"), "questions": _("Questions"),
                 "perspectives": _("Historians")}
        buttons = [(f"page:{p}", f"{i + 1} {names[p]}", lambda i=i: self.show(i), None if i == self.page else "#quiet")
                   for i, p in enumerate(PAGES)]
        buttons += [("export", _("Export  [E]"), self.open_export, "#quiet"),
                    ("title", _("Title  [Enter]"), self.to_title, "#primary")]
        for (key, label, action, object_id), rect in zip(buttons, self.button_row(self.frame.buttons, len(buttons)),
                                                         strict=True):
            self.button(key, rect, label, action, object_id=object_id)
        if PAGES[self.page] == "scorecard" and self.debrief is not None:
            for i, (axis, (rect, _bars)) in enumerate(zip(self.debrief.scorecard, self.axis_rows, strict=False)):
                self.button(f"axis:{axis.id}", rect, axis.name, lambda i=i: self.select_axis(i),
                            object_id="#quiet", help_text=axis.formula)
        if self.focus_key is None:
            self.focus_key = "title"

    def select_axis(self, index: int) -> None:
        self.axis_index = index
        self.focus(f"axis:{self.debrief.scorecard[index].id}")
        self.refresh()

    def help_changed(self) -> None:
        """On the scorecard, the focused axis' formula is shown beside the bars."""
        key = self.focus_key or ""
        if key.startswith("axis:") and self.debrief is not None:
            ids = [a.id for a in self.debrief.scorecard]
            if key[5:] in ids and ids.index(key[5:]) != self.axis_index:
                self.axis_index = ids.index(key[5:])
                self.refresh()

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 2)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("The end: {scenario}").format(scenario=self.ctx.scenario.name))
        if PAGES[self.page] == "record":
            self.paint_record(canvas)
        elif PAGES[self.page] == "charts":
            self.paint_charts(canvas)
        elif PAGES[self.page] == "scorecard":
            self.paint_scorecard(canvas)
        else:
            pygame.draw.rect(canvas, p.panel, self.sheet)
            pygame.draw.rect(canvas, p.ink, self.sheet, s.rule)
            self.view.draw(canvas, self.text_rect)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        hint = _("1-7: pages   E: export the debrief   PgUp/PgDn: scroll   Enter: title   Esc: title")
        if self.export_message:
            hint = self.export_message
        paint_hint(canvas, s, self.frame.hint, hint)

    def paint_scorecard(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.panel, self.axes_rect)
        pygame.draw.rect(canvas, p.ink, self.axes_rect, s.rule)
        intro = self.axes_intro
        y = draw.text(canvas, s.fonts["h3"], _("Six axes, your game beside history's course"), intro.topleft, p.red,
                      width=intro.width).bottom
        draw.text(canvas, s.fonts["small"], _("No total and no ranking: each axis on its own scale, with the "
                                              "numbers. Choose an axis to see how it is measured."),
                  (intro.left, y), p.muted, width=intro.width)
        self.drawn_axes = []
        d = self.debrief
        if d is None:
            draw.paragraph(canvas, s.fonts["body"], self.debrief_error, self.formula_rect, p.red)
            return
        for i, (axis, (button, bars)) in enumerate(zip(d.scorecard, self.axis_rows, strict=False)):
            if i == self.axis_index:
                mark = pygame.Rect(self.axes_rect.left + s.px(3), button.top, s.px(4), button.height)
                pygame.draw.rect(canvas, p.red, mark)
            self.drawn_axes.append(dv.paint_axis_bars(canvas, s, bars, axis))
        axis = d.scorecard[min(self.axis_index, len(d.scorecard) - 1)]
        inner = draw.panel(canvas, s, self.formula_rect, _("How it is measured"), accent=True)
        y = draw.paragraph(canvas, s.fonts["body_bold"], f"{axis.name} ({axis.unit})", inner, p.ink) + s.px(4)
        basis_h = draw.text_height(s.fonts["small"], d.history_basis, inner.width) if d.history_basis else 0
        formula = pygame.Rect(inner.left, y, inner.width, inner.bottom - y - basis_h - s.gap)
        draw.paragraph(canvas, s.fonts["body"], axis.formula, formula, p.ink)
        if d.history_basis:
            draw.paragraph(canvas, s.fonts["small"], d.history_basis,
                           pygame.Rect(inner.left, inner.bottom - basis_h, inner.width, basis_h), p.muted)

    def paint_record(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.table_rect, _("Your record beside history"), accent=True)
        body = s.fonts["body"]
        step = body.get_linesize() + s.px(1)
        costs = "\u00a0· ".join(f"{e.value}\u00a0{e.label}" for e in ledger(self.ctx.session.records))
        costs += ".  " + _("≈ : an approximate historical figure.")
        cost_h = draw.text_height(body, costs, inner.width) + s.fonts.line("body_bold") + s.gap
        rows = beside_history(self.ctx)
        table = pygame.Rect(inner.left, inner.top, inner.width, inner.height - cost_h)
        per_column = max(1, (table.height - s.fonts.line("small_bold")) // step)
        columns = 1 if len(rows) <= per_column else 2
        width = (table.width - (columns - 1) * 2 * s.gap) // columns
        for column in range(columns):
            part = rows[column * per_column:(column + 1) * per_column]
            self._paint_rows(canvas, part, pygame.Rect(table.left + column * (width + 2 * s.gap), table.top, width,
                                                       table.height))
        y = table.bottom + s.gap // 2
        y = draw.text(canvas, s.fonts["body_bold"], _("The human cost of your years"), (inner.left, y), p.red).bottom
        draw.paragraph(canvas, body, costs, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink)

    def _paint_rows(self, canvas: pygame.Surface, rows, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        cols = [rect.left, rect.left + int(rect.width * 0.52), rect.left + int(rect.width * 0.62),
                rect.left + int(rect.width * 0.81), rect.right]
        for title, x in ((_("year"), cols[2]), (_("yours"), cols[3]), (_("history"), cols[4])):
            draw.text(canvas, small, title, (x, rect.top), p.muted, "topright")
        y = rect.top + small.get_linesize()
        step = body.get_linesize() + s.px(1)
        for row in rows:
            if y + step > rect.bottom:
                break
            draw.text(canvas, body, row.label, (cols[0], y), p.ink, width=cols[1] - cols[0] + int(rect.width * 0.04))
            draw.text(canvas, body, str(row.year), (cols[2], y), p.muted, "topright")
            draw.text(canvas, bold, row.yours, (cols[3], y), p.ink, "topright", width=cols[3] - cols[2] - s.px(4))
            draw.text(canvas, body, row.history + (" ≈" if row.approximate else ""), (cols[4], y), p.dark_red,
                      "topright", width=cols[4] - cols[3] - s.px(4))
            y += step

    def paint_charts(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        records = self.ctx.session.records
        world = self.ctx.world
        years = (world.first_year, max(world.first_year + 4, int(records[-1]["year"]) if records else world.last_year))
        scenario = self.ctx.scenario

        def series(metric: str) -> dict[int, float]:
            return {int(r["year"]): r[metric] for r in records}

        def history(metric: str) -> dict[int, float]:
            return {y: v for y, v in history_points(scenario, metric).items() if years[0] <= y <= years[1]}

        charts = [
            (_("Steel, Mt"), [draw.Series(_("yours"), series("steel_mt"), p.red),
                              draw.Series(_("history"), history("steel_mt"), p.ink, "points")]),
            (_("Grain harvest, Mt"), [draw.Series(_("yours"), series("grain_harvest_mt"), p.red),
                                      draw.Series(_("history"), history("grain_harvest_mt"), p.ink, "points")]),
            (_("Cattle, million"), [draw.Series(_("yours"), series("cattle_m"), p.red),
                                    draw.Series(_("history"), history("cattle_m"), p.ink, "points")]),
            (_("Famine deaths, million people"), [draw.Series(_("yours, each year"), series("famine_deaths_m"),
                                                              p.ink, "bars")]),
        ]
        for (title, data), rect in zip(charts, self.chart_rects, strict=True):
            draw.line_chart(canvas, s, rect, title, data, years)

    def show(self, page: int) -> None:
        self.page = page
        self.focus_key = f"page:{PAGES[page]}"
        self.relayout()

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(PAGES):
            self.show(number - 1)
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_e and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.open_export()
            return True
        return False

    def open_export(self) -> None:
        from .export import ExportScene

        self.app.push(ExportScene(self.app, self))

    def exported(self, message: str, paths: tuple = ()) -> None:
        """The export scene's outcome, kept on the hint line."""
        self.export_message = message
        self.export_paths = paths

    def on_scroll(self, lines: int) -> bool:
        if PAGES[self.page] in TEXT_PAGES and self.view.scroll_by(lines * self.style.fonts.line("serif"),
                                                                self.text_rect.height):
            self.refresh()
        return True

    def to_title(self) -> None:
        from .title import TitleScene

        self.app.reset(TitleScene(self.app))

    def back(self) -> None:
        self.to_title()
