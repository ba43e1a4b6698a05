"""Settings: classroom mode, content intensity, undo, text size, full screen. Saved at once."""

from __future__ import annotations

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene
from ..settings import CONTENT_LEVELS, TEXT_SCALES
from .common import frame, paint_hint

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
             lambda i: _("Text size: {v}×").format(v=TEXT_SCALES[i]),
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

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False)
        body = self.frame.body
        width = min(body.width, s.px(760))
        bh = s.button_height()
        help_h = 2 * s.fonts.line("small") + s.px(6)
        self.row_rects = [pygame.Rect(body.left + 2 * s.gap, body.top + 2 * s.gap + i * (bh + help_h + s.gap),
                                      width, bh) for i in range(len(self.rows()))]

    def build(self) -> None:
        for key, options, index, label, on_change, help_text in self.rows():
            self.choice(key, self.row_rects[len(self.items)], options, index, on_change, label, help_text=help_text)
        back = pygame.Rect(self.frame.buttons.left, self.frame.buttons.top, self.frame.buttons.width // 3,
                           self.frame.buttons.height)
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#primary")

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette, 1)
        draw.top_bar(canvas, s, self.frame.top, _("Settings"), subtitle=_("saved as you change them"))
        small = s.fonts["small"]
        for (_key, _o, _i, _l, _c, help_text), rect in zip(self.rows(), self.row_rects, strict=True):
            area = pygame.Rect(rect.left, rect.bottom + s.px(3), rect.width, 2 * small.get_linesize())
            draw.paragraph(canvas, small, help_text, area, s.palette.ink)
        paint_hint(canvas, s, self.frame.hint, _("Up/Down: move   Enter or Left/Right: change   Esc: back"))

    def apply(self, **changes) -> None:
        self.app.change_settings(self.app.settings.with_(**changes))

    def back(self) -> None:
        self.app.pop()
