"""A text in a window of its own, over the screen that asked for it (what a lever means, whole):
it scrolls with PgUp/PgDn and the arrows; Enter or Esc closes it."""

from __future__ import annotations

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import Hint, paint_hints
from ..scene import Scene


class InfoScene(Scene):
    modal = True
    title = "info"

    def __init__(self, app, heading: str, blocks: list[draw.Block]):
        super().__init__(app)
        self.heading = heading
        self.blocks = blocks

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        width = min(w - 4 * s.gap, s.px(720))
        inner_w = width - 4 * s.gap - s.px(14)
        self.view = draw.TextView(s, self.blocks, inner_w)
        bh = s.button_height()
        bar = draw.panel_bar_height(s, self.heading, width)
        hint_h = s.fonts.line("small") * 2 + s.px(4)
        height = min(h - 2 * s.gap, bar + s.gap + self.view.height + 2 * s.gap + bh + s.gap + hint_h + s.gap)
        self.box = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        self.hint_rect = pygame.Rect(self.box.left + 2 * s.gap, self.box.bottom - s.gap - hint_h, width - 4 * s.gap,
                                     hint_h)
        self.close_rect = pygame.Rect(self.box.right - 2 * s.gap - min(width // 2, s.px(240)),
                                      self.hint_rect.top - s.gap - bh, min(width // 2, s.px(240)), bh)
        top = self.box.top + bar + s.gap
        self.text_rect = pygame.Rect(self.box.left + 2 * s.gap, top, inner_w, self.close_rect.top - s.gap - top)

    def build(self) -> None:
        self.button("close", self.close_rect, _("Close  [Esc]"), self.back, object_id="#primary")

    def hints(self) -> list[Hint]:
        scroll = [] if self.view.fits(self.text_rect.height) else [Hint("PgUp/PgDn", _("scroll"), "scroll")]
        return scroll + [Hint("Enter/Esc", _("close"), "back")]

    def enter_action(self):
        return self.back

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.panel(canvas, s, self.box, self.heading, accent=True)
        self.view.draw(canvas, self.text_rect)
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_text(lines)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            self.on_scroll(1 if event.key == pygame.K_DOWN else -1)
            return True
        return False

    def back(self) -> None:
        self.app.pop()
