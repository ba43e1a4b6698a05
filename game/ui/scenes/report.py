"""The year-end report: what Pravda printed beside what the internal report said; charts of the
main series so far with history's figures; plan progress; and, when a plan ends, what actually
happened in the events whose notes wait for the end of the plan. After a plan's last year (when
the game goes on), Continue leads to the plan's short debrief (plan_end.py)."""

from __future__ import annotations

import pygame

from ...present import viewmodel as vm
from ...present.charts import report_charts
from ...present.i18n import _
from ...present.report import PlanNote, plan_notes, plan_view
from .. import chart_series, draw
from ..hints import MOVE, Hint, paint_hints
from ..scene import Scene
from .common import game_frame, paint_game_ledger, paint_heading

PAGES = ("front", "charts", "notes")
MORE = Hint("PgUp/PgDn", "more of the report", "scroll")


class ReportScene(Scene):
    title = "report"

    def __init__(self, app, index: int, after_turn: bool):
        super().__init__(app)
        self.index = index
        self.after_turn = after_turn
        self.page = 0

    @property
    def ctx(self):
        return self.app.ctx

    @property
    def record(self) -> dict[str, float]:
        return self.ctx.session.records[self.index]

    @property
    def year(self) -> int:
        return int(self.record["year"])

    def plan_notes(self) -> list[PlanNote]:
        return plan_notes(self.ctx, self.year)

    def pages(self) -> list[str]:
        return list(PAGES) if self.plan_notes() else list(PAGES[:2])

    # -- layout ------------------------------------------------------------------------------------
    def labels(self) -> list[str]:
        names = {"front": _("1 Pravda and the report"), "charts": _("2 Charts and the plan"),
                 "notes": _("3 What actually happened")}
        return [names[p] for p in self.pages()] + [_("Continue  [Enter]") if self.after_turn else _("Back  [Esc]")]

    def layout(self) -> None:
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, _("The year {year}: the reports").format(year=self.year),
                                year=self.year, buttons=self.labels(), hints=self.hints(), hint_reserve=[MORE])
        body = self.frame.body
        half = (body.width - s.gap) // 2
        self.left = pygame.Rect(body.left, body.top, half, body.height)
        self.right = pygame.Rect(body.left + half + s.gap, body.top, body.width - half - s.gap, body.height)
        page = PAGES[self.page]
        self.count = 1
        if page == "front":
            self._lay_out_front()
        elif page == "charts":
            self._lay_out_charts(body)
        else:
            self.notes_rect = body.inflate(-4 * s.gap, -2 * s.gap)
            self.notes_rect.width -= s.px(14)
            blocks = []
            for note in self.plan_notes():
                blocks += [draw.Block("h3", note.title, "red", 1.0), draw.Block("serif", note.text)]
                blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in note.sources]
            self.notes_view = draw.TextView(s, blocks, self.notes_rect.width)
        self.sub = min(getattr(self, "sub", 0), self.count - 1)

    # the front page: Pravda beside the internal report, each a list of rows on pages of its panel
    def _lay_out_front(self) -> None:
        s = self.style
        self.pravda_inner = self.left.inflate(-3 * s.gap, -2 * s.gap)
        self.internal_inner = self.right.inflate(-3 * s.gap, -2 * s.gap)
        view = self.pravda_inner.height - draw.pager_height(s)
        self.pravda_rows = self._pravda_rows(self.pravda_inner.width)
        self.internal_rows = self._internal_rows(self.internal_inner.width)
        self.pravda_pages = draw.Pager.pages([h for _k, _v, h in self.pravda_rows], view)
        self.internal_pages = draw.Pager.pages([h for _k, _v, h in self.internal_rows],
                                               self.internal_inner.height - draw.pager_height(s))
        self.count = max(len(self.pravda_pages), len(self.internal_pages))

    def _pravda_rows(self, width: int) -> list[tuple[str, object, int]]:
        s = self.style
        rows: list[tuple[str, object, int]] = []
        masts = [s.fonts["masthead"], s.fonts["serif_head"], s.fonts["h2"]]
        if self.pravda_inner.height < 4 * s.fonts.line("masthead"):  # a low window: a smaller masthead
            masts = masts[1:]
        mast = draw.fitting(masts, "ПРАВДА", width)
        rows.append(("mast", mast or s.fonts["h3"], (mast or s.fonts["h3"]).get_linesize()))
        line = _("Pravda · 1 January {year} · the year's results as reported").format(year=self.year + 1)
        rows.append(("dateline", line, draw.label_height([s.fonts["small"]], line, width) + s.px(16)))
        headline = _("The results of {year}").format(year=self.year)
        rows.append(("headline", headline, draw.label_height([s.fonts["serif_head"], s.fonts["serif_bold"]], headline,
                                                             width) + s.px(4)))
        plan = plan_view(self.ctx, self.year, self.record)
        targets = plan.shares
        serif, bold = s.fonts["serif"], s.fonts["serif_bold"]
        for entry in vm.report_lines(self.record):
            share = targets.get(entry.label)
            value = entry.reported + (f"  ({share})" if share else "")
            one = serif.size(entry.label)[0] + s.gap + bold.size(value)[0] <= width
            rows.append(("line", (entry.label, value, one), serif.get_linesize() * (1 if one else 2) + s.px(2)))
        fulfilled = plan.reported
        if fulfilled is not None:
            rows.append(("fulfilment", fulfilled, draw.text_height(bold, fulfilled, width) + s.px(12)))
        note = _("Bracketed: share of the plan's target for its last year, as reported.")
        rows.append(("note", note, draw.text_height(s.fonts["italic"], note, width) + s.px(6)))
        return rows

    def _internal_columns(self, width: int) -> tuple[list[int], bool]:
        """The internal table's columns (label | real | reported | gap), right edges; False if the
        figures must go under the label (a narrow panel)."""
        s = self.style
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        lines = vm.report_lines(self.record)
        real_w = max([bold.size(x.real)[0] for x in lines] + [small.size(_("real"))[0]]) + s.gap
        reported_w = max([body.size(x.reported or "")[0] for x in lines] + [small.size(_("reported"))[0]]) + s.gap
        gap_w = max([body.size(x.gap or "")[0] for x in lines] + [small.size(_("gap"))[0]]) + s.gap
        one = width - real_w - reported_w - gap_w >= s.px(90)  # the labels get the rest, and wrap if they must
        left = width - real_w - reported_w - gap_w if one else 0
        return [left + real_w, left + real_w + reported_w, width], one

    def _figure_w(self, cols: list[int]) -> int:
        """The width of the "real" column (its right edge is cols[0])."""
        s = self.style
        bold, small = s.fonts["body_bold"], s.fonts["small_bold"]
        return max([bold.size(x.real)[0] for x in vm.report_lines(self.record)] + [small.size(_("real"))[0]]) + s.gap

    def _internal_rows(self, width: int) -> list[tuple[str, object, int]]:
        s = self.style
        body, bold = s.fonts["body"], s.fonts["body_bold"]
        rows: list[tuple[str, object, int]] = []
        stamp_w = s.fonts["h2"].size(_("SECRET"))[0] + s.px(14)
        title = _("Internal report, {year}").format(year=self.year)
        rows.append(("title", title, draw.label_height([s.fonts["h2"], s.fonts["h3"]], title, width - stamp_w - s.gap)
                     + s.px(6)))
        cols, one = self._internal_columns(width)
        rows.append(("head", (cols, one), s.fonts.line("small_bold")))
        step = body.get_linesize() + s.px(1)
        label_fonts = [body, s.fonts["small"]]
        for entry in vm.report_lines(self.record):
            if one:
                height = draw.label_height(label_fonts, entry.label, cols[0] - self._figure_w(cols) - s.gap) + s.px(1)
                rows.append(("line", (entry, cols, one), max(step, height)))
            else:
                rows.append(("line", (entry, cols, one), step * 2))
        for label, value in vm.internal_lines(self.record):
            one_line = body.size(label)[0] + s.gap + bold.size(value)[0] <= width
            rows.append(("internal", (label, value, one_line), step * (1 if one_line else 2)))
        text = "\u00a0· ".join(f"{entry.value}\u00a0{entry.label}" for entry in vm.year_costs(self.record))
        rows.append(("costs_head", _("The year's human cost"), s.fonts.line("body_bold") + s.px(10)))
        lines = draw.wrap(body, text, width - 2 * s.gap)
        rows += [("costs_line", line, body.get_linesize() + (s.px(6) if i == len(lines) - 1 else 0))
                 for i, line in enumerate(lines)]
        return rows

    # the charts page: four charts (a page or more of them) beside the plan's progress
    CHARTS = 4

    def _lay_out_charts(self, body: pygame.Rect) -> None:
        s = self.style
        charts_w = int(body.width * 0.68) if body.width >= s.px(760) else body.width
        self.plan_rect = pygame.Rect(body.left + charts_w + s.gap, body.top, body.width - charts_w - s.gap,
                                     body.height) if charts_w < body.width else None
        columns = 2 if charts_w >= 2 * s.px(260) + s.gap else 1
        rows = 2 if body.height >= 2 * s.px(170) + s.gap else 1
        per_page = columns * rows
        area_h = body.height - (draw.pager_height(s) + s.px(2) if per_page < self.CHARTS else 0)
        cw, ch = (charts_w - (columns - 1) * s.gap) // columns, (area_h - (rows - 1) * s.gap) // rows
        self.chart_rects = {}
        chart_pages = -(-self.CHARTS // per_page)
        for index in range(self.CHARTS):
            page, slot = divmod(index, per_page)
            r, c = divmod(slot, columns)
            self.chart_rects[index] = (page, pygame.Rect(body.left + c * (cw + s.gap), body.top + r * (ch + s.gap),
                                                         cw, ch))
        self.chart_pages = chart_pages
        self.chart_cue = pygame.Rect(body.left, body.bottom - draw.pager_height(s), charts_w, draw.pager_height(s))
        plan_pages = 1
        if self.plan_rect is None:  # a narrow window: the plan is the last page of the charts
            self.plan_page_rect = pygame.Rect(body.left, body.top, body.width, area_h)
            self._lay_out_plan(self.plan_page_rect)
            self.count = chart_pages + len(self.plan_pages)
        else:
            self._lay_out_plan(self.plan_rect)
            plan_pages = len(self.plan_pages)
            self.count = max(chart_pages, plan_pages)

    def _lay_out_plan(self, rect: pygame.Rect) -> None:
        s = self.style
        plan = plan_view(self.ctx, self.year, self.record)
        self.plan_title = plan.title
        bar = draw.panel_bar_height(s, self.plan_title, rect.width)
        inner = pygame.Rect(rect.left + s.gap, rect.top + bar + s.px(6), rect.width - 2 * s.gap,
                            rect.height - bar - s.px(6) - s.gap // 2)
        self.plan_inner = inner
        items: list[tuple[str, object, int]] = []
        if plan.note is not None:
            items.append(("note", plan.note, draw.text_height(s.fonts["small"], plan.note, inner.width) + s.px(4)))
            body = s.fonts["body"]
            for row in plan.rows:
                items.append(("row", row, body.get_linesize() + s.px(22)))
            items.append(("fulfil", plan.fulfilment, draw.text_height(body, plan.fulfilment, inner.width)))
        self.plan_items = items
        self.plan_pages = draw.Pager.pages([h for _k, _v, h in items], inner.height - draw.pager_height(s)) \
            if items else [range(0)]

    def build(self) -> None:
        pages = self.pages()
        buttons = [(f"page:{p}", lambda i=i: self.show(i), None if i == self.page else "#quiet")
                   for i, p in enumerate(pages)]
        buttons.append(("continue", self.close, "#primary"))
        for (key, action, object_id), label, rect in zip(buttons, self.labels(), self.frame.button_rects, strict=True):
            self.button(key, rect, label, action, object_id=object_id)
        if self.focus_key is None:
            self.focus_key = "continue"

    def hints(self) -> list[Hint]:
        hints = [Hint(f"1-{len(self.pages())}", _("pages"), "page")]
        if PAGES[self.page] == "notes" and hasattr(self, "notes_view") and not self.notes_view.fits(
                self.notes_rect.height):
            hints.append(Hint("PgUp/PgDn", _("scroll"), "scroll"))
        elif getattr(self, "count", 1) > 1:
            hints.append(MORE)
        hints.append(Hint("W", _("why?"), "open:why"))
        hints.append(Hint("Enter", _("continue") if self.after_turn else _("back"), "continue"))
        return hints + [MOVE, Hint("Esc", _("menu") if self.after_turn else _("back"), "menu" if self.after_turn
                                   else "back")]

    def enter_action(self):
        return self.close

    # -- painting ----------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette, 1)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("The year {year}: the reports").format(year=self.year),
                      year=self.year)
        page = PAGES[self.page]
        if page == "front":
            self.paint_pravda(canvas, self.left)
            self.paint_internal(canvas, self.right)
        elif page == "charts":
            self.paint_charts(canvas)
        else:
            draw.box(canvas, s, self.frame.body)
            self.notes_view.draw(canvas, self.notes_rect)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def paint_pravda(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        draw.box(canvas, s, rect, fill=p.newsprint)
        inner = self.pravda_inner
        y = inner.top
        serif, bold = s.fonts["serif"], s.fonts["serif_bold"]
        page = self.pravda_pages[min(self.sub, len(self.pravda_pages) - 1)]
        for index in page:
            kind, value, height = self.pravda_rows[index]
            if kind == "mast":
                draw.text(canvas, value, "ПРАВДА", (inner.centerx, y), p.red, "midtop")
            elif kind == "dateline":
                bottom = y + height - s.px(16)
                draw.label(canvas, [s.fonts["small"]], value, pygame.Rect(inner.left, y, inner.width, height - s.px(16)),
                           p.ink, align="center")
                pygame.draw.line(canvas, p.ink, (inner.left, bottom + s.px(4)), (inner.right, bottom + s.px(4)),
                                 s.rule + 1)
                pygame.draw.line(canvas, p.ink, (inner.left, bottom + s.px(9)), (inner.right, bottom + s.px(9)), 1)
            elif kind == "headline":
                draw.label(canvas, [s.fonts["serif_head"], s.fonts["serif_bold"]], value,
                           pygame.Rect(inner.left, y, inner.width, height - s.px(4)), p.ink, valign="top")
            elif kind == "line":
                label, figure, one = value
                draw.text(canvas, serif, label, (inner.left, y), p.ink)
                draw.text(canvas, bold, figure, (inner.right, y if one else y + serif.get_linesize()), p.ink, "topright")
            elif kind == "fulfilment":
                pygame.draw.line(canvas, p.ink, (inner.left, y + s.px(4)), (inner.right, y + s.px(4)), 1)
                draw.paragraph(canvas, bold, value, pygame.Rect(inner.left, y + s.px(10), inner.width,
                                                                height - s.px(10)), p.red)
            else:
                draw.paragraph(canvas, s.fonts["italic"], value, pygame.Rect(inner.left, y + s.px(6), inner.width,
                                                                             height - s.px(6)), p.muted)
            y += height
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, min(self.sub, len(self.pravda_pages) - 1), len(self.pravda_pages))

    def paint_internal(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        draw.box(canvas, s, rect)
        inner = self.internal_inner
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        y = inner.top
        page = self.internal_pages[min(self.sub, len(self.internal_pages) - 1)]
        for index in page:
            kind, value, height = self.internal_rows[index]
            if kind == "title":
                stamp = draw.text(canvas, s.fonts["h2"], _("SECRET"), (inner.right - s.px(6), y + s.px(2)), p.red,
                                  "topright")
                pygame.draw.rect(canvas, p.red, stamp.inflate(s.px(10), s.px(2)), s.rule)
                draw.label(canvas, [s.fonts["h2"], s.fonts["h3"]], value,
                           pygame.Rect(inner.left, y, inner.width - stamp.width - s.px(14) - s.gap, height - s.px(6)),
                           p.ink, valign="top")
            elif kind == "head":
                cols, _one = value
                for title, x in ((_("real"), cols[0]), (_("reported"), cols[1]), (_("gap"), cols[2])):
                    draw.text(canvas, small, title, (inner.left + x - s.px(4), y), p.muted, "topright")
            elif kind == "line":
                entry, cols, one = value
                if one:
                    draw.label(canvas, [body, s.fonts["small"]], entry.label,
                               pygame.Rect(inner.left, y, cols[0] - self._figure_w(cols) - s.gap, height), p.ink,
                               valign="top")
                else:
                    draw.text(canvas, body, entry.label, (inner.left, y), p.ink)
                fy = y if one else y + body.get_linesize() + s.px(1)
                draw.text(canvas, bold, entry.real, (inner.left + cols[0] - s.px(4), fy), p.ink, "topright")
                draw.text(canvas, body, entry.reported or "", (inner.left + cols[1] - s.px(4), fy), p.dark_red,
                          "topright")
                draw.text(canvas, body, entry.gap or "", (inner.left + cols[2] - s.px(4), fy), p.red, "topright")
            elif kind == "internal":
                label, figure, one = value
                draw.text(canvas, body, label, (inner.left, y), p.ink)
                draw.text(canvas, bold, figure, (inner.right - s.px(4), y if one else y + body.get_linesize()),
                          p.ink, "topright")
            elif kind == "costs_head":  # the human cost on black, a row at a time (it may go on a page)
                strip = pygame.Rect(inner.left, y + s.px(6), inner.width, height - s.px(6))
                draw.box(canvas, s, strip, fill=p.ink, border=0)
                draw.text(canvas, bold, value, (strip.left + s.gap, strip.top + s.px(4)), p.ochre)
            else:
                strip = pygame.Rect(inner.left, y, inner.width, height)
                draw.box(canvas, s, strip, fill=p.ink, border=0)
                draw.text(canvas, body, value, (strip.left + s.gap, y), p.on_dark)
            y += height
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, min(self.sub, len(self.internal_pages) - 1), len(self.internal_pages))

    def paint_charts(self, canvas: pygame.Surface) -> None:
        s = self.style
        if self.sub < self.chart_pages:
            for index, chart in enumerate(report_charts(self.ctx, self.year)):
                page, rect = self.chart_rects[index]
                if page == self.sub:
                    chart_series.paint(canvas, s, rect, chart)
        if self.plan_rect is not None:
            self.paint_plan(canvas, self.plan_rect, min(self.sub, len(self.plan_pages) - 1))
            if self.chart_pages > 1:
                draw.page_cue(canvas, s, self.chart_cue, min(self.sub, self.chart_pages - 1), self.chart_pages)
        else:
            if self.sub >= self.chart_pages:
                self.paint_plan(canvas, self.plan_page_rect, self.sub - self.chart_pages)
            draw.page_cue(canvas, s, self.chart_cue, self.sub, self.count)

    def paint_plan(self, canvas: pygame.Surface, rect: pygame.Rect, page: int) -> None:
        s = self.style
        p = s.palette
        draw.panel(canvas, s, rect, self.plan_title, accent=True)
        inner = self.plan_inner
        body = s.fonts["body"]
        y = inner.top
        for index in self.plan_pages[page] if self.plan_items else ():
            kind, value, height = self.plan_items[index]
            if kind == "note":
                draw.paragraph(canvas, s.fonts["small"], value, pygame.Rect(inner.left, y, inner.width, height), p.muted)
            elif kind == "row":
                percent = f"{100 * value.fraction:.0f} %"
                room = inner.width - s.fonts["body_bold"].size(percent)[0] - s.gap
                draw.label(canvas, [body, s.fonts["small"]], value.label,
                           pygame.Rect(inner.left, y, room, body.get_linesize()), p.ink)
                draw.text(canvas, s.fonts["body_bold"], percent, (inner.right, y), p.ink, "topright")
                bar = pygame.Rect(inner.left, y + body.get_linesize() + s.px(2), inner.width, s.px(12))
                draw.progress_bar(canvas, s, bar, value.fraction, value.reported_fraction)
            else:
                draw.paragraph(canvas, body, value, pygame.Rect(inner.left, y, inner.width, height), p.ink)
            y += height
        if len(self.plan_pages) > 1:
            cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
            draw.page_cue(canvas, s, cue, page, len(self.plan_pages))

    # -- input -------------------------------------------------------------------------------------
    def show(self, page: int) -> None:
        self.page = page
        self.sub = 0
        self.focus_key = f"page:{self.pages()[page]}"
        self.relayout()

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_w:   # why this year's figures moved
            from .why import WhyScene

            self.app.push(WhyScene(self.app, int(self.record["year"])))
            return True
        return False

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.pages()):
            self.show(number - 1)
            return True
        return False

    def on_scroll(self, lines: int) -> bool:
        if PAGES[self.page] == "notes":
            return self.scroll_view(self.notes_view, self.notes_rect, lines)
        before = self.sub
        self.sub = max(0, min(self.count - 1, self.sub + (1 if lines > 0 else -1)))
        if self.sub != before:
            self.refresh()
            return True
        return False

    def close(self) -> None:
        """Back to the year; after the last year of a plan (when the game goes on), the plan's
        short debrief comes first."""
        from ...present.end import plan_ending
        from .plan_end import PlanEndScene

        plan = plan_ending(self.ctx, self.year) if self.after_turn else None
        if plan is not None:
            self.app.replace(PlanEndScene(self.app, plan.id, self.year))
        else:
            self.app.pop()

    def back(self) -> None:
        """Esc: after a year is played, the menu (never on to the next year); else back to the year."""
        if self.after_turn:
            from .menu import MenuScene

            self.app.push(MenuScene(self.app))
        else:
            self.app.pop()
