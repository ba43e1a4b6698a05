"""New game: pick a scenario (its description, length and the levers it gives), the seed, the
weather and the complexity; then the content note (first time) and the first January."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

import pygame

from ... import errors
from ...scenario import Scenario, bundled_scenarios
from ...scenario.loader import load_with_mods
from ...scenario.schema import LEVERS
from .. import draw
from ..context import GameContext
from ..i18n import _
from ..scene import Scene
from .common import frame, paint_hint

WEATHERS = ("historical", "random")
COMPLEXITIES = ("scenario", "all")


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
        self.detail = pygame.Rect(body.left + left_w + 2 * s.gap, body.top, body.width - left_w - 2 * s.gap,
                                  body.height)

    def build(self) -> None:
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
        back, start = self.button_row(self.frame.buttons, 2)
        self.button("back", back, _("Back  [Esc]"), self.back, object_id="#quiet")
        self.button("start", start, _("Start  [S]"), self.start, object_id="#primary")
        if self.focus_key is None:
            self.focus_key = "start"

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
        draw.top_bar(canvas, s, self.frame.top, _("New game"), subtitle=_("choose a scenario"))
        inner = draw.panel(canvas, s, self.detail, self.info.name, accent=True)
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
        paint_hint(canvas, s, self.frame.hint,
                   _("1-{n}: scenario   Tab/arrows: move   digits: seed   S or Enter on Start: begin   Esc: back")
                   .format(n=len(self.infos)))

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

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_s:
            self.start()
            return True
        return False

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.infos):
            self.focus(f"scenario:{self.infos[number - 1].id}")
            self.select(number - 1)
            return True
        return False

    def back(self) -> None:
        self.app.pop()

    def start(self) -> None:
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
