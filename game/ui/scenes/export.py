"""Export the debrief: the printable page (HTML) and the results file (JSON) for the class
comparison, written into `debriefs/` in the user data folder. The player may type a name for the
results file (a student's or a team's); Enter with no name exports without one. An error becomes
a message on this screen, never a crash."""

from __future__ import annotations

import logging

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import Hint, hints_height, paint_hints
from ..layout import label_fits
from ..scene import Scene
from . import debrief_views as dv

log = logging.getLogger(__name__)

PASS_THROUGH = {pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE,
                pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN}


WHAT = ("both", "handout", "full")
WHAT_LABELS = {"both": "the two-page handout and the full debrief", "handout": "the two-page handout",
               "full": "the full debrief"}


class ExportScene(Scene):
    modal = True
    title = "export"
    shows_files = True

    def __init__(self, app, end_scene=None):
        super().__init__(app)
        self.end_scene = end_scene
        self.name = ""
        self.what = 0
        self.done = False
        self.paths: tuple = ()
        self.error = ""

    @property
    def ctx(self):
        return self.app.ctx

    @property
    def takes_typing(self) -> bool:
        """While the name is typed, Space is part of it and Enter exports."""
        return not self.done

    def folder(self):
        try:
            return dv.debriefs_dir()
        except Exception:  # noqa: BLE001 - only shown; the export reports a real failure itself
            return None

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        width = min(w - 4 * s.gap, s.px(820))
        inner_w = width - 4 * s.gap
        bh = s.button_height()
        labels = [_("Close  [Enter]")] if self.done else [_("Export  [Enter]"), _("Cancel  [Esc]")]
        buttons = self.button_grid_rects(pygame.Rect(0, 0, inner_w, bh), labels)
        buttons_h = max(r.bottom for r in buttons)
        hint_h = hints_height(s, inner_w, self.hints())
        bar = draw.panel_bar_height(s, _("Export the debrief"), width)
        field_h = s.fonts.line("body") + s.px(14)
        self.text_w = inner_w - s.px(14)
        self.view = draw.TextView(s, self.blocks(), self.text_w)
        fixed = 0 if self.done else bh + s.gap + s.fonts.line("body_bold") + s.px(4) + field_h + s.gap
        wanted = bar + s.px(6) + self.view.height + s.gap + fixed + buttons_h + s.gap + hint_h + s.gap
        height = min(h - 2 * s.gap, wanted)
        self.sheet = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        left = self.sheet.left + 2 * s.gap
        self.hint_rect = pygame.Rect(left, self.sheet.bottom - s.gap - hint_h, inner_w, hint_h)
        self.button_rects = [r.move(left, self.hint_rect.top - s.gap - buttons_h) for r in buttons]
        y = self.button_rects[0].top - s.gap
        if not self.done:
            self.field = pygame.Rect(left, y - field_h, inner_w, field_h)
            self.field_label = pygame.Rect(left, self.field.top - s.px(4) - s.fonts.line("body_bold"), inner_w,
                                           s.fonts.line("body_bold"))
            self.what_rect = pygame.Rect(left, self.field_label.top - s.gap - bh, inner_w, bh)
            y = self.what_rect.top - s.gap
        top = self.sheet.top + bar + s.px(6)
        self.text_rect = pygame.Rect(left, top, self.text_w, max(0, y - top))

    def blocks(self) -> list[draw.Block]:
        folder = self.folder()
        where = str(folder) if folder is not None else _("the user data folder")
        if self.done:
            if self.error:
                return [draw.Block("body_bold", _("The debrief was not exported."), "red", 0),
                        draw.Block("body", self.error, "ink", 0.3)]
            blocks = [draw.Block("body_bold", _("Written into the folder:"), "ink", 0),
                      draw.Block("small", str(self.paths[0].parent), "ink", 0.1)]
            names = {".results.json": _("Results file (for the class comparison)")}
            for path in self.paths:
                label = names.get("".join(path.suffixes[-2:]), _("Handout") if "handout" in path.name
                                  else _("Printable debrief"))
                blocks += [draw.Block("body_bold", label, "red", 0.4), draw.Block("small", path.name, "ink", 0)]
            return blocks
        return [draw.Block("body", _("The printable pages (HTML: print them from a browser) and the results file for "
                                     "the class comparison (JSON) are written into {folder}.").format(
                                         folder=where), "ink", 0),
                draw.Block("small", _("A student's or a team's name; nothing else personal is kept. Type it, or "
                                      "press Enter to export without one."), "muted", 0.4)]

    def build(self) -> None:
        if self.done:
            self.button("close", self.button_rects[0], _("Close  [Enter]"), self.close, object_id="#primary")
            self.focus_key = "close"
            return
        self.choice("what", self.what_rect, WHAT, self.what, self.set_what,
                    lambda i: _("To print: {what}  ‹ ›").format(what=_(WHAT_LABELS[WHAT[i]])) if label_fits(
                        self.style, _("To print: {what}  ‹ ›").format(what=_(WHAT_LABELS[WHAT[i]])),
                        self.what_rect.width) else _("Print: {what}").format(what=_(WHAT[i])),
                    help_text=_("The handout is two pages; the full debrief has every chart, event and source."))
        go, cancel = self.button_rects
        self.button("export", go, _("Export  [Enter]"), self.export, object_id="#primary")
        self.button("cancel", cancel, _("Cancel  [Esc]"), self.close, object_id="#quiet")
        if self.focus_key is None:
            self.focus_key = "export"

    def set_what(self, index: int) -> None:
        self.what = index

    def hints(self) -> list[Hint]:
        if self.done:
            return [Hint("Enter/Esc", _("close"), "back")]
        return [Hint("Enter", _("the highlighted button (Export first)"), "activate"),
                Hint("", _("Type a name; Backspace deletes."), "note"), Hint("Tab", _("move"), "move"),
                Hint("Left/Right", _("what to print"), "adjust"), Hint("Esc", _("cancel"), "back")]

    def enter_action(self):
        return self.close if self.done else None

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.panel(canvas, s, self.sheet, _("Export the debrief"), accent=True)
        self.view.draw(canvas, self.text_rect)
        if not self.done:
            body, bold = s.fonts["body"], s.fonts["body_bold"]
            draw.label(canvas, [bold, s.fonts["small_bold"]], _("Name for the results file (optional):"),
                       self.field_label, p.ink)
            draw.box(canvas, s, self.field, fill=p.paper)
            typed = draw.text(canvas, body, self.name, (self.field.left + s.px(8), self.field.centery), p.ink,
                              "midleft", width=self.field.width - s.px(20), abbreviate=True)
            caret_x = typed.right + s.px(2) if self.name else self.field.left + s.px(8)
            pygame.draw.line(canvas, p.red, (caret_x, self.field.top + s.px(5)), (caret_x, self.field.bottom - s.px(5)),
                             s.px(2))
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_text(lines)

    # -- input -------------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        if not self.done and event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus_key != "what":
            self.focus("what")  # Left/Right choose what to print, wherever the focus is
            return False
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
            self.paths = dv.export_debrief(self.ctx, self.name, what=WHAT[self.what])
            self.error = ""
            message = _("Debrief exported: {path}").format(path=self.paths[0]) if len(self.paths) < 3 else \
                _("Debrief exported: {path} and the full debrief beside it").format(path=self.paths[0])
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
