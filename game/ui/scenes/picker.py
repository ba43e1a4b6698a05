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
from ...present.context import GameContext
from ...present.i18n import _
from ...scenario import Scenario, bundled_scenarios
from ...scenario.loader import load_with_mods
from ...scenario.schema import LEVERS
from .. import draw
from ..hints import MOVE, Hint, paint_hints
from ..layout import label_fits
from ..scene import Item, Scene
from .common import frame

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
        self.frame = frame(s, self.size, with_ledger=False,
                           heading=(_("New game"), "", _("choose a scenario or type a lesson code")),
                           buttons=[_("Back  [Esc]"), self.start_label()], hints=self.hints(),
                           hint_reserve=[Hint("PgUp/PgDn", _("scroll"), "scroll")])
        body = self.frame.body
        left_w = min(max(s.px(300), body.width // 3), s.px(460))
        bh = s.button_height()
        small = s.fonts["small"]
        # The left column: the scenarios, the options and the lesson field, on pages if they do not fit.
        status_h = 2 * small.get_linesize()
        lesson_h = draw.label_height([s.fonts["body_bold"], small], _("Lesson code from the board:"), left_w) \
            + s.px(4) + bh + s.px(6) + status_h
        slots = [("scenario", i, bh) for i in range(len(self.infos))] + [("option", i, bh) for i in range(3)] + \
            [("lesson", 0, lesson_h)]
        heights = [h + s.gap for _kind, _i, h in slots]
        heights[len(self.infos) - 1] += 2 * s.gap  # a space between the scenarios and the options
        pages = draw.Pager.pages(heights, body.height)
        if len(pages) > 1:
            pages = draw.Pager.pages(heights, body.height - bh - s.gap)
        self.column_pages = pages
        self.column = getattr(self, "column", draw.Pager())
        self.column.page = min(self.column.page, len(pages) - 1)
        shown = pages[self.column.page]
        self.list_rects: dict[int, pygame.Rect] = {}
        self.option_rects: dict[int, pygame.Rect] = {}
        self.lesson_rect = self.lesson_label = self.lesson_status = None
        y = body.top
        for index in shown:
            kind, i, height = slots[index]
            if kind == "scenario":
                self.list_rects[i] = pygame.Rect(body.left, y, left_w, bh)
            elif kind == "option":
                self.option_rects[i] = pygame.Rect(body.left, y, left_w, bh)
            else:
                label_h = lesson_h - s.px(4) - bh - s.px(6) - status_h
                self.lesson_label = pygame.Rect(body.left, y, left_w, label_h)
                self.lesson_rect = pygame.Rect(body.left, self.lesson_label.bottom + s.px(4), left_w, bh)
                self.lesson_status = pygame.Rect(body.left, self.lesson_rect.bottom + s.px(6), left_w, status_h)
            y += heights[index]
        self.column_button = pygame.Rect(body.left, body.bottom - bh, left_w, bh) if len(pages) > 1 else None
        self.detail = pygame.Rect(body.left + left_w + 2 * s.gap, body.top, body.width - left_w - 2 * s.gap,
                                  body.height)
        self._lay_out_detail()

    def _lay_out_detail(self) -> None:
        """The right-hand panel: what the scenario is (a view that scrolls), the code at its foot."""
        s = self.style
        title = _("Lesson code") if self.lesson_mode else self.info.name
        bar = draw.panel_bar_height(s, title, self.detail.width)
        inner = pygame.Rect(self.detail.left + s.gap, self.detail.top + bar + s.px(6), self.detail.width - 2 * s.gap,
                            self.detail.height - bar - s.px(6) - s.gap // 2)
        self.band = None
        lesson = None if self.lesson_mode else self.current_lesson()
        if lesson is not None:
            code_font = self._code_font(lesson.code, inner.width)
            note_h = draw.text_height(s.fonts["small"], self._code_note(), inner.width)
            band_h = note_h + code_font.get_linesize() + s.gap
            if band_h <= inner.height // 2:
                self.band = pygame.Rect(inner.left, inner.bottom - band_h, inner.width, band_h)
                inner.height -= band_h + s.gap
        self.detail_text = pygame.Rect(inner.left, inner.top, inner.width - s.px(14), inner.height)
        self.detail_view = draw.TextView(s, self.detail_blocks(lesson if self.band is None else None),
                                         self.detail_text.width)

    def _code_font(self, code: str, width: int):
        s = self.style
        return draw.fitting([s.fonts["display"], s.fonts["h1"], s.fonts["h2"]], code, width) or s.fonts["h3"]

    def _code_note(self) -> str:
        note = _("Lesson code for this game: write it on the board; the class types it here "
                 "(or runs play --lesson CODE) to play the same game.")
        if self.complexity == 1:
            note += " " + _("The code plays with the scenario's levers, not all of them.")
        return note

    def detail_blocks(self, lesson_in_text: Lesson | None) -> list[draw.Block]:
        if self.lesson_mode:
            return self.lesson_blocks()
        scenario = self.info.scenario
        if scenario is None:
            return [draw.Block("body", self.info.problem, "red", 0)]
        years = scenario.last_year - scenario.first_year + 1
        facts = _("{first}–{last}: {years} years, one turn a year").format(
            first=scenario.first_year, last=scenario.last_year, years=years)
        if scenario.length_minutes:
            facts += "  ·  " + _("about {minutes} minutes").format(minutes=scenario.length_minutes)
        levers = list(LEVERS) if self.complexity == 1 else list(scenario.levers)
        held = _("Your levers ({n} of {total}): ").format(n=len(levers), total=len(LEVERS))
        held += ", ".join(lever_terms(scenario, levers))
        if len(levers) < len(LEVERS):
            held += ". " + _("The others follow what history did.")
        blocks = [draw.Block("body_bold", facts, "ink", 0), draw.Block("body", held, "dark_red", 0.6),
                  draw.Block("serif", scenario.description, "ink", 0.6)]
        if self.problem:
            blocks.append(draw.Block("body_bold", self.problem, "red", 0.6))
        if lesson_in_text is not None:  # a small window: the code at the end of the text
            blocks += [draw.Block("small", self._code_note(), "ink", 0.8), draw.Block("h1", lesson_in_text.code, "red", 0.2)]
        return blocks

    def lesson_blocks(self) -> list[draw.Block]:
        lesson = self.lesson
        if lesson is None:
            if self.lesson_error:
                return [draw.Block("body_bold", self.lesson_error, "red", 0),
                        draw.Block("body", _("Compare the code with the board character by character. Codes use "
                                             "digits and the letters A-Z without U; O reads as 0, I and L as 1; "
                                             "case and dashes do not matter."), "ink", 0.6)]
            return [draw.Block("body", _("Type the lesson code from the board: 9 or 12 characters (15 for a large "
                                         "seed), then press Enter."), "ink", 0)]
        name = next((i.name for i in self.infos if i.id == lesson.scenario), None)
        blocks = [draw.Block("h1", lesson.code, "red", 0)]
        for line in lesson.describe(name).splitlines()[1:]:  # the first line is the code itself
            warning = line.startswith("warning:")
            blocks.append(draw.Block("body_bold" if warning else "body", line.strip(), "red" if warning else "ink",
                                     0.1))
        blocks.append(draw.Block("body_bold", _("Enter or Start: play this lesson. It is played on the bundled "
                                                "scenario, without mods, so every machine gets the same game."),
                                 "dark_red", 0.8))
        return blocks

    def hints(self) -> list[Hint]:
        hints = [Hint(f"1-{len(self.infos)}", _("scenario"), "page_select"), MOVE, Hint("Enter", _("choose"), "activate"),
                 Hint("0-9", _("seed, on the seed line"), "type"), Hint("S", _("start"), "start")]
        view = getattr(self, "detail_view", None)
        if view is not None and not view.fits(self.detail_text.height):
            hints.append(Hint("PgUp/PgDn", _("scroll"), "scroll"))
        return hints + [Hint("Esc", _("back"), "back")]

    def on_scroll(self, lines: int) -> bool:
        return self.scroll_view(self.detail_view, self.detail_text, lines)

    def move_focus(self, steps: int) -> None:
        """Tab and the arrows run through the whole column: past the last control of a page they
        turn to the next page (and back), so every control is reached by keyboard."""
        column = [i for i in self.items if i.enabled and i.key not in ("column", "back", "start")]
        current = self.focused
        if len(self.column_pages) > 1 and current in column:
            at_end = current is column[-1] and steps > 0 and self.column.page < len(self.column_pages) - 1
            at_start = current is column[0] and steps < 0 and self.column.page > 0
            if at_end or at_start:
                self.column.page += 1 if at_end else -1
                self.focus_key = None
                self.relayout()
                column = [i for i in self.items if i.enabled and i.key not in ("column", "back", "start")]
                if column:
                    self.focus((column[0] if at_end else column[-1]).key)
                return
        super().move_focus(steps)

    def turn_column(self) -> None:
        self.column.page = (self.column.page + 1) % len(self.column_pages)
        self.focus_key = "column"
        self.relayout()

    def build(self) -> None:
        s = self.style
        for index, info in enumerate(self.infos):
            if index in self.list_rects:
                self.button(f"scenario:{info.id}", self.list_rects[index], f"{index + 1}  {info.name}",
                            lambda i=index: self.select(i), object_id="#on" if index == self.selected else "#list_item",
                            enabled=info.scenario is not None)
        if 0 in self.option_rects:
            self.number("seed", self.option_rects[0], self.seed, self.set_seed, self.seed_label,
                        tooltip=_("The seed decides the random draws (weather in random mode, chance events). "
                                  "A class that types the same seed plays the same game."))
        if 1 in self.option_rects:
            self.choice("weather", self.option_rects[1], WEATHERS, self.weather, self.set_weather,
                        lambda i: _("Weather: {mode}").format(mode=_(WEATHERS[i])),
                        tooltip=_("Historical: each year's recorded weather. Random: seeded draws."))
        if 2 in self.option_rects:
            self.choice("complexity", self.option_rects[2], COMPLEXITIES, self.complexity, self.set_complexity,
                        self.complexity_label, enabled=self.complexity_matters(),
                        tooltip=_("Play with the levers the scenario gives, or take every lever yourself."))
        self.entry = None
        if self.lesson_rect is not None:
            theme_text_entry(self.app.manager, s)
            self.entry = UITextEntryLine(self.lesson_rect, self.app.manager, object_id="#quiet",
                                         placeholder_text=_("type it here, then Enter"))
            self.entry.set_text_length_limit(CODE_MAX_LENGTH)
            self.entry.set_forbidden_characters(InvisibleCharacters())
            if self.lesson_text:
                self.entry.set_text(self.lesson_text)
            self._register(LessonFieldItem(LESSON_FIELD, self.entry, self.submit_lesson,
                                           help_text=_("A lesson code from the board starts exactly the teacher's "
                                                       "game.")))
        if self.column_button is not None:
            self.button("column", self.column_button, _("More: page {n} of {total}").format(
                n=self.column.page + 1, total=len(self.column_pages)), self.turn_column, object_id="#quiet")
        back, start = self.frame.button_rects
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#quiet")
        self.button("start", start, self.start_label(), self.start, object_id="#primary")
        if self.focus_key is None:
            self.focus_key = "start"

    def refresh(self) -> None:
        """The panel's text follows the state (complexity, a typed code, a problem): laid out again,
        at the same scroll position where it can be."""
        if hasattr(self, "detail"):
            first = self.detail_view.first
            self._lay_out_detail()
            self.detail_view.first = min(first, self.detail_view.max_first(self.detail_text.height))
        super().refresh()

    def seed_label(self, value: int) -> str:
        full = _("Seed: {seed}   (type digits)").format(seed=value)
        rect = self.option_rects.get(0)
        return full if rect is None or label_fits(self.style, full, rect.width) else _("Seed: {seed}").format(seed=value)

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
        paint_hints(canvas, s, self.frame.hint, self.hints())
        draw.panel(canvas, s, self.detail, _("Lesson code") if self.lesson_mode else self.info.name, accent=True)
        self.detail_view.draw(canvas, self.detail_text)
        if self.band is not None:
            self.paint_code_band(canvas, self.band)

    def paint_field_labels(self, canvas: pygame.Surface) -> None:
        if self.lesson_label is None:
            return
        s = self.style
        p = s.palette
        draw.label(canvas, [s.fonts["body_bold"], s.fonts["small"]], _("Lesson code from the board:"),
                   self.lesson_label, p.ink)
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

    def paint_code_band(self, canvas: pygame.Surface, band: pygame.Rect) -> None:
        """The lesson code of the game about to start, large, at the foot of the panel."""
        lesson = self.current_lesson()
        if lesson is None:
            return
        s = self.style
        p = s.palette
        small = s.fonts["small"]
        pygame.draw.line(canvas, p.ink, band.topleft, band.topright, max(1, s.px(2)))
        note_h = draw.text_height(small, self._code_note(), band.width)
        y = draw.paragraph(canvas, small, self._code_note(), pygame.Rect(band.left, band.top + s.gap // 2, band.width,
                                                                         note_h), p.ink)
        draw.text(canvas, self._code_font(lesson.code, band.width), lesson.code, (band.left, y), p.red)

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

    def _slot_of(self, key: str | None) -> int | None:
        """The column slot of a control's key (scenarios, then seed, weather, complexity, the field)."""
        keys = [f"scenario:{i.id}" for i in self.infos] + ["seed", "weather", "complexity", LESSON_FIELD]
        return keys.index(key) if key in keys else None

    def focus(self, key: str | None) -> None:
        slot = self._slot_of(key)
        pages = getattr(self, "column_pages", [])
        if slot is not None and len(pages) > 1 and slot not in pages[self.column.page]:
            self.column.page = next(i for i, page in enumerate(pages) if slot in page)  # turn to its page
            self.focus_key = key
            self.relayout()
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
