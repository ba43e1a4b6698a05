"""Sources and credits: every work the scenarios cite, the fonts and their licence, the
libraries."""

from __future__ import annotations

import pygame

from ...debrief.citations import works
from ...present.i18n import _
from ...present.viewmodel import sources
from ...scenario import Scenario
from .. import draw
from ..hints import ESC_BACK, SCROLL, Hint
from ..scene import Scene
from .common import frame, paint_text_sheet


def _scenarios() -> list[Scenario]:
    from .picker import scenario_infos

    return [info.scenario for info in scenario_infos() if info.scenario is not None]


def credit_blocks() -> list[draw.Block]:
    cited: list[str] = []
    for scenario in _scenarios():
        cited += sources(scenario)
    blocks = [draw.Block("h2", _("Sources"), "red", 0),
              draw.Block("body", _("The figures, notes and event texts of the scenarios rest on these works. Each "
                                   "figure's source and confidence is given in the scenario files.")),]
    blocks += [draw.Block("small", f"– {work}", "ink", 0.15) for work in works(cited)]
    blocks += [
        draw.Block("h2", _("Credits"), "red", 1.2),
        draw.Block("body", _("Fonts: PT Sans and PT Serif by ParaType, under the ParaType Free Font License; the "
                             "licence is shipped with the game, beside the fonts.")),
        draw.Block("body", _("Made with Python, pygame-ce, pygame_gui, pydantic, PyYAML and platformdirs.")),
    ]
    return blocks


class CreditsScene(Scene):
    title = "credits"

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False, heading=(_("Sources and credits"), "", ""),
                           buttons=[_("Back  [Esc]")], hints=self.hints(), hint_reserve=[SCROLL])
        self.sheet = self.frame.body
        self.text_rect = self.sheet.inflate(-4 * s.gap, -3 * s.gap)
        self.text_rect.width -= s.px(14)
        self.view = draw.TextView(s, credit_blocks(), self.text_rect.width)

    def build(self) -> None:
        self.button("back", self.frame.button_rects[0], _("Back  [Esc]"), self.back, object_id="#primary")

    def hints(self) -> list[Hint]:
        view = getattr(self, "view", None)
        scroll = [Hint("PgUp/PgDn/Up/Down", _("scroll"), "scroll")] if view is None or not view.fits(
            self.text_rect.height) else []
        return scroll + [ESC_BACK]

    def paint(self, canvas: pygame.Surface) -> None:
        paint_text_sheet(canvas, self.style, self.frame, _("Sources and credits"), self.sheet, self.view,
                         self.text_rect, self.hints())

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_text(lines)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP):
            self.on_scroll(1 if event.key == pygame.K_DOWN else -1)
            return True
        return False

    def back(self) -> None:
        self.app.pop()
