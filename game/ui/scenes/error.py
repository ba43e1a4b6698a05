"""The error screen: what went wrong, where the report is, and ways on. The game (the session)
is kept: the player can try again, go back to the year, or to the title."""

from __future__ import annotations

from pathlib import Path

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import ENTER_CHOOSE, SCROLL, Hint, paint_hints
from ..scene import Scene
from .common import frame


class ErrorScene(Scene):
    title = "error"
    shows_files = True

    def __init__(self, app, error: BaseException, report: Path | None, failed: Scene | None):
        super().__init__(app)
        self.error = error
        self.report = report
        self.failed = failed

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False, heading=(_("Something went wrong"), "", ""),
                           buttons=[label for _k, label, _a, _o in self.entries()], hints=self.hints(),
                           hint_reserve=[SCROLL])
        body = self.frame.body
        width = min(body.width, s.px(900))
        self.sheet = pygame.Rect(body.centerx - width // 2, body.top, width, body.height)
        inner_top = self.sheet.top + draw.panel_bar_height(s, _("The game hit an error"), width) + s.px(6)
        self.text_rect = pygame.Rect(self.sheet.left + s.gap, inner_top, width - 2 * s.gap - s.px(14),
                                     self.sheet.bottom - inner_top - s.gap)
        self.view = draw.TextView(s, self.blocks(), self.text_rect.width)

    def entries(self):
        ctx = self.app.ctx
        entries = [("retry", _("Try again"), self.retry, "#primary")]
        if ctx is not None and not ctx.finished:
            entries.append(("year", _("Back to the year"), self.to_year, None))
        entries += [("title", _("To the title"), self.to_title, None), ("quit", _("Quit"), self.app.quit, "#quiet")]
        return entries

    def build(self) -> None:
        for (key, label, action, object_id), rect in zip(self.entries(), self.frame.button_rects, strict=True):
            self.button(key, rect, label, action, object_id=object_id)

    def blocks(self) -> list[draw.Block]:
        where = type(self.failed).__name__ if self.failed is not None else "-"
        blocks = [
            draw.Block("body", _("The game you are playing is kept: nothing of it is lost. You can try the screen "
                                 "again, go back to the year, or go to the title.")),
            draw.Block("body_bold", f"{type(self.error).__name__}: {self.error}", "red"),
            draw.Block("small", _("Screen: {where}").format(where=where), "muted"),
            draw.Block("body", _("A report was written to:") if self.report else
                       _("The report could not be written; the log has the details.")),
        ]
        if self.report:
            blocks.append(draw.Block("small", str(self.report), "ink", 0.1))
            blocks.append(draw.Block("body", _("Please send it to the developers: it holds the error and the "
                                               "moves of this game, nothing else.")))
        return blocks

    def hints(self) -> list[Hint]:
        view = getattr(self, "view", None)
        scroll = [SCROLL] if view is not None and not view.fits(self.text_rect.height) else []
        return [Hint("Tab/Left/Right", _("move"), "move"), ENTER_CHOOSE, *scroll, Hint("Esc", _("to the title"), "back")]

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p)
        draw.top_bar(canvas, s, self.frame.top, _("Something went wrong"))
        draw.panel(canvas, s, self.sheet, _("The game hit an error"), accent=True)
        self.view.draw(canvas, self.text_rect)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_text(lines)

    def retry(self) -> None:
        self.app.pop()

    def to_year(self) -> None:
        from .year import YearScene

        self.app.reset(YearScene(self.app))

    def to_title(self) -> None:
        from .title import TitleScene

        self.app.reset(TitleScene(self.app))

    def back(self) -> None:
        self.to_title()
