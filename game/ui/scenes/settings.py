"""Settings: classroom mode, content intensity, undo, text size, full screen. Saved at once."""

from __future__ import annotations

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import Hint, paint_hints
from ..scene import Scene
from ..settings import CONTENT_LEVELS, TEXT_SCALES
from .common import frame

OFF_ON = ("off", "on")


class SettingsScene(Scene):
    title = "settings"

    def rows(self):
        st = self.app.settings
        return [
            ("classroom", OFF_ON, int(st.classroom),
             lambda i: _("Classroom mode: {v}").format(v=_(OFF_ON[i])),
             lambda i: self.apply(classroom=bool(i)),
             _("For a projector: text at least 1.5 times larger, high contrast, a vote tally on the event "
               "cards, the seed always on screen.")),
            ("content", CONTENT_LEVELS, CONTENT_LEVELS.index(st.content),
             lambda i: _("Event texts: {v}").format(v=_(CONTENT_LEVELS[i])),
             lambda i: self.apply(content=CONTENT_LEVELS[i]),
             _("Sober states what happened; detailed describes it more fully. The numbers are the same.")),
            ("undo", OFF_ON, int(st.allow_undo),
             lambda i: _("Allow undo (switch off for assessment): {v}").format(v=_(OFF_ON[i])),
             lambda i: self.apply(allow_undo=bool(i)),
             _("New games may take back the last year from the menu. A game keeps the setting it started "
               "with; lesson codes carry it.")),
            ("scale", tuple(str(x) for x in TEXT_SCALES), self._scale_index(),
             lambda i: _("Text size: {v}×").format(v=TEXT_SCALES[i]) if not st.classroom or TEXT_SCALES[i] >= 1.5
             else _("Text size: {v}× (1.5× in classroom mode)").format(v=TEXT_SCALES[i]),
             lambda i: self.apply(text_scale=TEXT_SCALES[i]),
             _("Scales every text. Classroom mode never goes below 1.5×.")),
            ("fullscreen", OFF_ON, int(st.fullscreen),
             lambda i: _("Full screen: {v}   [F11]").format(v=_(OFF_ON[i])),
             lambda i: self.apply(fullscreen=bool(i)),
             _("F11 switches at any time.")),
        ]

    def _scale_index(self) -> int:
        scale = self.app.settings.text_scale
        return min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - scale))

    def run_only(self, name: str) -> bool:
        """In force for this run only (a command-line flag, a lesson code, F11), not saved."""
        return getattr(self.app.settings, name) != getattr(self.app.saved_settings, name)

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False, heading=(_("Settings"), "", self.subtitle()),
                           buttons=[_("Back  [Esc]")], hints=self.hints(),
                           hint_reserve=[Hint("PgUp/PgDn", _("more settings"), "scroll")])
        body = self.frame.body
        width = min(body.width - 4 * s.gap, s.px(760))
        bh = s.button_height()
        small = s.fonts["small"]
        self.row_rects: list[pygame.Rect] = []
        self.help_rects: list[pygame.Rect] = []
        heights = []
        for _key, _o, _i, _l, _c, help_text in self.rows():
            heights.append(bh + s.px(3) + draw.text_height(small, self._help(_key, help_text), width) + s.gap)
        self.pages = draw.Pager.pages(heights, body.height - 2 * s.gap - draw.pager_height(s))
        self.pager = getattr(self, "pager", draw.Pager())
        self.pager.page = min(self.pager.page, len(self.pages) - 1)
        y = body.top + s.gap
        for index, ((_key, *_rest), height) in enumerate(zip(self.rows(), heights, strict=True)):
            if index in self.pages[self.pager.page]:
                self.row_rects.append(pygame.Rect(body.left + 2 * s.gap, y, width, bh))
                self.help_rects.append(pygame.Rect(body.left + 2 * s.gap, y + bh + s.px(3), width,
                                                   height - bh - s.px(3) - s.gap))
                y += height
            else:
                self.row_rects.append(pygame.Rect(0, 0, 0, 0))
                self.help_rects.append(pygame.Rect(0, 0, 0, 0))
        self.cue_rect = pygame.Rect(body.left + 2 * s.gap, body.bottom - draw.pager_height(s), width,
                                    draw.pager_height(s))

    def subtitle(self) -> str:
        return _("saved as you change them")

    def _help(self, key: str, help_text: str) -> str:
        name = {"undo": "allow_undo", "scale": "text_scale"}.get(key, key)
        if name in ("classroom", "content", "allow_undo", "text_scale", "fullscreen") and self.run_only(name):
            return help_text + " " + _("Now set for this run only (by the command line, a lesson code or F11); "
                                       "choose it here to keep it.")
        return help_text

    def build(self) -> None:
        for index, (key, options, option, label, on_change, help_text) in enumerate(self.rows()):
            if index in self.pages[self.pager.page]:
                self.choice(key, self.row_rects[index], options, option, on_change, label,
                            help_text=self._help(key, help_text))
        self.button("back", self.frame.button_rects[0], _("Back  [Esc]"), self.back, object_id="#primary")

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette, 1)
        draw.top_bar(canvas, s, self.frame.top, _("Settings"), subtitle=self.subtitle())
        small = s.fonts["small"]
        for index, (key, _o, _i, _l, _c, help_text) in enumerate(self.rows()):
            if index in self.pages[self.pager.page]:
                draw.paragraph(canvas, small, self._help(key, help_text), self.help_rects[index], s.palette.ink)
        draw.page_cue(canvas, s, self.cue_rect, self.pager.page, len(self.pages))
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def hints(self) -> list[Hint]:
        hints = [Hint("Up/Down", _("move"), "move"), Hint("Enter/Left/Right", _("change"), "adjust")]
        if len(getattr(self, "pages", ())) > 1:
            hints.append(Hint("PgUp/PgDn", _("more settings"), "scroll"))
        return hints + [Hint("Esc", _("back"), "back")]

    def on_scroll(self, lines: int) -> bool:
        return self.turn_page(lines)

    def apply(self, **changes) -> None:
        self.app.change_settings(self.app.settings.with_(**changes), save=True)

    def back(self) -> None:
        self.app.pop()
