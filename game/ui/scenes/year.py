"""The year: the main screen between turns.

Indicators in four groups (industry, food and countryside, people, state), each with its trend
in a shape, a word and a colour; where the regime's statistics lie, the reported figure beside
the real one. The current plan's targets with progress bars. The human-cost ledger along the
bottom. Event cards due this January are pushed on top as soon as the screen is shown.

Nothing is left out when the window is small or the text large: the groups flow into one or two
columns and onto pages (PgUp/PgDn, the mouse wheel), a group that does not fit goes on under its
heading, and each panel shows which page of how many it is on.
"""

from __future__ import annotations

import pygame

from ...present.i18n import _
from ...present.viewmodel import (
    INDICATOR_GROUPS,
    Indicator,
    current_plan,
    indicators,
    plan_progress,
    trend_word,
)
from .. import draw, saving
from ..hints import Hint, paint_hints
from ..layout import flow_balanced
from ..scene import Scene
from .common import game_frame, paint_game_ledger, paint_heading

PAGES_HINT = Hint("PgUp/PgDn", "more figures", "scroll")


class YearScene(Scene):
    title = "year"

    def __init__(self, app):
        super().__init__(app)
        self.cards_checked = False
        self.pager = draw.Pager()

    @property
    def ctx(self):
        return self.app.ctx

    def on_resume(self) -> None:
        self.cards_checked = False

    def update(self, dt: float) -> None:
        # Cards and the end are pushed from the loop, not from inside activate().
        if self.cards_checked or self.app.top is not self:
            return
        self.cards_checked = True
        if self.ctx.finished:
            from .end import EndScene

            self.app.reset(EndScene(self.app))
            return
        pending = self.ctx.pending_events()
        if self.ctx.autosaved != self.ctx.year:  # the start of every year, cards drawn, as saves expect
            self.ctx.autosaved = self.ctx.year
            problem = saving.autosave(self.ctx)
            if problem:
                self.app.notices.append(problem)
        if pending:
            from .event_card import EventCardScene

            self.app.push(EventCardScene(self.app, pending[0]))

    # -- layout ----------------------------------------------------------------------------------
    def labels(self) -> list[str]:
        return [_("Directives for the year  [D]"), _("Last report  [R]"), _("Menu  [Esc]")]

    def layout(self) -> None:
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, buttons=self.labels(), hints=self.hints(),
                                hint_reserve=[PAGES_HINT])
        body = self.frame.body
        plan_w = max(s.px(260), int(body.width * 0.32))
        if body.width - plan_w - s.gap < s.px(300):
            plan_w = max(s.px(200), body.width // 3)
        self.plan_rect = pygame.Rect(body.right - plan_w, body.top, plan_w, body.height)
        self.groups_rect = pygame.Rect(body.left, body.top, body.width - plan_w - s.gap, body.height)
        self.group_rows = [indicators(self.ctx, metrics) for _name, metrics in INDICATOR_GROUPS]
        columns = 2 if self.groups_rect.width >= 2 * s.px(300) + s.gap else 1
        self.column_w = (self.groups_rect.width - (columns - 1) * s.gap) // columns
        self.widths = [self._widths(rows, self.column_w - 2 * s.gap) for rows in self.group_rows]
        heads = [max(self._head_height(_(name)), self._head_height(_("{group} (continued)").format(group=_(name))))
                 for name, _m in INDICATOR_GROUPS]  # a group that goes on takes its heading again
        groups = [(head, [self._row_height(row, widths) for row in rows])
                  for head, rows, widths in zip(heads, self.group_rows, self.widths, strict=True)]
        self.column_h = self.groups_rect.height - draw.pager_height(s) - s.px(2)
        self.compact = any(head + sum(sorted(rows)[-4:]) > self.column_h for head, rows in groups)
        if self.compact:  # too low for panels under their headings: one list, the headings as rows
            self._lay_out_list()
        else:
            self.group_pages = flow_balanced(groups, columns, self.column_h, s.gap)
        self._lay_out_plan()
        self.page_count = max(len(self.group_pages), len(self.plan_pages))
        self.pager.page = min(self.pager.page, self.page_count - 1)

    def _lay_out_list(self) -> None:
        s = self.style
        inner_w = self.groups_rect.width - 2 * s.px(6)
        every = [row for rows in self.group_rows for row in rows]
        self.list_widths = self._widths(every, inner_w)
        self.list_items: list[tuple[str, object, int]] = []
        for (name, _metrics), rows in zip(INDICATOR_GROUPS, self.group_rows, strict=True):
            self.list_items.append(("group", _(name), s.fonts.line("body_bold") + s.px(4)))
            self.list_items += [("row", row, self._row_height(row, self.list_widths)) for row in rows]
        view = self.groups_rect.height - 2 * s.px(6) - max(s.fonts.line("small"), draw.pager_height(s))
        pages: list[range] = []  # whole rows; a group's heading never ends a page: it goes with its first row
        start, used = 0, 0
        for index, (_kind, _item, height) in enumerate(self.list_items):
            if used + height > view and index > start:
                stop = index - 1 if self.list_items[index - 1][0] == "group" and index - 1 > start else index
                pages.append(range(start, stop))
                start, used = stop, sum(h for _k, _i, h in self.list_items[stop:index])
            used += height
        pages.append(range(start, len(self.list_items)))
        self.group_pages = pages

    def _head_height(self, title: str) -> int:
        """A group panel's height without its rows: the heading bar, the column heads, the foot."""
        s = self.style
        return draw.panel_bar_height(s, title, self.column_w) + s.px(6) + s.fonts.line("small") + s.gap

    def _widths(self, rows: list[Indicator], inner_w: int) -> tuple[int, int, int, int, int]:
        """(label, value, reported, trend, sparkline) widths of a group's columns: the figures
        and the trend as wide as their widest entry, the label what is left (it wraps if it must)."""
        s = self.style
        bold, body, small = s.fonts["body_bold"], s.fonts["body"], s.fonts["small"]
        value_w = max([bold.size(r.value)[0] for r in rows] + [small.size(self.value_head())[0]]) + s.px(6)
        any_reported = any(r.reported is not None for r in rows)
        reported_w = (max([body.size(r.reported)[0] for r in rows if r.reported is not None]
                          + [small.size(_("reported"))[0]]) + s.px(10)) if any_reported else 0
        trend_w = s.px(18) + max(small.size(trend_word(r))[0] for r in rows) + s.px(6)
        left = inner_w - value_w - reported_w - trend_w
        spark_w = 0
        if left - s.px(150) >= s.px(40):
            spark_w = min(s.px(90), left - s.px(150))
        return left - spark_w, value_w, reported_w, trend_w, spark_w

    def _row_height(self, row: Indicator, widths) -> int:
        s = self.style
        label_h = draw.label_height([s.fonts["body"], s.fonts["small"]], row.label, widths[0] - s.px(6))
        return max(label_h, s.fonts.line("body_bold")) + s.px(6)

    def _lay_out_plan(self) -> None:
        """The plan panel's items (its note, a row per target, the note that nothing has been
        played yet), on pages of the panel's height."""
        s = self.style
        plan = current_plan(self.ctx)
        self.plan = plan
        self.plan_title = plan.name if plan else _("No plan in force")
        bar = draw.panel_bar_height(s, self.plan_title, self.plan_rect.width)
        inner = pygame.Rect(self.plan_rect.left + s.gap, self.plan_rect.top + bar + s.px(6),
                            self.plan_rect.width - 2 * s.gap, self.plan_rect.height - bar - s.px(6) - s.gap // 2)
        self.plan_inner = inner
        small = s.fonts["small"]
        self.plan_items: list[tuple[str, object, int]] = []
        if plan is not None:
            note = _("Targets for {year}: real output (the red bar) and as reported (the tick)").format(year=plan.end)
            self.plan_items.append(("note", note, draw.text_height(small, note, inner.width) + s.px(4)))
            self.plan_items += [("row", row, self._plan_row_height(row, inner.width))
                                for row in plan_progress(self.ctx, plan)]
            if not self.ctx.session.records:
                empty = _("No year has been played yet: the figures are the country as the game begins, "
                          "history's for {year}; the model's own come with the first year-end report.").format(
                    year=self.ctx.world.first_year)
                self.plan_items.append(("note", empty, draw.text_height(small, empty, inner.width)))
        heights = [h for _kind, _item, h in self.plan_items]
        self.plan_pages = draw.Pager.pages(heights, inner.height - draw.pager_height(s)) if heights else [range(0)]

    def _plan_row_height(self, row, width: int) -> int:
        s = self.style
        body, bold = s.fonts["body"], s.fonts["body_bold"]
        figures = f"{row.real_text} / {row.target_text}"
        one_line = body.size(row.label)[0] + s.gap + bold.size(figures)[0] <= width
        lines = 1 if one_line else 2
        return lines * body.get_linesize() + s.px(2) + s.px(10) + s.px(10)

    def build(self) -> None:
        has_report = bool(self.ctx.session.records)
        entries = [("directives", self.directives, "#primary", True), ("report", self.report, None, has_report),
                   ("menu", self.back, "#quiet", True)]
        for (key, action, object_id, enabled), label, rect in zip(entries, self.labels(), self.frame.button_rects,
                                                                   strict=True):
            self.button(key, rect, label, action, object_id=object_id, enabled=enabled)
        if self.focus_key is None:
            self.focus_key = "directives"

    def hints(self) -> list[Hint]:
        hints = [Hint("D", _("directives"), "open:directives")]
        if self.ctx.session.records:
            hints.append(Hint("R", _("last report"), "open:report"))
            hints.append(Hint("W", _("why?"), "open:why"))
            if self.ctx.scenario.map is not None:
                hints.append(Hint("M", _("map"), "open:map"))
        if getattr(self, "page_count", 1) > 1:
            hints.append(Hint("PgUp/PgDn", _("more figures"), "scroll"))
        return hints + [Hint("Tab/arrows", _("move"), "move"), Hint("Enter", _("choose"), "activate"),
                        Hint("F11", _("full screen"), "fullscreen"), Hint("Esc", _("menu"), "menu")]

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette)
        paint_heading(canvas, s, self.frame.top, self.ctx)
        self.paint_groups(canvas)
        self.paint_plan(canvas)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def paint_list(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.box(canvas, s, self.groups_rect)
        inner = self.groups_rect.inflate(-2 * s.px(6), -2 * s.px(6))
        page = self.group_pages[min(self.pager.page, len(self.group_pages) - 1)]
        rows = [item for item in (self.list_items[i] for i in page)]
        heights = [h for _k, _i, h in rows]
        head_h = max(s.fonts.line("small"), draw.pager_height(s))
        self.paint_rows(canvas, inner, rows, heights, self.list_widths, head_h)
        cue = pygame.Rect(inner.left, inner.top, inner.width, draw.pager_height(s))  # on the line of the heads
        draw.page_cue(canvas, s, cue, min(self.pager.page, len(self.group_pages) - 1), len(self.group_pages))

    def paint_groups(self, canvas: pygame.Surface) -> None:
        s = self.style
        if self.compact:
            self.paint_list(canvas)
            return
        page = self.group_pages[min(self.pager.page, len(self.group_pages) - 1)]
        for column, parts in enumerate(page):
            x = self.groups_rect.left + column * (self.column_w + s.gap)
            y = self.groups_rect.top
            for group, rows, continued in parts:
                name = _(INDICATOR_GROUPS[group][0])
                title = _("{group} (continued)").format(group=name) if continued else name
                widths = self.widths[group]
                heights = [self._row_height(self.group_rows[group][i], widths) for i in rows]
                rect = pygame.Rect(x, y, self.column_w, self._head_height(title) + sum(heights))
                self.paint_group(canvas, rect, title, [self.group_rows[group][i] for i in rows], widths, heights)
                y = rect.bottom + s.gap
        cue = pygame.Rect(self.groups_rect.left, self.groups_rect.bottom - draw.pager_height(s),
                          self.groups_rect.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, min(self.pager.page, len(self.group_pages) - 1), len(self.group_pages))

    def paint_group(self, canvas: pygame.Surface, rect: pygame.Rect, name: str, rows: list[Indicator], widths,
                    heights: list[int]) -> None:
        inner = draw.panel(canvas, self.style, rect, name)
        self.paint_rows(canvas, inner, [("row", row, h) for row, h in zip(rows, heights, strict=True)], heights,
                        widths)

    def value_head(self) -> str:
        """The figures' column head: the model's real figures, or before the first year the
        country as the game begins."""
        return _("real") if self.ctx.session.records else _("at start")

    def paint_rows(self, canvas: pygame.Surface, inner: pygame.Rect, items, heights: list[int], widths,
                   head_h: int | None = None) -> None:
        """Indicator rows (and, in the list, group headings) under the heads "real" and "reported"."""
        s = self.style
        p = s.palette
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small"]
        label_w, value_w, reported_w, trend_w, spark_w = widths
        value_right = inner.left + label_w + value_w
        reported_right = value_right + reported_w
        trend_x = reported_right + s.px(4)
        draw.text(canvas, small, self.value_head(), (value_right - s.px(4), inner.top), p.muted, "topright")
        if reported_w:
            draw.text(canvas, small, _("reported"), (reported_right - s.px(4), inner.top), p.dark_red, "topright")
        y = inner.top + (small.get_linesize() if head_h is None else head_h)
        for (kind, row, _h), row_h in zip(items, heights, strict=True):
            if kind == "group":
                draw.text(canvas, bold, row, (inner.left, y + s.px(2)), p.red)
                y += row_h
                continue
            mid = y + row_h // 2
            draw.label(canvas, [body, small], row.label, pygame.Rect(inner.left, y, label_w - s.px(6), row_h), p.ink)
            draw.text(canvas, bold, row.value, (value_right - s.px(4), mid), p.ink, "midright")
            if row.reported is not None:
                draw.text(canvas, body, row.reported, (reported_right - s.px(4), mid), p.dark_red, "midright")
            colour = p.muted if row.good is None else p.good if row.good else p.bad
            word = trend_word(row)  # the shape and the word say it; the colour only adds to them
            if word:
                draw.trend_arrow(canvas, (trend_x + s.px(7), mid), s.px(12), row.trend, colour, p.ink)
                draw.text(canvas, small, word, (trend_x + s.px(18), mid), p.muted if row.good is None else p.ink,
                          "midleft")
            if spark_w:
                spark = pygame.Rect(inner.right - spark_w, y + s.px(4), spark_w, row_h - s.px(8))
                draw.sparkline(canvas, spark, row.history, p.muted)
            pygame.draw.line(canvas, p.rule, (inner.left, y + row_h - 1), (inner.right, y + row_h - 1), 1)
            y += row_h

    def paint_plan(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.panel(canvas, s, self.plan_rect, self.plan_title, accent=True)
        if self.plan is None:
            return
        inner = self.plan_inner
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small"]
        y = inner.top
        page = self.plan_pages[min(self.pager.page, len(self.plan_pages) - 1)]
        for index in page:
            kind, item, height = self.plan_items[index]
            if kind == "note":
                draw.paragraph(canvas, small, item, pygame.Rect(inner.left, y, inner.width, height), p.muted)
                y += height
                continue
            figures = f"{item.real_text} / {item.target_text}"
            one_line = body.size(item.label)[0] + s.gap + bold.size(figures)[0] <= inner.width
            draw.text(canvas, body, item.label, (inner.left, y), p.ink)
            figures_y = y if one_line else y + body.get_linesize()
            draw.text(canvas, bold, figures, (inner.right, figures_y), p.ink, "topright")
            bar = pygame.Rect(inner.left, figures_y + body.get_linesize() + s.px(2), inner.width, s.px(10))
            draw.progress_bar(canvas, s, bar, item.fraction, item.reported_fraction)
            y += height
        cue = pygame.Rect(inner.left, inner.bottom - draw.pager_height(s), inner.width, draw.pager_height(s))
        draw.page_cue(canvas, s, cue, min(self.pager.page, len(self.plan_pages) - 1), len(self.plan_pages))

    # -- actions ---------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_d:
            self.directives()
        elif event.key == pygame.K_r and self.ctx.session.records:
            self.report()
        elif event.key == pygame.K_w and self.ctx.session.records:
            self.why()
        elif event.key == pygame.K_m and self.ctx.session.records and self.ctx.scenario.map is not None:
            self.map()
        else:
            return False
        return True

    def on_scroll(self, lines: int) -> bool:
        if self.pager.turn(lines, self.page_count):
            self.refresh()
            return True
        return False

    def directives(self) -> None:
        if self.ctx.pending_events():
            self.cards_checked = False
            return
        from .directives import DirectivesScene

        self.app.push(DirectivesScene(self.app))

    def report(self) -> None:
        from .report import ReportScene

        self.app.push(ReportScene(self.app, len(self.ctx.session.records) - 1, after_turn=False))

    def why(self) -> None:
        """Why the last year's headline figures moved, cause by cause."""
        from .why import WhyScene

        self.app.push(WhyScene(self.app))

    def map(self) -> None:
        """Where it happened: the regions on the map, the last year played."""
        from .map import MapScene

        self.app.push(MapScene(self.app, year=self.ctx.session.records[-1]["year"]))

    def back(self) -> None:
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
