"""A question before a destructive action ("Take back last year"): a modal over the screen that
asked. The safe answer has the focus, so Enter alone never destroys anything; Esc is the safe
answer too."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import hints_height
from ..scene import Scene
from .common import Hint, paint_hints


class ConfirmScene(Scene):
    modal = True
    title = "confirm"

    def __init__(self, app, question: str, detail: str, yes: str, no: str, on_yes: Callable[[], None]):
        super().__init__(app)
        self.question = question
        self.detail = detail
        self.yes_label = yes
        self.no_label = no
        self.on_yes = on_yes

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        width = min(w - 4 * s.gap, s.px(640))
        inner_w = width - 4 * s.gap
        bh = s.button_height()
        buttons = self.button_grid_rects(pygame.Rect(0, 0, inner_w, bh), [self.yes_label, self.no_label])
        rows = max(r.bottom for r in buttons)
        text_w = inner_w - s.px(14)  # room for the scroll cue, should the window be too low
        text_h = draw.TextView(s, self.blocks(), text_w).height
        hint_h = hints_height(s, inner_w, self.hints())
        height = min(h - 2 * s.gap, s.px(14) + text_h + 2 * s.gap + rows + s.gap + hint_h + s.gap)
        self.box = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        self.hint_rect = pygame.Rect(self.box.left + 2 * s.gap, self.box.bottom - s.gap - hint_h, inner_w, hint_h)
        top = self.hint_rect.top - s.gap - rows
        self.button_rects = [r.move(self.box.left + 2 * s.gap, top) for r in buttons]
        self.text_rect = pygame.Rect(self.box.left + 2 * s.gap, self.box.top + s.px(14) + s.gap, text_w,
                                     top - s.gap - self.box.top - s.px(14) - s.gap)
        self.view = draw.TextView(s, self.blocks(), self.text_rect.width)

    def blocks(self) -> list[draw.Block]:
        return [draw.Block("h3", self.question, "ink", 0), draw.Block("body", self.detail, "ink", 0.6)]

    def build(self) -> None:
        self.button("yes", self.button_rects[0], self.yes_label, self.confirm, object_id="#quiet")
        self.button("no", self.button_rects[1], self.no_label, self.back, object_id="#primary")
        if self.focus_key is None:
            self.focus_key = "no"

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.box(canvas, s, self.box, border=s.rule + 1)
        pygame.draw.rect(canvas, s.palette.red, (self.box.left, self.box.top, self.box.width, s.px(8)))
        self.view.draw(canvas, self.text_rect)
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def hints(self) -> list[Hint]:
        return [Hint("Enter", _("the highlighted answer"), "activate"), Hint("Y", self.yes_label, "confirm"),
                Hint("Esc", self.no_label, "back")]

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_y:
            self.confirm()
            return True
        return False

    def on_scroll(self, lines: int) -> bool:
        self.scroll_text(lines)
        return True  # the dialog keeps the wheel from the scene beneath it

    def confirm(self) -> None:
        self.app.pop()
        self.on_yes()

    def back(self) -> None:
        self.app.pop()
