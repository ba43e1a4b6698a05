"""The title: new game, continue, load, back to the game in progress, settings, sources and
credits, quit.

The title is drawn before the saves are looked at: listing them reads and checks every save (and
loads the game's model and scenarios), which would hold the first frame back. Continue and Load
always have their places in the menu, greyed out until the saves are known (and while there
are none), so nothing moves and no number key changes meaning when the list arrives.
"""

from __future__ import annotations

import pygame

from ...present.i18n import _
from .. import draw
from ..hints import ENTER_CHOOSE, MOVE, Hint, hints_height, paint_hints
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
        self.newest = saving.newest_loadable(found)
        if self.has_saves:
            self.relayout()

    def layout(self) -> None:
        """Stacked (the title above the menu) when both fit the window's height; else side by
        side. The title's type is the largest that fits its column; the menu is as wide as its
        longest line needs."""
        w, h = self.size
        s = self.style
        entries = self.entries()
        self.hint_lines = hints_height(s, int(w * 0.9), self.hints())
        notices_h = sum(draw.text_height(s.fonts["small"], n, int(w * 0.5)) + s.px(4) for n in self.app.notices[-2:])
        bh = s.button_height()
        step = bh + s.px(10)
        menu_h = len(entries) * step - s.px(10)
        self.menu_left = s.px(60) if w >= s.px(700) else s.gap * 2
        bottom = h - self.hint_lines - notices_h - s.px(12)
        menu_w = min(max(int(w * 0.40), self._menu_width(entries)), int(w * 0.9) - self.menu_left, s.px(620))
        stacked_title_w = self._clear_of_the_band(int(h * 0.45))
        title_h = self._title_height(stacked_title_w)
        top_margin = max(s.px(8), min(int(h * 0.12), h - bottom + bottom - title_h - menu_h - s.px(40)))
        if top_margin + title_h + s.px(24) + menu_h <= bottom:
            self.side_by_side = False
            self.title_top = top_margin
            self.title_w = stacked_title_w
            top = max(self.title_top + title_h + s.px(24), min(int(h * 0.48), bottom - menu_h))
            self.menu_rects = [pygame.Rect(self.menu_left, top + i * step, menu_w, bh) for i in range(len(entries))]
        else:  # a short window: the title on the left, the menu on the right
            self.side_by_side = True
            menu_w = min(self._menu_width(entries), int(w * 0.46))
            menu_x = w - s.gap * 2 - menu_w
            step = min(step, max(bh + s.px(2), (bottom - s.gap) // max(1, len(entries))))
            top = max(s.gap, (bottom - (len(entries) * step - (step - bh))) // 2)
            self.menu_rects = [pygame.Rect(menu_x, top + i * step, menu_w, bh) for i in range(len(entries))]
            self.title_w = min(menu_x - self.menu_left - 2 * s.gap, self._clear_of_the_band(bottom))
            self.title_top = max(s.gap, (bottom - self._title_height(self.title_w)) // 2)
        self.notice_rect = pygame.Rect(self.menu_left, h - self.hint_lines - notices_h - s.px(6),
                                       int(w * 0.5), notices_h)
        self.hint_rect = pygame.Rect(self.menu_left, h - self.hint_lines - s.px(4), int(w * 0.9) - self.menu_left,
                                     self.hint_lines)

    def _clear_of_the_band(self, y: int) -> int:
        """The width left of the poster's red band down to `y` (red type on the red band would
        vanish): the band's left edge runs from 0.56 of the width at the top to 0.44 at the foot."""
        w, h = self.size
        return int(w * (0.56 - 0.12 * min(1.0, y / h))) - self.menu_left - self.style.gap

    def _menu_width(self, entries) -> int:
        s = self.style
        font = s.fonts["body_bold"]
        longest = max(font.size(f"{i + 1}   {label}")[0] for i, (_k, label, _a, _e) in enumerate(entries))
        return longest + 2 * (s.rule + 1 + s.px(5)) + s.px(16)

    def _title_fonts(self, width: int):
        s = self.style
        big = draw.fitting([s.fonts["display"], s.fonts["h1"], s.fonts["h2"]], "ПЯТИЛЕТКА", width)
        return big or s.fonts["h2"], draw.fitting([s.fonts["h1"], s.fonts["h2"], s.fonts["h3"]], "PYATILETKA",
                                                   width) or s.fonts["h3"]

    def _title_height(self, width: int) -> int:
        s = self.style
        big, second = self._title_fonts(width)
        subtitle = draw.label_height([s.fonts["h3"], s.fonts["body_bold"]], self.subtitle(), width - s.px(4))
        return big.get_linesize() + second.get_linesize() + s.px(8) + subtitle + s.px(16)

    @staticmethod
    def subtitle() -> str:
        return _("The five-year plans: Soviet industrialization, 1928–1941")

    def hints(self) -> list[Hint]:
        return [Hint(f"1-{len(self.entries())}", _("menu"), "activate_number"), MOVE, ENTER_CHOOSE,
                Hint("F11", _("full screen"), "fullscreen"), Hint("Esc", _("quit"), "quit")]

    def entries(self) -> list[tuple[str, str, object, bool]]:
        """(key, label, action, enabled) of each menu line, in order; the places of Continue
        (or Return to the game) and Load never change."""
        ctx = self.app.ctx
        entries = [("new", _("New game"), self.new_game, True)]
        if ctx is not None and not ctx.finished:
            entries.append(("resume", _("Return to the game ({year})").format(year=ctx.year), self.resume, True))
        elif self.newest is not None:
            where = _("the end") if self.newest.finished else str(self.newest.year)
            entries.append(("continue", _("Continue ({year})").format(year=where), self.continue_game, True))
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
            tooltip = None
            if key == "continue" and self.newest is not None:  # what Continue opens, beyond its year
                tooltip = _("{scenario}, seed {seed}; saved {when}").format(
                    scenario=self.newest.scenario_name, seed=self.newest.seed,
                    when=self.newest.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if self.newest.saved_at else "?")
            self.button(key, rect, f"{index + 1}   {label}", action, enabled=enabled, tooltip=tooltip,
                        object_id="#primary" if key in ("new", "resume", "continue") and enabled else None)

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.title_poster(canvas, p)
        x = self.menu_left
        big, second = self._title_fonts(self.title_w)
        drawn = draw.text(canvas, big, "ПЯТИЛЕТКА", (x, self.title_top), p.red)
        drawn = draw.text(canvas, second, "PYATILETKA", (x + s.px(4), drawn.bottom), p.ink)
        sub_rect = pygame.Rect(x + s.px(4), drawn.bottom + s.px(8), self.title_w - s.px(4),
                               draw.label_height([s.fonts["h3"], s.fonts["body_bold"]], self.subtitle(),
                                                 self.title_w - s.px(4)))
        drawn = draw.label(canvas, [s.fonts["h3"], s.fonts["body_bold"]], self.subtitle(), sub_rect, p.ink,
                           valign="top")
        pygame.draw.rect(canvas, p.ink, (x, sub_rect.bottom + s.px(6), min(self.title_w, s.px(520)), s.px(6)))
        backing = self.hint_rect.inflate(s.px(8), s.px(2))  # the hints and notices on paper, off the poster's bars
        if self.app.notices:
            backing.union_ip(self.notice_rect.inflate(s.px(8), s.px(2)))
        backing.width = max(backing.width, self.hint_rect.width + s.px(8))
        draw.box(canvas, s, backing, fill=p.paper, border=0)
        paint_hints(canvas, s, self.hint_rect, self.hints())
        y = self.notice_rect.top
        for notice in self.app.notices[-2:]:
            height = draw.text_height(s.fonts["small"], notice, self.notice_rect.width)
            draw.paragraph(canvas, s.fonts["small"], notice, pygame.Rect(x, y, self.notice_rect.width, height),
                           p.dark_red)
            y += height + s.px(4)

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
    settings = lesson.settings  # for this run: a lesson code never changes the saved settings
    app.change_settings(app.settings.with_(classroom=settings.classroom or app.settings.classroom,
                                           content=settings.content))
    app.ctx = ctx
    app.reset(YearScene(app))
