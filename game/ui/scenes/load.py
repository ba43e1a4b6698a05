"""Load a game: the saves and autosaves, newest first; a damaged one is listed with its problem."""

from __future__ import annotations

import pygame

from ...errors import UserError
from .. import draw, saving
from ..i18n import _
from ..scene import Scene
from .common import frame, paint_hint


class LoadScene(Scene):
    title = "load"

    def __init__(self, app):
        super().__init__(app)
        self.entries = saving.entries()
        self.problem = ""

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False)
        body = self.frame.body
        list_w = int(body.width * 0.55)
        bh = s.button_height()
        fits = max(1, (body.height + s.px(4)) // (bh + s.px(4)))
        self.rows = [pygame.Rect(body.left, body.top + i * (bh + s.px(4)), list_w, bh)
                     for i in range(min(fits, len(self.entries)))]
        self.detail = pygame.Rect(body.left + list_w + 2 * s.gap, body.top, body.width - list_w - 2 * s.gap,
                                  body.height)

    def build(self) -> None:
        for index, (entry, rect) in enumerate(zip(self.entries, self.rows, strict=False)):
            self.button(f"save:{index}", rect, entry.label, lambda e=entry: self.load(e), object_id="#list_item",
                        help_text=str(index))
        back = pygame.Rect(self.frame.buttons.left, self.frame.buttons.top, self.frame.buttons.width // 3,
                           self.frame.buttons.height)
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#primary")

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
                scenario=entry.scenario_name, seed=entry.seed, weather=entry.weather, year=entry.year, path=entry.path)
        y = draw.paragraph(canvas, s.fonts["body"], text, inner, s.palette.ink)
        if self.problem:
            draw.paragraph(canvas, s.fonts["body_bold"], self.problem,
                           pygame.Rect(inner.left, y + s.gap, inner.width, inner.bottom - y - s.gap), s.palette.red)
        paint_hint(canvas, s, self.frame.hint, _("Up/Down: move   Enter: load   Esc: back"))

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
