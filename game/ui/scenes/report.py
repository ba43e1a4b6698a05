"""The year-end report: what Pravda printed beside what the internal report said; charts of the
main series so far with history's figures; plan progress; and, when a plan ends, what actually
happened in the events whose notes wait for the end of the plan. After a plan's last year (when
the game goes on), Continue leads to the plan's short debrief (plan_end.py)."""

from __future__ import annotations

import pygame

from .. import draw
from .. import viewmodel as vm
from ..i18n import _
from ..scene import Scene
from .common import frame, paint_game_ledger, paint_heading, paint_hint

PAGES = ("front", "charts", "notes")


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

    def plan_notes(self) -> list[tuple[str, str, list[str]]]:
        """At a plan's end: the notes of its events that were kept for the end of the plan."""
        plan = self.ctx.world.plan_for(self.year)
        deck = self.ctx.session.deck
        if plan is None or plan.end != self.year or deck is None:
            return []
        notes = []
        for fired in self.ctx.session.events:
            entry = deck.entries.get(fired.id)
            if (entry is not None and plan.start <= fired.year <= plan.end and entry.event.history is not None
                    and entry.event.reveal == "end_of_plan"):
                notes.append((entry.event.title, entry.event.history.text, entry.event.history.sources))
        return notes

    def pages(self) -> list[str]:
        return list(PAGES) if self.plan_notes() else list(PAGES[:2])

    # -- layout ------------------------------------------------------------------------------------
    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        half = (body.width - s.gap) // 2
        self.left = pygame.Rect(body.left, body.top, half, body.height)
        self.right = pygame.Rect(body.left + half + s.gap, body.top, body.width - half - s.gap, body.height)
        charts_w = int(body.width * 0.68)
        cw, ch = (charts_w - s.gap) // 2, (body.height - s.gap) // 2
        self.chart_rects = [pygame.Rect(body.left + (i % 2) * (cw + s.gap), body.top + (i // 2) * (ch + s.gap), cw, ch)
                            for i in range(4)]
        self.plan_rect = pygame.Rect(body.left + charts_w + s.gap, body.top, body.width - charts_w - s.gap, body.height)
        self.notes_rect = body.inflate(-4 * s.gap, -2 * s.gap)
        if PAGES[self.page] == "notes":
            blocks = []
            for title, text, sources in self.plan_notes():
                blocks += [draw.Block("h3", title, "red", 1.0), draw.Block("serif", text)]
                blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in sources]
            self.notes_view = draw.TextView(s, blocks, self.notes_rect.width - s.px(14))

    def build(self) -> None:
        names = {"front": _("Pravda and the internal report  [1]"), "charts": _("Charts and the plan  [2]"),
                 "notes": _("What actually happened  [3]")}
        pages = self.pages()
        buttons = [(f"page:{p}", names[p], lambda i=i: self.show(i), None if i == self.page else "#quiet")
                   for i, p in enumerate(pages)]
        buttons.append(("continue", _("Continue  [Enter]") if self.after_turn else _("Back  [Esc]"), self.close,
                        "#primary"))
        for (key, label, action, object_id), rect in zip(buttons, self.button_row(self.frame.buttons, len(buttons)),
                                                         strict=True):
            self.button(key, rect, label, action, object_id=object_id)
        if self.focus_key is None:
            self.focus_key = "continue"

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
            self.paint_plan(canvas, self.plan_rect)
        else:
            pygame.draw.rect(canvas, s.palette.panel, self.frame.body)
            pygame.draw.rect(canvas, s.palette.ink, self.frame.body, s.rule)
            self.notes_view.draw(canvas, self.notes_rect)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hint(canvas, s, self.frame.hint, _("1-{n}: pages   PgUp/PgDn: scroll   Enter: continue").format(
            n=len(self.pages())))

    def paint_pravda(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.newsprint, rect)
        pygame.draw.rect(canvas, p.ink, rect, s.rule)
        inner = rect.inflate(-3 * s.gap, -2 * s.gap)
        mast = draw.text(canvas, s.fonts["masthead"], "ПРАВДА", (inner.centerx, inner.top), p.red, "midtop",
                         width=inner.width)
        y = mast.bottom
        line = _("Pravda · 1 January {year} · the year's results as reported").format(year=self.year + 1)
        y = draw.text(canvas, s.fonts["small"], line, (inner.centerx, y), p.ink, "midtop", width=inner.width).bottom
        pygame.draw.line(canvas, p.ink, (inner.left, y + s.px(4)), (inner.right, y + s.px(4)), s.rule + 1)
        pygame.draw.line(canvas, p.ink, (inner.left, y + s.px(9)), (inner.right, y + s.px(9)), 1)
        y += s.px(16)
        headline = _("The results of {year}").format(year=self.year)
        y = draw.paragraph(canvas, s.fonts["serif_head"], headline, pygame.Rect(inner.left, y, inner.width,
                                                                                inner.bottom - y), p.ink) + s.px(4)
        targets = self._targets()
        serif, bold = s.fonts["serif"], s.fonts["serif_bold"]
        for line in vm.report_lines(self.record):
            if y + serif.get_linesize() > inner.bottom:
                break
            draw.text(canvas, serif, line.label, (inner.left, y), p.ink, width=inner.width // 2)
            share = targets.get(line.label)
            value = line.reported + (f"  ({share})" if share else "")
            draw.text(canvas, bold, value, (inner.right, y), p.ink, "topright", width=inner.width // 2)
            y += serif.get_linesize() + s.px(2)
        fulfilled = self._reported_fulfilment()
        if fulfilled is not None and y + 2 * bold.get_linesize() < inner.bottom:
            pygame.draw.line(canvas, p.ink, (inner.left, y + s.px(4)), (inner.right, y + s.px(4)), 1)
            y = draw.paragraph(canvas, bold, fulfilled, pygame.Rect(inner.left, y + s.px(10), inner.width,
                                                                     inner.bottom - y - s.px(10)), p.red)
        if y + serif.get_linesize() * 2 < inner.bottom:
            draw.paragraph(canvas, s.fonts["italic"], _("Bracketed: share of the plan's target for its last year, "
                                                        "as reported."), pygame.Rect(inner.left, y + s.px(6),
                                                                                     inner.width, inner.bottom - y), p.muted)

    def _reported_fulfilment(self) -> str | None:
        """The plan's progress as the reports have it: the reported share of each target, averaged."""
        plan = self.ctx.world.plan_for(self.year)
        if plan is None:
            return None
        shares = [row.reported_fraction for row in vm.plan_progress(self.ctx, plan, upto_year=self.year)
                  if row.reported_fraction is not None]
        if not shares:
            return None
        return _("The plan for {end}: {share:.0f} % of its targets reached, as reported").format(
            end=plan.end, share=100 * sum(shares) / len(shares))

    def _targets(self) -> dict[str, str]:
        """Reported output as a share of the plan's final target, by the line's label."""
        plan = self.ctx.world.plan_for(self.year)
        if plan is None:
            return {}
        shares = {}
        for row in vm.plan_progress(self.ctx, plan, upto_year=self.year):
            if row.reported_fraction is not None:
                shares[row.label] = f"{100 * row.reported_fraction:.0f} %"
        return shares

    def paint_internal(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.panel, rect)
        pygame.draw.rect(canvas, p.ink, rect, s.rule)
        inner = rect.inflate(-3 * s.gap, -2 * s.gap)
        stamp = draw.text(canvas, s.fonts["h2"], _("SECRET"), (inner.right, inner.top), p.red, "topright")
        pygame.draw.rect(canvas, p.red, stamp.inflate(s.px(10), s.px(2)), s.rule)
        y = draw.text(canvas, s.fonts["h2"], _("Internal report, {year}").format(year=self.year), inner.topleft, p.ink,
                      width=inner.width - stamp.width - s.gap).bottom + s.px(6)
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
        cols = [inner.left, inner.left + int(inner.width * 0.42), inner.left + int(inner.width * 0.64), inner.right]
        for title, x, anchor in ((_("real"), cols[1] + int(inner.width * 0.20), "topright"),
                                 (_("reported"), cols[2] + int(inner.width * 0.20), "topright"),
                                 (_("gap"), cols[3], "topright")):
            draw.text(canvas, small, title, (x, y), p.muted, anchor)
        y += small.get_linesize()
        step = body.get_linesize() + s.px(1)
        for line in vm.report_lines(self.record):
            draw.text(canvas, body, line.label, (cols[0], y), p.ink, width=cols[1] - cols[0])
            draw.text(canvas, bold, line.real, (cols[1] + int(inner.width * 0.20), y), p.ink, "topright")
            draw.text(canvas, body, line.reported, (cols[2] + int(inner.width * 0.20), y), p.dark_red, "topright")
            draw.text(canvas, body, line.gap or "", (cols[3], y), p.red, "topright")
            y += step
        y += s.px(6)
        for label, value in vm.internal_lines(self.record):
            if y + step > inner.bottom - 2 * step:
                break
            draw.text(canvas, body, label, (cols[0], y), p.ink, width=int(inner.width * 0.62))
            draw.text(canvas, bold, value, (cols[3], y), p.ink, "topright")
            y += step
        self._paint_costs(canvas, pygame.Rect(inner.left, y + s.px(4), inner.width, inner.bottom - y - s.px(4)))

    def _paint_costs(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        if rect.height < s.fonts.line("body") * 2:
            return
        pygame.draw.rect(canvas, p.ink, rect)
        text = "\u00a0· ".join(f"{entry.value}\u00a0{entry.label}" for entry in vm.year_costs(self.record))
        inner = rect.inflate(-2 * s.gap, -s.px(8))
        y = draw.text(canvas, s.fonts["body_bold"], _("The year's human cost"), inner.topleft, p.ochre).bottom
        draw.paragraph(canvas, s.fonts["body"], text, pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                       p.on_dark)

    def paint_charts(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        records = self.ctx.session.records[: self.index + 1]
        first = self.ctx.world.first_year
        years = (first, max(self.year, first + 4))
        scenario = self.ctx.scenario

        def series(metric: str) -> dict[int, float]:
            return {int(r["year"]): r[metric] for r in records}

        def history(metric: str) -> dict[int, float]:
            return {y: v for y, v in vm.history_points(scenario, metric).items() if years[0] <= y <= years[1]}

        charts = [
            (_("Steel, Mt"), [draw.Series(_("real"), series("steel_mt"), p.red),
                              draw.Series(_("reported"), series("steel_reported_mt"), p.ochre, "dashed"),
                              draw.Series(_("history"), history("steel_mt"), p.ink, "points")]),
            (_("Grain harvest, Mt"), [draw.Series(_("real"), series("grain_harvest_mt"), p.red),
                                      draw.Series(_("reported"), series("grain_harvest_reported_mt"), p.ochre, "dashed"),
                                      draw.Series(_("history"), history("grain_harvest_mt"), p.ink, "points")]),
            (_("Famine deaths, million people"), [draw.Series(_("each year"), series("famine_deaths_m"), p.ink,
                                                              "bars")]),
            (_("Villagers below subsistence and unrest, %"), [
                draw.Series(_("below subsistence"), {y: 100 * v for y, v in series("share_below_subsistence").items()},
                            p.red),
                draw.Series(_("unrest"), {y: 100 * v for y, v in series("unrest").items()}, p.ink, "dashed")]),
        ]
        for (title, data), rect in zip(charts, self.chart_rects, strict=True):
            draw.line_chart(canvas, s, rect, title, data, years)

    def paint_plan(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        plan = self.ctx.world.plan_for(self.year)
        inner = draw.panel(canvas, s, rect, plan.name if plan else _("No plan"), accent=True)
        if plan is None or not vm.targets_in_force(self.ctx, plan):
            return
        body = s.fonts["body"]
        y = draw.paragraph(canvas, s.fonts["small"], _("Toward the targets for {year}: real (red), reported (ochre "
                                                       "tick)").format(year=plan.end), inner, p.muted) + s.px(4)
        row_h = body.get_linesize() + s.px(22)
        for row in vm.plan_progress(self.ctx, plan, upto_year=self.year):
            if y + row_h > inner.bottom:
                break
            draw.text(canvas, body, row.label, (inner.left, y), p.ink, width=inner.width // 2)
            draw.text(canvas, s.fonts["body_bold"], f"{100 * row.fraction:.0f} %", (inner.right, y), p.ink, "topright")
            bar = pygame.Rect(inner.left, y + body.get_linesize() + s.px(2), inner.width, s.px(12))
            draw.progress_bar(canvas, s, bar, row.fraction, row.reported_fraction)
            y += row_h
        fulfil = vm.measure("plan_fulfilment")
        if y + body.get_linesize() < inner.bottom:
            draw.text(canvas, body, f"{fulfil.label}: {fulfil.format(self.record['plan_fulfilment'])}", (inner.left, y),
                      p.ink, width=inner.width)

    # -- input -------------------------------------------------------------------------------------
    def show(self, page: int) -> None:
        self.page = page
        self.focus_key = f"page:{self.pages()[page]}"
        self.relayout()

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.pages()):
            self.show(number - 1)
            return True
        return False

    def on_scroll(self, lines: int) -> bool:
        if PAGES[self.page] == "notes" and self.notes_view.scroll_by(lines * self.style.fonts.line("serif"),
                                                                    self.notes_rect.height):
            self.refresh()
        return True

    def close(self) -> None:
        """Back to the year; after the last year of a plan (when the game goes on), the plan's
        short debrief comes first."""
        from .plan_end import PlanEndScene, plan_ending

        plan = plan_ending(self.ctx, self.year) if self.after_turn else None
        if plan is not None:
            self.app.replace(PlanEndScene(self.app, plan.id, self.year))
        else:
            self.app.pop()

    def back(self) -> None:
        self.close() if self.after_turn else self.app.pop()
