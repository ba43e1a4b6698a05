"""The end: the epilogue, the debrief's scorecard (six axes, each the player's value beside
history's; no total, no ranking), the record beside history, charts, the notes of every event
played (revealed now whatever their timing), three questions for discussion drawn from the
player's own record and the historians' positions. "Export the debrief" writes the printable page
and the results file into the user data folder."""

from __future__ import annotations

import pygame

from ...debrief import fmt
from ...present.charts import end_charts
from ...present.end import AxisShown, headline
from ...present.end import shown as axis_shown  # `shown` is a page's state here
from ...present.i18n import _
from ...present.viewmodel import beside_history, epilogue, ledger
from .. import chart_series, draw
from ..hints import MOVE, Hint, paint_hint, paint_hints
from ..layout import button_rows, label_fits
from ..scene import Scene
from . import debrief_views as dv
from .common import game_frame, paint_game_ledger, paint_heading

MORE = Hint("PgUp/PgDn", "more", "scroll")

PAGES = ("epilogue", "scorecard", "record", "charts", "events", "questions", "perspectives")
TEXT_PAGES = ("epilogue", "events", "questions", "perspectives")


class EndScene(Scene):
    title = "end"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.axis_index = 0
        self.drawn_axes: list[AxisShown] = []
        self.export_message = ""
        self.export_paths: tuple = ()
        self._debrief = None
        self.debrief_error = ""
        self.tabs = True
        self.sub = 0

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
        return headline(self.ctx)

    NAMES = {"epilogue": "Epilogue", "scorecard": "Scorecard", "record": "Record", "charts": "Charts",
             "events": "Events", "questions": "Questions", "perspectives": "Historians"}

    def tab_labels(self) -> list[str]:
        return [f"{i + 1} {_(self.NAMES[p])}" for i, p in enumerate(PAGES)]

    def labels(self) -> list[str]:
        """The buttons: a tab per page when they all fit in one row, else one page selector."""
        s = self.style
        tabs = self.tab_labels() + [_("Export  [E]"), _("Title  [Enter]")]
        width = self.size[0] - 2 * s.gap
        self.tabs = len({r.top for r in button_rows(s, width, tabs)}) == 1
        if self.tabs:
            return tabs
        return [self.page_label(self.page), _("Export  [E]"), _("Title  [Enter]")]

    def page_label(self, index: int) -> str:
        return _("{n}/{total} {name}  ‹ ›").format(n=index + 1, total=len(PAGES), name=_(self.NAMES[PAGES[index]]))

    def layout(self) -> None:
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, buttons=self.labels(), hints=self.hints(),
                                hint_reserve=[MORE])
        body = self.frame.body
        self.sheet = body
        self.text_rect = body.inflate(-4 * s.gap, -3 * s.gap)
        self.text_rect.width -= s.px(14)
        self.count = 1
        page = PAGES[self.page]
        self.view = None
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
        elif page == "record":
            self._layout_record(body)
        elif page == "charts":
            self._layout_charts(body)
        self.sub = min(getattr(self, "sub", 0), self.count - 1)

    def _layout_scorecard(self, body: pygame.Rect) -> None:
        """The axes (a button and two bars each; on pages if they do not fit) beside how the
        focused one is measured."""
        s = self.style
        wide = body.width >= s.px(700)
        left_w = int(body.width * 0.62) if wide else body.width
        self.axes_rect = pygame.Rect(body.left, body.top, left_w, body.height)
        self.formula_rect = pygame.Rect(body.left + left_w + s.gap, body.top, body.width - left_w - s.gap,
                                        body.height) if wide else None
        inner = self.axes_rect.inflate(-2 * s.gap, -2 * s.gap)
        self.intro_title = _("Six axes, your game beside history's course")
        self.intro_text = _("No total and no ranking: each axis on its own scale, with the numbers. Choose an axis "
                            "to see how it is measured (F: all of it).")
        intro_h = (draw.label_height([s.fonts["h3"], s.fonts["body_bold"]], self.intro_title, inner.width)
                   + draw.text_height(s.fonts["small"], self.intro_text, inner.width) + s.px(6))
        axes = self.debrief.scorecard if self.debrief is not None else ()
        needed = max([s.fonts["body_bold"].size(a.name)[0] for a in axes] + [0]) + 2 * (s.rule + 1 + s.px(5)) + s.px(8)
        name_w = max(int(inner.width * 0.30), min(needed, int(inner.width * 0.45)))
        self.stacked = any(not label_fits(s, a.name, name_w) for a in axes)  # the name above its bars
        if self.stacked:
            name_w = inner.width
        bars_w = inner.width if self.stacked else inner.width - name_w - s.gap
        bh = s.button_height()
        self.scale_beside = self.formula_rect is not None  # the formula panel says each axis' scale
        heights = [(bh + s.px(4) + dv.axis_bars_height(s, bars_w, a, not self.scale_beside) if self.stacked else
                    max(bh, dv.axis_bars_height(s, bars_w, a, not self.scale_beside))) + s.px(6) for a in axes]
        view = inner.height - draw.pager_height(s)
        self.axes_pages = draw.Pager.pages([intro_h] + heights, view)  # item 0: the introduction
        self.axis_heights = heights
        self.count = len(self.axes_pages)
        sub = min(getattr(self, "sub", 0), self.count - 1)
        self.axes_intro = None
        self.axis_rows = {}
        y = inner.top
        for item in self.axes_pages[sub]:
            if item == 0:
                self.axes_intro = pygame.Rect(inner.left, y, inner.width, intro_h)
                y += intro_h
                continue
            index = item - 1
            height = heights[index]
            if self.stacked:
                button = pygame.Rect(inner.left, y, name_w, bh)
                bars = pygame.Rect(inner.left, y + bh + s.px(4), bars_w, height - bh - s.px(10))
            else:
                button_h = min(height - s.px(6), bh)
                button = pygame.Rect(inner.left, y + (height - button_h) // 2, name_w, button_h)
                bars = pygame.Rect(inner.left + name_w + s.gap, y + s.px(2), bars_w, height - s.px(4))
            self.axis_rows[index] = (button, bars)
            y += height
        self.axes_cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        if self.formula_rect is not None:
            bar = draw.panel_bar_height(s, _("How it is measured"), self.formula_rect.width)
            self.formula_text = pygame.Rect(self.formula_rect.left + s.gap, self.formula_rect.top + bar + s.px(6),
                                            self.formula_rect.width - 2 * s.gap - s.px(14),
                                            self.formula_rect.height - bar - s.px(6) - s.gap)
            self.formula_view = draw.TextView(s, self.formula_blocks(), self.formula_text.width)

    def formula_blocks(self) -> list[draw.Block]:
        d = self.debrief
        if d is None:
            return [draw.Block("body", self.debrief_error, "red", 0)]
        axis = d.scorecard[min(self.axis_index, len(d.scorecard) - 1)]
        shown = axis_shown(axis)
        blocks = [draw.Block("body_bold", f"{axis.name} ({axis.unit})", "ink", 0),
                  draw.Block("body", axis.formula, "ink", 0.3),
                  draw.Block("small", _("The bars: {unit}, on a scale of 0 to {top}.").format(
                      unit=axis.unit, top=fmt.num(shown.scale, 0)), "muted", 0.4)]
        if d.history_basis:
            blocks.append(draw.Block("small", d.history_basis, "muted", 0.4))
        return blocks

    def _layout_record(self, body: pygame.Rect) -> None:
        """The record beside history, a row per series (in two columns when they fit), then the
        human cost of the player's years: on pages when it does not all fit."""
        s = self.style
        bar = draw.panel_bar_height(s, _("Your record beside history"), body.width)
        inner = pygame.Rect(body.left + s.gap, body.top + bar + s.px(6), body.width - 2 * s.gap,
                            body.height - bar - s.px(6) - s.gap // 2)
        self.record_inner = inner
        rows = beside_history(self.ctx)
        self.record_rows = rows
        body_font, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        year_w = max([body_font.size(str(r.year))[0] for r in rows] + [small.size(_("year"))[0]]) + s.gap
        yours_w = max([bold.size(r.yours)[0] for r in rows] + [small.size(_("yours"))[0]]) + s.gap
        history_w = max([body_font.size(r.history + (" ≈" if r.approximate else ""))[0] for r in rows]
                        + [small.size(_("history"))[0]]) + s.gap
        figures = year_w + yours_w + history_w
        columns = 2 if inner.width >= 2 * (figures + s.px(200)) + 2 * s.gap else 1
        col_w = (inner.width - (columns - 1) * 2 * s.gap) // columns
        self.record_cols = (col_w - figures, year_w, yours_w, history_w)
        label_w = col_w - figures - s.px(4)
        heights = [max(body_font.get_linesize(), draw.label_height([body_font, s.fonts["small"]], r.label, label_w))
                   + s.px(1) for r in rows]
        costs = "\u00a0· ".join(f"{e.value}\u00a0{e.label}" for e in ledger(self.ctx.session.records))
        costs += ".  " + _("≈ : an approximate historical figure.")
        cost_lines = draw.wrap(body_font, costs, inner.width)
        head_h = small.get_linesize()
        view = inner.height - draw.pager_height(s)
        cost_items = [bold.get_linesize() + s.gap // 2] + [body_font.get_linesize()] * len(cost_lines)
        # The rows fill the columns of a page (under the column heads); the human cost follows,
        # below the rows where there is room, else on pages of its own: a line at a time.
        pages: list[dict] = []
        index = 0
        while index < len(rows):
            page_columns = []
            for _column in range(columns):
                used, column = head_h, []
                while index < len(rows) and (used + heights[index] <= view or not column):
                    column.append(index)
                    used += heights[index]
                    index += 1
                page_columns.append(column)
            pages.append({"columns": page_columns, "costs": []})
        if not pages:
            pages.append({"columns": [[]], "costs": []})
        last = pages[-1]
        used = head_h + max(sum(heights[i] for i in column) for column in last["columns"]) + s.gap
        last["costs_top"] = used
        for number, height in enumerate(cost_items):
            if used + height > view and (last["costs"] or used > 0):
                last = {"columns": [], "costs": [], "costs_top": 0}
                pages.append(last)
                used = 0
            last["costs"].append(number)
            used += height
        self.record_pages = pages
        self.record_heights = heights
        self.cost_lines = cost_lines
        self.cost_items = cost_items
        self.record_columns = columns
        self.record_col_w = col_w
        self.count = len(pages)

    def _layout_charts(self, body: pygame.Rect) -> None:
        s = self.style
        columns = 2 if body.width >= 2 * s.px(260) + s.gap else 1
        rows = 2 if body.height >= 2 * s.px(170) + s.gap else 1
        per_page = columns * rows
        area_h = body.height - (draw.pager_height(s) + s.px(2) if per_page < 4 else 0)
        cw, ch = (body.width - (columns - 1) * s.gap) // columns, (area_h - (rows - 1) * s.gap) // rows
        self.chart_rects = {}
        for index in range(4):
            page, slot = divmod(index, per_page)
            r, c = divmod(slot, columns)
            self.chart_rects[index] = (page, pygame.Rect(body.left + c * (cw + s.gap), body.top + r * (ch + s.gap), cw,
                                                         ch))
        self.count = -(-4 // per_page)
        self.chart_cue = pygame.Rect(body.left, body.bottom - draw.pager_height(s), body.width, draw.pager_height(s))

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
        rects = self.frame.button_rects
        if self.tabs:
            for i, (label, rect) in enumerate(zip(self.tab_labels(), rects, strict=False)):
                self.button(f"page:{PAGES[i]}", rect, label, lambda i=i: self.show(i),
                            object_id=None if i == self.page else "#quiet")
            rest = rects[len(PAGES):]
        else:
            self.choice("page", rects[0], PAGES, self.page, self.show, self.page_label,
                        help_text=_("The pages of the end: Left/Right, or the number keys 1-7."))
            rest = rects[1:]
        self.button("export", rest[0], _("Export  [E]"), self.open_export, object_id="#quiet",
                    tooltip=_("The printable debrief, the two-page handout and the results file for the class "
                              "comparison"))
        self.button("title", rest[1], _("Title  [Enter]"), self.to_title, object_id="#primary")
        if PAGES[self.page] == "scorecard" and self.debrief is not None:
            for index, (rect, _bars) in self.axis_rows.items():
                axis = self.debrief.scorecard[index]
                self.button(f"axis:{axis.id}", rect, axis.name, lambda i=index: self.select_axis(i),
                            object_id="#quiet", help_text=axis.formula)
        if self.focus_key is None:
            self.focus_key = "title"

    def hints(self) -> list[Hint]:
        hints = [Hint("1-7", _("pages"), "page"), Hint("E", _("export the debrief"), "open:export")]
        if self.app.ctx.scenario.map is not None and self.app.ctx.session.records:
            hints.append(Hint("M", _("the map"), "open:map"))
        if getattr(self, "view", None) is not None and not self.view.fits(self.text_rect.height):
            hints.append(Hint("PgUp/PgDn", _("scroll"), "scroll"))
        elif getattr(self, "count", 1) > 1:
            hints.append(MORE)
        if PAGES[self.page] == "scorecard":
            hints.append(Hint("F", _("how the axis is measured"), "open:info"))
        return hints + [Hint("Enter", _("title"), "title"), MOVE, Hint("Esc", _("menu"), "menu")]

    def enter_action(self):
        return self.to_title

    def select_axis(self, index: int) -> None:
        self.axis_index = index
        self.focus(f"axis:{self.debrief.scorecard[index].id}")
        self._refresh_formula()

    def _refresh_formula(self) -> None:
        if getattr(self, "formula_rect", None) is not None and PAGES[self.page] == "scorecard":
            self.formula_view = draw.TextView(self.style, self.formula_blocks(), self.formula_text.width)
        self.refresh()

    def help_changed(self) -> None:
        """On the scorecard, the focused axis' formula is shown beside the bars."""
        key = self.focus_key or ""
        if key.startswith("axis:") and self.debrief is not None:
            ids = [a.id for a in self.debrief.scorecard]
            if key[5:] in ids and ids.index(key[5:]) != self.axis_index:
                self.axis_index = ids.index(key[5:])
                self._refresh_formula()

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette, 2)
        paint_heading(canvas, s, self.frame.top, self.ctx)  # "The end, 1932" beside the scenario and the seed
        page = PAGES[self.page]
        if page == "record":
            self.paint_record(canvas)
        elif page == "charts":
            self.paint_charts(canvas)
        elif page == "scorecard":
            self.paint_scorecard(canvas)
        else:
            draw.box(canvas, s, self.sheet)
            self.view.draw(canvas, self.text_rect)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        if self.export_message:
            paint_hint(canvas, s, self.frame.hint, self.export_message)
        else:
            paint_hints(canvas, s, self.frame.hint, self.hints())

    def paint_scorecard(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.box(canvas, s, self.axes_rect)
        intro = self.axes_intro
        if intro is not None:
            title_fonts = [s.fonts["h3"], s.fonts["body_bold"]]
            title_h = draw.label_height(title_fonts, self.intro_title, intro.width)
            draw.label(canvas, title_fonts, self.intro_title, pygame.Rect(intro.left, intro.top, intro.width, title_h),
                       p.red, valign="top")
            draw.paragraph(canvas, s.fonts["small"], self.intro_text,
                           pygame.Rect(intro.left, intro.top + title_h, intro.width, intro.height - title_h), p.muted)
        self.drawn_axes = []
        d = self.debrief
        if d is None:
            area = self.axes_rect.inflate(-2 * s.gap, -2 * s.gap)
            area.top = intro.bottom if intro is not None else area.top
            draw.TextView(s, [draw.Block("body", self.debrief_error, "red", 0)], area.width - s.px(14)).draw(canvas, area)
            return
        for index, (button, bars) in self.axis_rows.items():
            if index == self.axis_index:
                mark = pygame.Rect(self.axes_rect.left + s.px(3), button.top, s.px(4), button.height)
                pygame.draw.rect(canvas, p.red, mark)
            self.drawn_axes.append(dv.paint_axis_bars(canvas, s, bars, d.scorecard[index], not self.scale_beside))
        draw.page_cue(canvas, s, self.axes_cue, self.sub, self.count)
        if self.formula_rect is not None:
            draw.panel(canvas, s, self.formula_rect, _("How it is measured"), accent=True)
            self.formula_view.draw(canvas, self.formula_text)

    def paint_record(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.panel(canvas, s, self.frame.body, _("Your record beside history"), accent=True)
        inner = self.record_inner
        page = self.record_pages[self.sub]
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        label_w, year_w, yours_w, history_w = self.record_cols
        for column, indices in enumerate(page["columns"]):
            left = inner.left + column * (self.record_col_w + 2 * s.gap)
            rights = (left + label_w + year_w, left + label_w + year_w + yours_w, left + self.record_col_w)
            if indices:
                for title, x in ((_("year"), rights[0]), (_("yours"), rights[1]), (_("history"), rights[2])):
                    draw.text(canvas, small, title, (x - s.px(4), inner.top), p.muted, "topright")
            y = inner.top + small.get_linesize()
            for index in indices:
                row = self.record_rows[index]
                height = self.record_heights[index]
                draw.label(canvas, [body, s.fonts["small"]], row.label,
                           pygame.Rect(left, y, label_w - s.px(4), height - s.px(1)), p.ink, valign="top")
                draw.text(canvas, body, str(row.year), (rights[0] - s.px(4), y), p.muted, "topright")
                draw.text(canvas, bold, row.yours, (rights[1] - s.px(4), y), p.ink, "topright")
                draw.text(canvas, body, row.history + (" ≈" if row.approximate else ""), (rights[2] - s.px(4), y),
                          p.dark_red, "topright")
                y += height
        y = inner.top + page.get("costs_top", 0)
        for number in page["costs"]:
            if number == 0:
                draw.text(canvas, bold, _("The human cost of your years"), (inner.left, y), p.red)
            else:
                draw.text(canvas, body, self.cost_lines[number - 1], (inner.left, y), p.ink)
            y += self.cost_items[number]
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, self.sub, self.count)

    def paint_charts(self, canvas: pygame.Surface) -> None:
        s = self.style
        for index, chart in enumerate(end_charts(self.ctx)):
            page, rect = self.chart_rects[index]
            if page == self.sub:
                chart_series.paint(canvas, s, rect, chart)
        draw.page_cue(canvas, s, self.chart_cue, self.sub, self.count)

    def show(self, page: int) -> None:
        self.page = page
        self.sub = 0
        self.focus_key = f"page:{PAGES[page]}" if self.tabs else "page"
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
        if event.key == pygame.K_m and self.app.ctx.scenario.map is not None and self.app.ctx.session.records:
            from .map import MapScene

            self.app.push(MapScene(self.app))
            return True
        if event.key == pygame.K_f and PAGES[self.page] == "scorecard" and self.debrief is not None:
            from .info import InfoScene

            self.app.push(InfoScene(self.app, _("How it is measured"), self.formula_blocks()))
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
        if PAGES[self.page] in TEXT_PAGES:
            return self.scroll_text(lines)
        before = self.sub
        self.sub = max(0, min(self.count - 1, self.sub + (1 if lines > 0 else -1)))
        if self.sub != before:
            if PAGES[self.page] == "scorecard":
                self.focus_key = None
                self.relayout()
            else:
                self.refresh()
            return True
        return False

    def to_title(self) -> None:
        from .title import TitleScene

        self.app.reset(TitleScene(self.app))

    def back(self) -> None:
        """Esc: the menu (it leads to the title too); never a surprise."""
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
