"""Load a game: the saves and autosaves, newest first; a damaged one is listed with its problem."""

from __future__ import annotations

import pygame

from ...errors import UserError
from ...present.i18n import _
from .. import draw, saving
from ..hints import ESC_BACK, SCROLL, Hint, paint_hints
from ..layout import label_fits
from ..scene import Scene
from .common import frame


class LoadScene(Scene):
    title = "load"
    shows_files = True

    def __init__(self, app):
        super().__init__(app)
        self.entries = saving.entries()
        self.problem = ""

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False, heading=(_("Load a game"), "", _("newest first")),
                           buttons=[_("Back  [Esc]")], hints=self.hints(), hint_reserve=[SCROLL])
        body = self.frame.body
        list_w = int(body.width * 0.55)
        bh = s.button_height()
        step = bh + s.px(4)
        cue_h = draw.pager_height(s)
        per_page = max(1, (body.height - cue_h + s.px(4)) // step)
        self.pages = [range(i, min(i + per_page, len(self.entries))) for i in range(0, len(self.entries), per_page)] \
            or [range(0)]
        self.pager = getattr(self, "pager", draw.Pager())
        self.pager.page = min(self.pager.page, len(self.pages) - 1)
        shown = self.pages[self.pager.page]
        self.rows = {i: pygame.Rect(body.left, body.top + (i - shown.start) * step, list_w, bh) for i in shown}
        self.cue_rect = pygame.Rect(body.left, body.bottom - cue_h, list_w, cue_h)
        self.detail = pygame.Rect(body.left + list_w + 2 * s.gap, body.top, body.width - list_w - 2 * s.gap,
                                  body.height)

    def build(self) -> None:
        s = self.style
        for index, rect in self.rows.items():
            entry = self.entries[index]
            label = entry.label if label_fits(s, entry.label, rect.width) else entry.short_label  # the rest beside it
            self.button(f"save:{index}", rect, label, lambda e=entry: self.load(e), object_id="#list_item",
                        help_text=str(index))
        self.button("back", self.frame.button_rects[0], _("Back  [Esc]"), self.back, object_id="#primary")

    def hints(self) -> list[Hint]:
        hints = [Hint("Up/Down", _("move"), "move"), Hint("Enter", _("load the save"), "activate")]
        if len(getattr(self, "pages", ())) > 1:
            hints.append(Hint("PgUp/PgDn", _("more saves"), "scroll"))
        return hints + [ESC_BACK]

    def on_scroll(self, lines: int) -> bool:
        return self.turn_page(lines)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette, 1)
        draw.top_bar(canvas, s, self.frame.top, _("Load a game"), subtitle=_("newest first"))
        inner = draw.panel(canvas, s, self.detail, _("The save"), accent=True)
        entry = self.focused_entry()
        if not self.entries:
            text = _("No saved games yet. The game saves itself at the start of every year.")
        elif entry is None:
            text = _("Move to a save to see what it holds.")
        elif entry.error:
            text = _("This save cannot be loaded: {problem}").format(problem=entry.error)
        else:
            text = _("{scenario}, seed {seed}, {weather} weather. Next: January {year}. File: {path}").format(
                scenario=entry.scenario_name, seed=entry.seed, weather=entry.weather, year=entry.year,
                path=entry.path.name)
            if entry.saved_at is not None:
                text += " " + _("Saved {when}.").format(when=entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            if entry.finished:
                text = _("{scenario}, seed {seed}, {weather} weather: the game is over. File: {path}").format(
                    scenario=entry.scenario_name, seed=entry.seed, weather=entry.weather, path=entry.path.name)
            if entry.locked:
                text += " " + _("Played with undo switched off: only its newest state can be opened.")
        blocks = [draw.Block("body", text)]
        if self.problem:
            blocks.append(draw.Block("body_bold", self.problem, "red", 0.6))
        inner.width -= s.px(14)
        draw.TextView(s, blocks, inner.width).draw(canvas, inner)
        draw.page_cue(canvas, s, self.cue_rect, self.pager.page, len(self.pages))
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def focused_entry(self):
        item = self.focused
        if item is None or not item.key.startswith("save:"):
            return None
        return self.entries[int(item.key.split(":")[1])]

    def help_changed(self) -> None:
        if self.active:
            self.refresh()

    def load(self, entry) -> None:
        from .year import YearScene

        if entry.error:
            self.problem = entry.error
            self.refresh()
            return
        try:
            ctx = saving.load(entry.path)
        except UserError as exc:
            self.problem = exc.message
            self.refresh()
            return
        self.app.ctx = ctx
        self.app.reset(YearScene(self.app))

    def back(self) -> None:
        self.app.pop()
