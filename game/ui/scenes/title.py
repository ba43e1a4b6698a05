"""The title: new game, continue, load, back to the game in progress, settings, sources and
credits, quit.

The title is drawn before the saves are looked at: listing them reads and checks every save (and
loads the game's model and scenarios), which would hold the first frame back. Continue and Load
always have their places in the menu, greyed out until the saves are known (and while there
are none), so nothing moves and no number key changes meaning when the list arrives.
"""

from __future__ import annotations

import pygame

from .. import draw
from ..i18n import _
from ..scene import Scene


class TitleScene(Scene):
    title = "title"

    def __init__(self, app):
        super().__init__(app)
        self.saves_checked = False   # looked up after the title's first frame: start-up stays quick
        self.painted_at = None       # the app's frame count when this scene was first on screen
        self.newest = None
        self.has_saves = False

    def update(self, dt: float) -> None:
        if self.saves_checked or self.app.top is not self:
            return
        if self.painted_at is None:
            self.painted_at = self.app.frames_drawn
            return
        if self.app.frames_drawn <= self.painted_at:
            return  # not drawn yet: the title comes first
        self.saves_checked = True
        from .. import saving  # the saves, their scenarios and the model: after the first frame

        found = saving.entries()
        self.has_saves = bool(found)
        self.newest = next((e for e in found if e.ok and not e.finished), None)
        if self.has_saves:
            self.relayout()

    def layout(self) -> None:
        w, h = self.size
        s = self.style
        self.menu_left = s.px(60)
        self.title_top = int(h * 0.12)
        entries = len(self.entries())
        bh = s.button_height()
        width = min(int(w * 0.34), s.px(420))
        top = int(h * 0.48)
        available = h - top - s.px(50)
        step = min(bh + s.px(10), max(bh + 2, available // max(1, entries)))
        self.menu_rects = [pygame.Rect(self.menu_left, top + i * step, width, bh) for i in range(entries)]

    def entries(self) -> list[tuple[str, str, object, bool]]:
        """(key, label, action, enabled) of each menu line, in order; the places of Continue
        (or Return to the game) and Load never change."""
        ctx = self.app.ctx
        entries = [("new", _("New game"), self.new_game, True)]
        if ctx is not None and not ctx.finished:
            entries.append(("resume", _("Return to the game ({year})").format(year=ctx.year), self.resume, True))
        elif self.newest is not None:
            entries.append(("continue", _("Continue ({scenario}, {year})").format(
                scenario=self.newest.scenario_name.split(",")[0], year=self.newest.year), self.continue_game, True))
        else:  # no saves yet, or not looked at yet: the place is kept, greyed out
            entries.append(("continue", _("Continue"), self.continue_game, False))
        entries += [
            ("load", _("Load a game"), self.load, self.has_saves),
            ("settings", _("Settings"), self.settings, True),
            ("credits", _("Sources and credits"), self.credits, True),
            ("quit", _("Quit"), self.app.quit, True),
        ]
        return entries

    def build(self) -> None:
        for index, ((key, label, action, enabled), rect) in enumerate(
                zip(self.entries(), self.menu_rects, strict=True)):
            self.button(key, rect, f"{index + 1}   {label}", action, enabled=enabled,
                        object_id="#primary" if key in ("new", "resume", "continue") and enabled else None)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.title_poster(canvas, p)
        x = self.menu_left
        y = self.title_top
        display = s.fonts["display"]
        max_width = int(self.size[0] * 0.62)
        drawn = draw.text(canvas, display, "ПЯТИЛЕТКА", (x, y), p.red, width=max_width)
        drawn = draw.text(canvas, s.fonts["h1"], "PYATILETKA", (x + s.px(4), drawn.bottom), p.ink, width=max_width)
        drawn = draw.text(canvas, s.fonts["h3"], _("The five-year plans: Soviet industrialization, 1928–1941"),
                          (x + s.px(4), drawn.bottom + s.px(8)), p.ink, width=max_width)
        pygame.draw.rect(canvas, p.ink, (x, drawn.bottom + s.px(10), min(max_width, s.px(520)), s.px(6)))
        hint_font = s.fonts["small"]
        hint_y = self.size[1] - hint_font.get_linesize() - s.px(8)
        keys = _("Keys: 1-{n} or arrows and Enter.  F11: full screen.  Esc: quit.").format(n=len(self.entries()))
        draw.text(canvas, hint_font, keys, (x, hint_y), p.ink, width=int(self.size[0] * 0.38))
        for number, notice in enumerate(self.app.notices[-2:]):
            rect = pygame.Rect(x, hint_y - (number + 1) * 3 * hint_font.get_linesize(), int(self.size[0] * 0.38),
                               3 * hint_font.get_linesize())
            draw.paragraph(canvas, hint_font, notice, rect, p.dark_red)

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.items):
            item = self.items[number - 1]
            if item.enabled:  # a greyed-out line keeps its number and does nothing
                self.focus(item.key)
                item.activate()
            return True
        return False

    def back(self) -> None:
        self.app.quit()

    # -- actions ---------------------------------------------------------------------------------
    def new_game(self) -> None:
        from .picker import PickerScene

        self.app.push(PickerScene(self.app))

    def resume(self) -> None:
        from .year import YearScene

        self.app.reset(YearScene(self.app))

    def continue_game(self) -> None:
        from ...errors import UserError
        from .. import saving
        from .year import YearScene

        try:
            self.app.ctx = saving.load(self.newest.path)
        except UserError as exc:
            self.app.notices.append(exc.message)
            self.newest = None
            self.relayout()
            return
        self.app.reset(YearScene(self.app))

    def load(self) -> None:
        from .load import LoadScene

        self.app.push(LoadScene(self.app))

    def start_lesson(self, lesson) -> None:
        """The game of a lesson code (`play --lesson CODE`): its scenario, seed and settings."""
        open_lesson(self.app, lesson)

    def settings(self) -> None:
        from .settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def credits(self) -> None:
        from .credits import CreditsScene

        self.app.push(CreditsScene(self.app))


def open_lesson(app, lesson) -> None:
    """Start the game of a lesson code (from `play --lesson CODE` or the new-game screen's field):
    its bundled scenario, seed, weather and settings. Raises UserError, before anything changed,
    if the game cannot be started."""
    from .. import saving
    from .year import YearScene

    ctx = saving.lesson_context(lesson)
    warning = lesson.version_warning()
    if warning:
        app.notices.append(warning)
    settings = lesson.settings
    app.change_settings(app.settings.with_(classroom=settings.classroom or app.settings.classroom,
                                           content=settings.content))
    app.ctx = ctx
    app.reset(YearScene(app))
