"""The error screen: what went wrong, where the report is, and ways on. The game (the session)
is kept: the player can try again, go back to the year, or to the title."""

from __future__ import annotations

from pathlib import Path

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene
from .common import frame, paint_hint


class ErrorScene(Scene):
    title = "error"

    def __init__(self, app, error: BaseException, report: Path | None, failed: Scene | None):
        super().__init__(app)
        self.error = error
        self.report = report
        self.failed = failed

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False)
        body = self.frame.body
        width = min(body.width, s.px(900))
        self.sheet = pygame.Rect(body.centerx - width // 2, body.top, width, body.height)

    def entries(self):
        ctx = self.app.ctx
        entries = [("retry", _("Try again"), self.retry, "#primary")]
        if ctx is not None and not ctx.finished:
            entries.append(("year", _("Back to the year"), self.to_year, None))
        entries += [("title", _("To the title"), self.to_title, None), ("quit", _("Quit"), self.app.quit, "#quiet")]
        return entries

    def build(self) -> None:
        entries = self.entries()
        for (key, label, action, object_id), rect in zip(entries, self.button_row(self.frame.buttons, len(entries)),
                                                         strict=True):
            self.button(key, rect, label, action, object_id=object_id)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p)
        draw.top_bar(canvas, s, self.frame.top, _("Something went wrong"))
        inner = draw.panel(canvas, s, self.sheet, _("The game hit an error"), accent=True)
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
        draw.TextView(s, blocks, inner.width).draw(canvas, inner)
        paint_hint(canvas, s, self.frame.hint, _("Left/Right: move   Enter: choose"))

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
