"""The content note before the first game, with the choice of how graphic the texts are.

The teacher chooses how much detail the event texts give (sober or detailed), never what the
numbers are: the human-cost figures are the same at either setting.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import ESC_BACK, MOVE, SCROLL, Hint
from ..scene import Scene
from ..settings import CONTENT_LEVELS
from .common import frame, paint_text_sheet


def note_text() -> list[draw.Block]:
    return [
        draw.Block("h2", _("Before you begin")),
        draw.Block("serif", _(
            "This game is about the Soviet Union from 1928 to 1941: the five-year plans, the forced "
            "collectivization of agriculture, the famines of 1930–1933, the deportation of peasant "
            "families, forced labour in the camps and the Great Terror. Millions of people died.")),
        draw.Block("serif", _(
            "The game shows them as what they were: people, counted by historians, with the sources "
            "named. Deaths are never points, and nothing in the game rewards them. Where historians "
            "disagree, the game says who holds which view.")),
        draw.Block("serif", _(
            "You can choose how much detail the event texts give. The sober setting states what "
            "happened; the detailed setting describes it more fully. The numbers are the same either "
            "way. You can change this later in Settings.")),
    ]


class ContentNoteScene(Scene):
    title = "content_note"

    def __init__(self, app, on_continue: Callable[[], None] | None = None):
        super().__init__(app)
        self.on_continue = on_continue

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False, heading=(_("Content note"), "", ""),
                           buttons=[_("Back  [Esc]"), _("I understand: continue")], hints=self.hints(),
                           hint_reserve=[SCROLL])
        body = self.frame.body
        width = min(body.width, s.px(900))
        self.sheet = pygame.Rect(body.centerx - width // 2, body.top, width, body.height)
        self.text_rect = self.sheet.inflate(-4 * s.gap, -4 * s.gap)
        self.text_rect.width -= s.px(14)
        self.text_rect.height -= s.button_height() + 2 * s.gap
        self.view = draw.TextView(s, note_text(), self.text_rect.width)

    def build(self) -> None:
        s = self.style
        row = pygame.Rect(self.text_rect.left, self.text_rect.bottom + 2 * s.gap, self.text_rect.width,
                          s.button_height())
        content = CONTENT_LEVELS.index(self.app.settings.content)
        self.choice("content", row, CONTENT_LEVELS, content, self.set_content,
                    lambda i: _("Event texts: {level}").format(level=_(CONTENT_LEVELS[i])),
                    help_text=_("How much detail the event texts give; the numbers are the same either way."))
        back, go = self.frame.button_rects
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#quiet")
        self.button("continue", go, _("I understand: continue"), self.proceed, object_id="#primary")
        if self.focus_key is None:
            self.focus_key = "continue"

    def hints(self) -> list[Hint]:
        view = getattr(self, "view", None)
        scroll = [SCROLL] if view is not None and not view.fits(self.text_rect.height) else []
        return [Hint("Enter", _("continue"), "continue"), Hint("Left/Right", _("the text setting"), "adjust"),
                *scroll, MOVE, ESC_BACK]

    def enter_action(self):
        return self.proceed

    def paint(self, canvas: pygame.Surface) -> None:
        paint_text_sheet(canvas, self.style, self.frame, _("Content note"), self.sheet, self.view, self.text_rect,
                         self.hints())

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus_key != "content":
            self.focus("content")  # Left/Right change the text setting, wherever the focus is
            return False
        return False

    def set_content(self, index: int) -> None:
        self.app.change_settings(self.app.settings.with_(content=CONTENT_LEVELS[index]), save=True)

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_text(lines)

    def proceed(self) -> None:
        self.app.change_settings(self.app.settings.with_(content_note_seen=True), save=True)
        if self.on_continue is not None:
            self.on_continue()
        else:
            self.app.pop()

    def back(self) -> None:
        self.app.pop()
