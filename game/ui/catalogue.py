"""Every screen of the game, set up on a real game: the one catalogue that the screenshots command
and the tests (layout, keyboard, resize, classroom) walk. A screen added to the game is added
here, and every check that visits "all screens" visits it.

Each entry builds the stack of scenes to show (on a fresh game of the bundled scenarios, played
with history's directives and answers through the session's commands) and may `prepare` it once
it is on screen (a key pressed, votes typed), as a player would.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pygame

from ..events.engine import historical_choice
from ..present.context import GameContext
from .app import App
from .driver import Driver, advance
from .scene import Scene

LESSON = "first_plan"
CAMPAIGN = "great_turn"
SEED = 1928


@dataclass(frozen=True)
class Screen:
    id: str                   # what tests call it
    file: str                 # the screenshot's file name, without .png
    build: Callable[[App], list[Scene]]
    prepare: Callable[[Driver], None] | None = None
    classroom_prepare: Callable[[Driver], None] | None = None  # then this too, in classroom mode


@cache
def _campaign(scenario: str):
    """The bundled scenario, read once for the catalogue (a campaign is not changed by playing it)."""
    from ..headless.simulator import prepare

    return prepare(scenario, None, user_mods=False)


def new_game(app: App, scenario: str = LESSON, until_year: int | None = None) -> GameContext:
    from ..present.context import _new_session

    campaign = _campaign(scenario)
    session = _new_session(campaign, SEED, campaign.weather("historical"), app.settings)
    ctx = GameContext(campaign, session, notices=campaign.notices)
    app.ctx = ctx
    if until_year is not None:
        advance(ctx, until_year)
    return ctx


def answer(ctx: GameContext) -> None:
    for event in ctx.pending_events():
        ctx.session.choose(event.id, historical_choice(event).id)


def _mid_game(app: App, scenario: str = LESSON, year: int = 1931) -> GameContext:
    """January of `year`, its cards answered and the directives drafted."""
    ctx = new_game(app, scenario, year)
    answer(ctx)
    ctx.history_draft()
    return ctx


SCENE_MODULES = {
    "ContentNoteScene": "content_note", "CreditsScene": "credits", "DirectivesScene": "directives",
    "EndScene": "end", "ErrorScene": "error", "EventCardScene": "event_card", "ExportScene": "export",
    "LoadScene": "load", "MenuScene": "menu", "PickerScene": "picker", "PlanEndScene": "plan_end",
    "ProjectsScene": "projects", "ReportScene": "report", "SettingsScene": "settings",
    "TargetsScene": "targets", "TitleScene": "title", "YearScene": "year", "ConfirmScene": "confirm",
    "InfoScene": "info", "WhyScene": "why", "MapScene": "map",
}
"""Every scene class of the game and its module in game/ui/scenes (a test checks none is missing)."""


def _scenes() -> dict[str, type[Scene]]:
    # Imported when used: the catalogue is loaded by the screenshots command and the tests only.
    return {name: getattr(importlib.import_module(f"{__package__}.scenes.{module}"), name)
            for name, module in SCENE_MODULES.items()}


def _first_card(app: App) -> list[Scene]:
    s = _scenes()
    ctx = new_game(app)
    return [s["YearScene"](app), s["EventCardScene"](app, ctx.pending_events()[0])]


def _targets(app: App) -> list[Scene]:
    s = _scenes()
    ctx = new_game(app)
    answer(ctx)
    ctx.history_draft()
    directives = s["DirectivesScene"](app)
    directives.targets_shown = True  # as when the directives opened the targets themselves
    return [s["YearScene"](app), directives, s["TargetsScene"](app)]


def _on(scene_names: tuple[str, ...], scenario: str = LESSON, year: int = 1931) -> Callable[[App], list[Scene]]:
    def build(app: App) -> list[Scene]:
        s = _scenes()
        _mid_game(app, scenario, year)
        return [s[name](app) for name in scene_names]
    return build


def _every_lever(app: App) -> list[Scene]:
    s = _scenes()
    _mid_game(app, CAMPAIGN, 1933)
    directives = s["DirectivesScene"](app)
    directives.targets_shown = True  # the targets screen has its own entry
    return [s["YearScene"](app), directives]


def _report(app: App) -> list[Scene]:
    s = _scenes()
    ctx = _mid_game(app)
    ctx.play_year()
    return [s["YearScene"](app), s["ReportScene"](app, len(ctx.session.records) - 1, after_turn=True)]


def _why(app: App) -> list[Scene]:
    """Why the famine of the 1932 harvest: the campaign played to January 1933."""
    s = _scenes()
    ctx = _mid_game(app, CAMPAIGN, 1932)
    ctx.play_year()
    answer(ctx)
    return [s["YearScene"](app), s["WhyScene"](app)]


def _map(app: App) -> list[Scene]:
    """The map of the campaign played to January 1934, on 1932 (history's answers and directives)."""
    s = _scenes()
    _mid_game(app, CAMPAIGN, 1934)
    return [s["YearScene"](app), s["MapScene"](app, year=1932)]


def _map_end(app: App) -> list[Scene]:
    s = _scenes()
    end = _end(app)[0]
    return [end, s["MapScene"](app)]


def _plan_end(app: App) -> list[Scene]:
    s = _scenes()
    new_game(app, CAMPAIGN, 1933)
    return [s["YearScene"](app), s["PlanEndScene"](app, "first_plan", 1932)]


def _end(app: App) -> list[Scene]:
    s = _scenes()
    ctx = new_game(app)
    advance(ctx, ctx.world.last_year + 1)
    return [s["EndScene"](app)]


def _export(app: App) -> list[Scene]:
    s = _scenes()
    end = _end(app)[0]
    return [end, s["ExportScene"](app, end)]


def _confirm_undo(app: App) -> list[Scene]:
    """The question before "Take back last year" (the menu of a game that allows undo)."""
    s = _scenes()
    _mid_game(app)
    menu = s["MenuScene"](app)
    return [s["YearScene"](app), menu]


def _ask_undo(driver: Driver) -> None:
    driver.app.top.ask_undo()
    driver.settle(2)


def _lever_help(app: App) -> list[Scene]:
    s = _scenes()
    _mid_game(app)
    return [s["YearScene"](app), s["DirectivesScene"](app)]


def _error(app: App) -> list[Scene]:
    s = _scenes()
    new_game(app, LESSON, 1929)
    failure = RuntimeError("a deliberately broken screen (the picture of the error screen)")
    return [s["YearScene"](app), s["ErrorScene"](app, failure, None, None)]


def _simple(*names: str, **kwargs) -> Callable[[App], list[Scene]]:
    def build(app: App) -> list[Scene]:
        s = _scenes()
        scenes = [s[name](app) for name in names[:-1]]
        return scenes + [s[names[-1]](app, **kwargs)]
    return build


def _press(*keys: int) -> Callable[[Driver], None]:
    def prepare(driver: Driver) -> None:
        for key in keys:
            driver.key(key)
    return prepare


def _outlook(driver: Driver) -> None:
    """O, procurement 4 Mt lower, the outlook computed to its last draw (it fills as it goes)."""
    from ..model.levers import CONTROLS

    driver.key(pygame.K_o)
    scene = driver.app.top
    scene.set_number(CONTROLS["grain_procurement_mt"], scene.draft["grain_procurement_mt"] - 4.0)
    scene.forecast_due = 0.0          # as when the lever has rested
    scene.update(0.0)
    scene.outlook.finish()
    scene.refresh()


def _votes(driver: Driver) -> None:
    for key in (pygame.K_a, pygame.K_1, pygame.K_2, pygame.K_b, pygame.K_9, pygame.K_c, pygame.K_4):
        driver.key(key, frames=1)


def _type_a_name(driver: Driver) -> None:
    for char in "Team 3":
        driver.key(pygame.K_SPACE if char == " " else pygame.K_a, unicode=char, frames=1)


def _export_into_temp(driver: Driver) -> None:
    """Export into a throwaway data folder: the catalogue never writes into the user's."""
    from ..persist import paths

    previous = paths.portable_dir()
    with tempfile.TemporaryDirectory(prefix="pyatiletka-shots-data-") as folder:
        paths.set_data_dir(folder)
        try:
            driver.key(pygame.K_RETURN, frames=3)
        finally:
            paths.set_data_dir(previous)


SCREENS: tuple[Screen, ...] = (
    Screen("title", "01-title", _simple("TitleScene")),
    Screen("picker", "02-scenario-picker", _simple("TitleScene", "PickerScene", selected=LESSON, seed=SEED)),
    Screen("content_note", "03-content-note", _simple("TitleScene", "ContentNoteScene")),
    Screen("event_card", "04-event-card", _first_card, classroom_prepare=_votes),
    Screen("event_card_history", "05-event-card-history", _first_card, _press(pygame.K_h)),
    Screen("event_card_answered", "05b-event-card-answered", _first_card, _press(pygame.K_1)),
    Screen("targets", "06-plan-targets", _targets),
    Screen("year", "07-year", _on(("YearScene",))),
    Screen("directives", "08-directives-forecast", _on(("YearScene", "DirectivesScene"))),
    Screen("directives_outlook", "08d-directives-outlook", _on(("YearScene", "DirectivesScene")), _outlook),
    Screen("directives_every_lever", "08b-directives-every-lever", _every_lever),
    Screen("projects", "09-projects", _on(("YearScene", "DirectivesScene", "ProjectsScene"))),
    Screen("report", "10-year-end-report", _report),
    Screen("report_charts", "11-year-end-charts", _report, _press(pygame.K_2)),
    Screen("why", "11b-why", _why),
    Screen("why_history", "11c-why-against-history", _why, _press(pygame.K_h)),
    Screen("map", "11d-map-famine", _map),
    Screen("map_procurement", "11e-map-procurement", _map, _press(pygame.K_2)),
    Screen("map_food", "11f-map-food", _map, _press(pygame.K_3)),
    Screen("map_collectivization", "11g-map-collectivization", _map, _press(pygame.K_4)),
    Screen("map_settlers", "11h-map-settlers", _map, _press(pygame.K_5)),
    Screen("map_history", "11i-map-history-colours", _map, _press(pygame.K_h)),
    Screen("map_region", "11j-map-region-history", _map, _press(pygame.K_RETURN)),
    Screen("map_end", "14g-end-map", _map_end),
    Screen("menu", "12-menu", _on(("YearScene", "MenuScene"))),
    Screen("confirm_undo", "12a-confirm-undo", _confirm_undo, _ask_undo),
    Screen("lever_help", "08c-about-this-lever", _lever_help, _press(pygame.K_h)),
    Screen("plan_end", "12b-plan-end", _plan_end),
    Screen("end", "13-end-epilogue", _end),
    Screen("end_record", "14-end-record", _end, _press(pygame.K_3)),
    Screen("end_scorecard", "14b-end-scorecard", _end, _press(pygame.K_2)),
    Screen("end_questions", "14c-end-questions", _end, _press(pygame.K_6)),
    Screen("end_perspectives", "14d-end-perspectives", _end, _press(pygame.K_7)),
    Screen("export", "14e-end-export", _export, _type_a_name),
    Screen("exported", "14f-end-exported", _export, _export_into_temp),
    Screen("settings", "15-settings", _simple("TitleScene", "SettingsScene")),
    Screen("credits", "16-credits", _simple("TitleScene", "CreditsScene")),
    Screen("load", "16b-load", _simple("TitleScene", "LoadScene")),
    Screen("error", "17-error", _error),
)

BY_ID: dict[str, Screen] = {screen.id: screen for screen in SCREENS}


def show(app: App, screen: Screen, driver: Driver | None = None, settle: int = 3) -> Driver:
    """Put a screen of the catalogue on the window and prepare it; returns the driver used."""
    driver = driver or Driver(app)
    app.reset(*screen.build(app))
    driver.settle(settle)
    for prepare in (screen.prepare, screen.classroom_prepare if app.settings.classroom else None):
        if prepare is not None:
            prepare(driver)
            driver.settle(2)
    return driver
