"""New game: pick a scenario (its description, length and the levers it gives), the seed, the
weather and the complexity; then the content note (first time) and the first January.

The screen also shows the lesson code of the game about to start (scenario, seed, weather and the
player's settings), large enough for a teacher to copy onto the board, and has a field where a
pupil types such a code: the right-hand panel then says what the code means, and Enter (or Start)
opens exactly that game through the lesson path (game.persist.lessons). A mistyped code is
explained in the panel; it never leaves the screen."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import cache

import pygame
from pygame_gui.elements import UITextEntryLine

from ... import errors
from ...persist.lessons import Lesson, LessonCodeError, decode, make_code
from ...persist.settings import GameSettings
from ...scenario import Scenario, bundled_scenarios
from ...scenario.loader import load_with_mods
from ...scenario.schema import LEVERS
from .. import draw
from ..context import GameContext
from ..i18n import _
from ..scene import Item, Scene
from .common import frame, paint_hint

WEATHERS = ("historical", "random")
COMPLEXITIES = ("scenario", "all")
LESSON_FIELD = "lesson"
CODE_MAX_LENGTH = 24  # 15 characters, dashes and some spaces
PASSED_TO_FIELD = (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN)  # keys that still move the focus


@dataclass(frozen=True)
class ScenarioInfo:
    id: str
    scenario: Scenario | None
    problem: str = ""

    @property
    def name(self) -> str:
        return self.scenario.name if self.scenario else self.id


@cache
def scenario_infos() -> tuple[ScenarioInfo, ...]:
    """Every bundled scenario, read once; a broken one is listed with its problem, not hidden."""
    infos = []
    for scenario_id in bundled_scenarios():
        loaded = load_with_mods(scenario_id, [])
        if loaded.scenario is None:
            first = loaded.errors[0].format().splitlines()[0] if loaded.errors else _("cannot be read")
            infos.append(ScenarioInfo(scenario_id, None, first))
        else:
            infos.append(ScenarioInfo(scenario_id, loaded.scenario))
    # The lesson first, then the full campaign, then the counterfactuals: by length.
    return tuple(sorted(infos, key=lambda i: (i.scenario is None, (i.scenario.last_year - i.scenario.first_year)
                                              if i.scenario else 0, i.id != "great_turn", i.id)))


class InvisibleCharacters:
    """The characters the lesson field refuses: those that draw nothing (format characters such
    as U+200B, U+202E, U+FEFF, controls, combining marks, separators). pygame_gui asks
    `char in forbidden_characters`; typed first, such a character gave a text of zero width,
    which pygame cannot render and which stopped the window."""

    def __contains__(self, char: str) -> bool:
        return unicodedata.category(char)[0] in "CMZ" and char != " "

    def copy(self) -> InvisibleCharacters:
        return self


class LessonFieldItem(Item):
    """The lesson code field: keys go to the text (pygame_gui); Enter opens the code."""

    def __init__(self, key: str, element: UITextEntryLine, submit, help_text: str = ""):
        super().__init__(key, element, help_text)
        self.submit = submit

    def activate(self) -> None:
        self.submit()


def theme_text_entry(manager, style) -> None:
    """assets/theme.json has no block for text fields, so pygame_gui would draw them in its own
    14-point font, light on light: add one (the theme's font, scaled, the quiet buttons' colours)
    to this manager, once. A larger, bold font keeps a typed code readable on a projector."""
    if getattr(manager, "_text_entry_themed", False):
        return
    from ..theme import theme_for

    theme = theme_for(style)
    font = dict(theme["defaults"]["font"])
    font.update(size=str(round(22 * style.scale)), bold="1")
    block = {"font": font, "colours": dict(theme.get("#quiet", {}).get("colours", {})),
             "misc": {"shape": "rectangle", "border_width": theme["defaults"].get("misc", {}).get("border_width", "2"),
                      "padding": f"{style.px(8)},{style.px(4)}"}}
    block["colours"]["dark_bg"] = block["colours"].get("normal_bg", "#F2E8CF")
    manager.get_theme().load_theme({"text_entry_line": block})
    manager._text_entry_themed = True


def lever_terms(scenario: Scenario, levers: list[str]) -> list[str]:
    return [scenario.glossary[lever].term if lever in scenario.glossary else lever for lever in levers]


class PickerScene(Scene):
    title = "picker"

    def __init__(self, app, selected: str | None = None, seed: int | None = None):
        super().__init__(app)
        self.infos = scenario_infos()
        ids = [i.id for i in self.infos]
        self.selected = ids.index(selected) if selected in ids else 0
        self.seed = seed if seed is not None else random.randint(1, 9999)
        self.weather = 0
        self.complexity = 0
        self.problem = ""
        self.entry: UITextEntryLine | None = None
        self.lesson_text = ""              # what is in the lesson code field
        self.lesson: Lesson | None = None  # what it decodes to, if it does
        self.lesson_error = ""             # why it does not, once the player pressed Enter

    @property
    def info(self) -> ScenarioInfo:
        return self.infos[self.selected]

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size, with_ledger=False)
        body = self.frame.body
        left_w = min(max(s.px(300), body.width // 3), s.px(460))
        bh = s.button_height()
        self.list_rects = [pygame.Rect(body.left, body.top + i * (bh + s.gap), left_w, bh)
                           for i in range(len(self.infos))]
        options_top = (self.list_rects[-1].bottom if self.list_rects else body.top) + 3 * s.gap
        self.option_rects = [pygame.Rect(body.left, options_top + i * (bh + s.gap), left_w, bh) for i in range(3)]
        self.lesson_label = pygame.Rect(body.left, self.option_rects[-1].bottom + 3 * s.gap, left_w,
                                        s.fonts.line("body_bold"))
        self.lesson_rect = pygame.Rect(body.left, self.lesson_label.bottom + s.px(4), left_w, bh)
        self.lesson_status = pygame.Rect(body.left, self.lesson_rect.bottom + s.px(6), left_w,
                                         max(0, body.bottom - self.lesson_rect.bottom - s.px(6)))
        self.detail = pygame.Rect(body.left + left_w + 2 * s.gap, body.top, body.width - left_w - 2 * s.gap,
                                  body.height)

    def build(self) -> None:
        s = self.style
        for index, (info, rect) in enumerate(zip(self.infos, self.list_rects, strict=True)):
            self.button(f"scenario:{info.id}", rect, f"{index + 1}  {info.name}", lambda i=index: self.select(i),
                        object_id="#on" if index == self.selected else "#list_item",
                        enabled=info.scenario is not None)
        self.number("seed", self.option_rects[0], self.seed, self.set_seed,
                    lambda v: _("Seed: {seed}   (type digits)").format(seed=v),
                    tooltip=_("The seed decides the random draws (weather in random mode, chance events). "
                              "A class that types the same seed plays the same game."))
        self.choice("weather", self.option_rects[1], WEATHERS, self.weather, self.set_weather,
                    lambda i: _("Weather: {mode}").format(mode=_(WEATHERS[i])),
                    tooltip=_("Historical: each year's recorded weather. Random: seeded draws."))
        self.choice("complexity", self.option_rects[2], COMPLEXITIES, self.complexity, self.set_complexity,
                    self.complexity_label, enabled=self.complexity_matters(),
                    tooltip=_("Play with the levers the scenario gives, or take every lever yourself."))
        theme_text_entry(self.app.manager, s)
        self.entry = UITextEntryLine(self.lesson_rect, self.app.manager, object_id="#quiet",
                                     placeholder_text=_("type it here, then Enter"))
        self.entry.set_text_length_limit(CODE_MAX_LENGTH)
        self.entry.set_forbidden_characters(InvisibleCharacters())
        if self.lesson_text:
            self.entry.set_text(self.lesson_text)
        self._register(LessonFieldItem(LESSON_FIELD, self.entry, self.submit_lesson,
                                       help_text=_("A lesson code from the board starts exactly the teacher's game.")))
        back, start = self.button_row(self.frame.buttons, 2)
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#quiet")
        self.button("start", start, self.start_label(), self.start, object_id="#primary")
        if self.focus_key is None:
            self.focus_key = "start"

    def relayout(self) -> None:
        super().relayout()
        self._sync_field_focus()

    def deactivate(self) -> None:
        super().deactivate()
        self.entry = None

    def start_label(self) -> str:
        return _("Start the lesson  [Enter]") if self.lesson_mode else _("Start  [S]")

    @property
    def lesson_mode(self) -> bool:
        """A code is in the field: the panel and Start are about it, not the picked scenario."""
        return bool(self.lesson_text.strip())

    def current_lesson(self) -> Lesson | None:
        """The lesson code of the game Start would begin: scenario, seed, weather, the player's settings."""
        if self.info.scenario is None:
            return None
        st = self.app.settings
        settings = GameSettings(classroom=st.classroom, content=st.content, allow_undo=st.allow_undo)
        try:
            return decode(make_code(self.info.id, self.seed, WEATHERS[self.weather], settings))
        except errors.UserError:  # not a code-able game (it cannot happen with the bundled scenarios)
            return None

    def complexity_matters(self) -> bool:
        return self.info.scenario is not None and len(self.info.scenario.levers) < len(LEVERS)

    def complexity_label(self, index: int) -> str:
        if index == 0 and self.info.scenario is not None:
            return _("Complexity: the scenario's {n} levers").format(n=len(self.info.scenario.levers))
        return _("Complexity: all {n} levers").format(n=len(LEVERS))

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.poster_background(canvas, p, 1)
        draw.top_bar(canvas, s, self.frame.top, _("New game"), subtitle=_("choose a scenario or type a lesson code"))
        self.paint_field_labels(canvas)
        paint_hint(canvas, s, self.frame.hint,
                   _("1-{n}: scenario   Tab/arrows: move   digits: seed   S or Enter on Start: begin   "
                     "lesson code: Tab to the field, type, Enter   Esc: back").format(n=len(self.infos)))
        if self.lesson_mode:
            self.paint_lesson(canvas)
            return
        inner = draw.panel(canvas, s, self.detail, self.info.name, accent=True)
        inner = self.paint_code_band(canvas, inner)
        scenario = self.info.scenario
        if scenario is None:
            draw.paragraph(canvas, s.fonts["body"], self.info.problem, inner, p.red)
            return
        years = scenario.last_year - scenario.first_year + 1
        facts = _("{first}–{last}: {years} years, one turn a year").format(
            first=scenario.first_year, last=scenario.last_year, years=years)
        if scenario.length_minutes:
            facts += "  ·  " + _("about {minutes} minutes").format(minutes=scenario.length_minutes)
        y = draw.text(canvas, s.fonts["body_bold"], facts, inner.topleft, p.ink, width=inner.width).bottom + s.gap
        levers = list(LEVERS) if self.complexity == 1 else list(scenario.levers)
        held = _("Your levers ({n} of {total}): ").format(n=len(levers), total=len(LEVERS))
        held += ", ".join(lever_terms(scenario, levers))
        if len(levers) < len(LEVERS):
            held += ". " + _("The others follow what history did.")
        y = draw.paragraph(canvas, s.fonts["body"], held, pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                           p.dark_red) + s.gap
        y = draw.paragraph(canvas, s.fonts["serif"], scenario.description,
                           pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink, spacing=1.1)
        if self.problem:
            rect = pygame.Rect(inner.left, inner.bottom - 3 * s.fonts.line("body"), inner.width,
                               3 * s.fonts.line("body"))
            draw.paragraph(canvas, s.fonts["body_bold"], self.problem, rect, p.red)

    def paint_field_labels(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.text(canvas, s.fonts["body_bold"], _("Lesson code from the board:"), self.lesson_label.topleft, p.ink,
                  width=self.lesson_label.width)
        if self.lesson_error:
            status, colour = _("Mistyped: see the panel on the right."), p.red
        elif self.lesson is not None:
            status, colour = _("Enter: start this lesson.  Esc: clear."), p.dark_red
        elif self.lesson_mode:
            status, colour = _("9 or 12 characters; dashes do not matter."), p.ink
        else:
            status, colour = "", p.ink
        if status:
            draw.paragraph(canvas, s.fonts["small"], status, self.lesson_status, colour)

    def paint_code_band(self, canvas: pygame.Surface, inner: pygame.Rect) -> pygame.Rect:
        """The lesson code of the game about to start, large, at the foot of the panel; returns
        the panel's room above it."""
        lesson = self.current_lesson()
        if lesson is None:
            return inner
        s = self.style
        p = s.palette
        small = s.fonts["small"]
        code_font = s.fonts["display"] if s.fonts["display"].size(lesson.code)[0] <= inner.width else s.fonts["h1"]
        note = _("Lesson code for this game: write it on the board; the class types it here "
                 "(or runs play --lesson CODE) to play the same game.")
        if self.complexity == 1:
            note += " " + _("The code plays with the scenario's levers, not all of them.")
        note_h = draw.text_height(small, note, inner.width)
        band_h = note_h + code_font.get_linesize() + s.gap
        band = pygame.Rect(inner.left, inner.bottom - band_h, inner.width, band_h)
        pygame.draw.line(canvas, p.ink, band.topleft, band.topright, max(1, s.px(2)))
        y = draw.paragraph(canvas, small, note, pygame.Rect(band.left, band.top + s.gap // 2, band.width, note_h), p.ink)
        draw.text(canvas, code_font, lesson.code, (band.left, y), p.red, width=band.width)
        return pygame.Rect(inner.left, inner.top, inner.width, max(0, band.top - s.gap - inner.top))

    def paint_lesson(self, canvas: pygame.Surface) -> None:
        """The panel while a code is in the field: what it means, or what is wrong with it."""
        s = self.style
        p = s.palette
        lesson = self.lesson
        inner = draw.panel(canvas, s, self.detail, _("Lesson code"), accent=True)
        body = s.fonts["body"]
        if lesson is None:
            if self.lesson_error:
                y = draw.paragraph(canvas, s.fonts["body_bold"], self.lesson_error, inner, p.red) + s.gap
                advice = _("Compare the code with the board character by character. Codes use digits and the "
                           "letters A-Z without U; O reads as 0, I and L as 1; case and dashes do not matter.")
            else:
                y = inner.top
                advice = _("Type the lesson code from the board: 9 or 12 characters (15 for a large seed), "
                           "then press Enter.")
            draw.paragraph(canvas, body, advice, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink)
            return
        y = draw.text(canvas, s.fonts["display"] if s.fonts["display"].size(lesson.code)[0] <= inner.width
                      else s.fonts["h1"], lesson.code, inner.topleft, p.red, width=inner.width).bottom + s.gap
        name = next((i.name for i in self.infos if i.id == lesson.scenario), None)
        for line in lesson.describe(name).splitlines()[1:]:  # the first line is the code itself
            warning = line.startswith("warning:")
            font = s.fonts["body_bold"] if warning else body
            y = draw.paragraph(canvas, font, line.strip(), pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                               p.red if warning else p.ink)
        y += s.gap
        draw.paragraph(canvas, s.fonts["body_bold"], _("Enter or Start: play this lesson. It is played on the bundled "
                                                       "scenario, without mods, so every machine gets the same game."),
                       pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.dark_red)

    # -- changes ---------------------------------------------------------------------------------
    def select(self, index: int) -> None:
        if self.infos[index].scenario is None:
            return
        self.selected = index
        if not self.complexity_matters():
            self.complexity = 0
        self.relayout()

    def set_seed(self, value: int) -> None:
        self.seed = value

    def set_weather(self, index: int) -> None:
        self.weather = index

    def set_complexity(self, index: int) -> None:
        self.complexity = index
        self.refresh()

    def update(self, dt: float) -> None:
        if self.entry is None:
            return
        text = self.entry.get_text()
        if text != self.lesson_text:
            self.set_lesson_text(text)

    def set_lesson_text(self, text: str) -> None:
        """The field changed: decode as the player types (no error until Enter)."""
        was_lesson_mode = self.lesson_mode
        self.lesson_text = text
        self.lesson_error = ""
        try:
            self.lesson = decode(text) if text.strip() else None
        except LessonCodeError:
            self.lesson = None
        if was_lesson_mode != self.lesson_mode:
            start = next((i for i in self.items if i.key == "start"), None)
            if start is not None:
                start.element.set_text(self.start_label())
        self.refresh()

    def focus(self, key: str | None) -> None:
        super().focus(key)
        self._sync_field_focus()

    def _sync_field_focus(self) -> None:
        """pygame_gui's keyboard focus follows the scene's: the field takes typing only when focused."""
        if self.entry is None:
            return
        if self.focus_key == LESSON_FIELD and not self.entry.is_focused:
            self.app.manager.set_focus_set(self.entry)
        elif self.focus_key != LESSON_FIELD and self.entry.is_focused:
            self.app.manager.set_focus_set(None)

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.focus_key == LESSON_FIELD:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.submit_lesson()
                return True
            return event.key not in PASSED_TO_FIELD and event.key != pygame.K_ESCAPE  # the rest is typing
        if event.key == pygame.K_s:
            self.start()
            return True
        return False

    def on_mouse(self, event: pygame.event.Event) -> bool:
        if self.entry is None or getattr(event, "button", 1) != 1:
            return False
        if self.entry.rect.collidepoint(event.pos):
            self.focus(LESSON_FIELD)
            return True
        if self.focus_key == LESSON_FIELD and not any(i.rect.collidepoint(event.pos) for i in self.items):
            self.app.manager.set_focus_set(self.entry)  # a click on the background keeps the typing in the field
        return False

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.infos):
            self.focus(f"scenario:{self.infos[number - 1].id}")
            self.select(number - 1)
            return True
        return False

    def back(self) -> None:
        """Esc: clear a typed lesson code first, then leave."""
        if self.lesson_text:
            if self.entry is not None:
                self.entry.set_text("")
            self.set_lesson_text("")
            return
        self.app.pop()

    def start(self) -> None:
        if self.lesson_mode:
            self.submit_lesson()
            return
        if self.info.scenario is None:
            return
        if not self.app.settings.content_note_seen:
            from .content_note import ContentNoteScene

            self.app.push(ContentNoteScene(self.app, on_continue=self.begin))
        else:
            self.begin()

    def begin(self) -> None:
        from .year import YearScene

        try:
            ctx = GameContext.start(self.info.id, self.seed, WEATHERS[self.weather], self.app.settings)
        except errors.UserError as exc:  # a broken mod in the user's folder, say: say so here
            self.problem = exc.message.splitlines()[0]
            if self.app.top is not self:
                self.app.pop()
            self.refresh()
            return
        if self.complexity == 1:
            ctx.all_levers = True
        self.app.ctx = ctx
        self.app.reset(YearScene(self.app))

    # -- a lesson code ---------------------------------------------------------------------------
    def submit_lesson(self) -> None:
        """Enter in the field (or Start with a code in it): open the code's game, or say what is wrong."""
        try:
            lesson = decode(self.lesson_text)
        except LessonCodeError as exc:
            self.lesson = None
            self.lesson_error = exc.message
            self.refresh()
            return
        self.lesson = lesson
        self.lesson_error = ""
        if not self.app.settings.content_note_seen:
            from .content_note import ContentNoteScene

            self.app.push(ContentNoteScene(self.app, on_continue=lambda: self.begin_lesson(lesson)))
        else:
            self.begin_lesson(lesson)

    def begin_lesson(self, lesson: Lesson) -> None:
        from .title import open_lesson

        try:
            open_lesson(self.app, lesson)
        except errors.UserError as exc:
            self.lesson_error = exc.message.splitlines()[0]
            if self.app.top is not self:
                self.app.pop()
            self.refresh()
