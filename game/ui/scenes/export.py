"""Export the debrief: the printable page (HTML) and the results file (JSON) for the class
comparison, written into `debriefs/` in the user data folder. The player may type a name for the
results file (a student's or a team's); Enter with no name exports without one. An error becomes
a message on this screen, never a crash."""

from __future__ import annotations

import logging

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene
from . import debrief_views as dv

log = logging.getLogger(__name__)

PASS_THROUGH = {pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE,
                pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN}


def char_wrap(font: pygame.font.Font, text: str, width: int, lines: int = 3) -> list[str]:
    """A path broken anywhere (it has no spaces to break at); at most `lines` lines."""
    out: list[str] = []
    while text and len(out) < lines:
        cut = len(text)
        while cut > 1 and font.size(text[:cut])[0] > width:
            cut -= 1
        out.append(text[:cut])
        text = text[cut:]
    if text and out:
        out[-1] = draw.fit(font, out[-1] + text, width)
    return out


class ExportScene(Scene):
    modal = True
    title = "export"

    def __init__(self, app, end_scene=None):
        super().__init__(app)
        self.end_scene = end_scene
        self.name = ""
        self.done = False
        self.paths: tuple = ()
        self.error = ""

    @property
    def ctx(self):
        return self.app.ctx

    def folder(self):
        try:
            return dv.debriefs_dir()
        except Exception:  # noqa: BLE001 - only shown; the export reports a real failure itself
            return None

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        width = min(w - 4 * s.gap, s.px(820))
        height = min(h - 4 * s.gap, s.px(380))
        self.sheet = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        self.inner = self.sheet.inflate(-4 * s.gap, -3 * s.gap)
        buttons_h = s.button_height()
        self.buttons_rect = pygame.Rect(self.inner.left, self.inner.bottom - buttons_h, self.inner.width, buttons_h)
        self.field = pygame.Rect(self.inner.left, 0, self.inner.width, s.fonts.line("body") + s.px(14))

    def build(self) -> None:
        if self.done:
            self.button("close", self.buttons_rect, _("Close  [Enter]"), self.close, object_id="#primary")
            self.focus_key = "close"
            return
        go, cancel = self.button_row(self.buttons_rect, 2)
        self.button("export", go, _("Export  [Enter]"), self.export, object_id="#primary")
        self.button("cancel", cancel, _("Cancel  [Esc]"), self.close, object_id="#quiet")
        if self.focus_key is None:
            self.focus_key = "export"

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.sheet, _("Export the debrief"), accent=True)
        inner = pygame.Rect(inner.left + s.gap, inner.top + s.px(4), inner.width - 2 * s.gap,
                            self.buttons_rect.top - inner.top - s.gap)
        body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small"]
        folder = self.folder()
        if self.done:
            self._paint_outcome(canvas, inner)
            return
        text = _("The printable page (HTML) and the results file for the class comparison (JSON) are written "
                 "into {folder}.").format(folder=folder if folder is not None else _("the user data folder"))
        y = draw.paragraph(canvas, body, text, inner, p.ink) + s.gap
        y = draw.text(canvas, bold, _("Name for the results file (optional):"), (inner.left, y), p.ink,
                      width=inner.width).bottom + s.px(4)
        self.field.top = y
        pygame.draw.rect(canvas, p.paper, self.field)
        pygame.draw.rect(canvas, p.ink, self.field, s.rule)
        typed = draw.text(canvas, body, self.name, (self.field.left + s.px(8), self.field.centery), p.ink,
                          "midleft", width=self.field.width - s.px(20))
        caret_x = typed.right + s.px(2) if self.name else self.field.left + s.px(8)
        pygame.draw.line(canvas, p.red, (caret_x, self.field.top + s.px(5)), (caret_x, self.field.bottom - s.px(5)),
                         s.px(2))
        y = self.field.bottom + s.px(6)
        draw.paragraph(canvas, small, _("A student's or a team's name; nothing else personal is kept. Type it, "
                                        "or press Enter to export without one."),
                       pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.muted)

    def _paint_outcome(self, canvas: pygame.Surface, inner: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        body, bold = s.fonts["body"], s.fonts["body_bold"]
        if self.error:
            y = draw.text(canvas, bold, _("The debrief was not exported."), inner.topleft, p.red,
                          width=inner.width).bottom + s.px(4)
            draw.paragraph(canvas, body, self.error, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink)
            return
        y = draw.text(canvas, bold, _("Written into the folder:"), inner.topleft, p.ink, width=inner.width).bottom
        for line in char_wrap(body, str(self.paths[0].parent), inner.width):
            y = draw.text(canvas, body, line, (inner.left, y), p.ink).bottom
        y += s.px(6)
        for label, path in zip((_("Printable page"), _("Results file")), self.paths, strict=True):
            y = draw.text(canvas, bold, label, (inner.left, y), p.red, width=inner.width).bottom
            for line in char_wrap(body, path.name, inner.width):
                y = draw.text(canvas, body, line, (inner.left, y), p.ink).bottom
            y += s.px(6)

    # -- input -------------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        if self.done or event.key in PASS_THROUGH:
            return False
        if event.key == pygame.K_BACKSPACE:
            self.name = self.name[:-1]
            self.refresh()
            return True
        char = getattr(event, "unicode", "") or ""
        if char and char.isprintable() and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            if len(self.name) < dv.NAME_LIMIT:
                self.name += char
                self.refresh()
            return True
        return False

    def export(self) -> None:
        try:
            self.paths = dv.export_debrief(self.ctx, self.name)
            self.error = ""
            message = _("Debrief exported: {path}").format(path=self.paths[0])
        except Exception as exc:  # noqa: BLE001 - a full disc or a read-only folder is a message
            log.warning("the debrief could not be exported: %s", exc)
            self.error = str(exc) or type(exc).__name__
            message = _("The debrief was not exported: {error}").format(error=self.error)
        self.done = True
        if self.end_scene is not None:
            self.end_scene.exported(message, self.paths)
        self.focus_key = None
        self.relayout()

    def close(self) -> None:
        self.app.pop()

    def back(self) -> None:
        self.app.pop()
