"""The in-game menu (Esc): resume, settings, the title, quit. A modal over the game."""

from __future__ import annotations

import pygame

from ...present.i18n import _
from .. import draw, saving
from ..hints import ENTER_CHOOSE, MOVE, Hint, hints_height, paint_hints
from ..scene import Scene


class MenuScene(Scene):
    modal = True
    title = "menu"

    def __init__(self, app):
        super().__init__(app)
        self.saved = ""

    def entries(self):
        entries = [("resume", _("Resume  [Esc]"), self.back, "#primary")]
        if saving.available() and self.app.ctx is not None and not self.app.ctx.finished:
            entries.append(("save", self.saved or _("Save the game"), self.save, None))
        if self.app.ctx is not None and self.app.ctx.can_undo():
            entries.append(("undo", _("Take back last year…"), self.ask_undo, None))
        return entries + [
                ("settings", _("Settings"), self.settings, None),
                ("title", _("To the title (the game stays open)"), self.to_title, None),
                ("quit", _("Quit"), self.app.quit, "#quiet")]

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        bh = s.button_height()
        entries = self.entries()
        font = s.fonts["body_bold"]
        longest = max(font.size(f"{i + 1}  {label}")[0] for i, (_k, label, _a, _o) in enumerate(entries))
        width = min(w - 4 * s.gap, max(s.px(460), longest + 2 * (s.rule + 1 + s.px(5)) + 4 * s.gap + s.px(16)))
        hint_h = hints_height(s, width - 4 * s.gap, self.hints())
        step = min(bh + s.gap, max(bh + s.px(2), (h - 2 * s.gap - s.fonts.line("h2") - s.px(30) - hint_h)
                                   // max(1, len(entries))))
        height = s.fonts.line("h2") + s.px(30) + len(entries) * step + hint_h + s.gap
        self.box = pygame.Rect((w - width) // 2, max(0, (h - height) // 2), width, min(h, height))
        top = self.box.top + s.fonts.line("h2") + s.px(24)
        self.rects = [pygame.Rect(self.box.left + 2 * s.gap, top + i * step, width - 4 * s.gap, bh)
                      for i in range(len(entries))]
        self.hint_rect = pygame.Rect(self.box.left + 2 * s.gap, self.box.bottom - hint_h - s.gap // 2,
                                     width - 4 * s.gap, hint_h)

    def build(self) -> None:
        for index, ((key, label, action, object_id), rect) in enumerate(zip(self.entries(), self.rects, strict=True)):
            self.button(key, rect, f"{index + 1}  {label}", action, object_id=object_id)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.box(canvas, s, self.box, border=s.rule + 1)
        pygame.draw.rect(canvas, s.palette.red, (self.box.left, self.box.top, self.box.width, s.px(8)))
        draw.text(canvas, s.fonts["h2"], _("Menu"), (self.box.left + 2 * s.gap, self.box.top + s.px(14)),
                  s.palette.ink)
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def hints(self) -> list[Hint]:
        return [Hint(f"1-{len(self.entries())}", _("choose"), "activate_number"), MOVE, ENTER_CHOOSE,
                Hint("Esc", _("resume"), "back")]

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.items):
            self.items[number - 1].activate()
            return True
        return False

    def save(self) -> None:
        from ...errors import UserError

        ctx = self.app.ctx
        name = f"{ctx.scenario.id}-{ctx.year}-seed{ctx.session.seed}"
        try:
            path = saving.save(ctx, name)
            note = saving.save_note(name, path)
            self.saved = (_("Saved as {name}: another save has its name").format(name=path.stem) if note
                          else _("Saved as {name}").format(name=path.stem))
        except UserError as exc:
            self.saved = _("Not saved: {problem}").format(problem=exc.message)[:80]
        self.relayout()

    def ask_undo(self) -> None:
        """Taking back a year undoes its directives and its cards: ask first."""
        from .confirm import ConfirmScene

        ctx = self.app.ctx
        last = int(ctx.session.records[-1]["year"])
        self.app.push(ConfirmScene(
            self.app, _("Take back the year {year}?").format(year=last),
            _("The game goes back to January {year}: that year's directives and the answers to its cards are "
              "undone, and you play it again. The results file will say that a year was taken back.").format(
                year=last),
            _("Take back {year}").format(year=last), _("Keep it"), self.undo))

    def undo(self) -> None:
        from ...errors import UserError
        from .year import YearScene

        try:
            self.app.ctx = self.app.ctx.undone()
        except UserError as exc:
            self.saved = exc.message[:80]
            self.relayout()
            return
        self.app.reset(YearScene(self.app))

    def settings(self) -> None:
        from .settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def to_title(self) -> None:
        from .title import TitleScene

        self.app.reset(TitleScene(self.app))

    def back(self) -> None:
        self.app.pop()
