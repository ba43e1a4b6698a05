"""`python main.py screenshots --out DIR`: every screen rendered headless to PNG, at 1280x720 and,
for classroom mode, at 1920x1080. Real content only: the scenario, its events and the model."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .app import headless_environment

SCENARIO = "first_plan"
SEED = 1928


def render_all(out: Path, scenario: str = SCENARIO) -> list[Path]:
    headless_environment()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    written += _render_set(out, (1280, 720), classroom=False, scenario=scenario)
    written += _render_set(out, (1920, 1080), classroom=True, scenario=scenario, prefix="classroom-")
    return written


def _render_set(out: Path, size: tuple[int, int], classroom: bool, scenario: str, prefix: str = "") -> list[Path]:
    import pygame

    from ..events.schema import Event
    from .app import App
    from .context import GameContext
    from .driver import Driver, advance
    from .scene import Scene
    from .scenes.content_note import ContentNoteScene
    from .scenes.credits import CreditsScene
    from .scenes.directives import DirectivesScene
    from .scenes.end import EndScene
    from .scenes.event_card import EventCardScene
    from .scenes.export import ExportScene
    from .scenes.menu import MenuScene
    from .scenes.picker import PickerScene
    from .scenes.plan_end import PlanEndScene
    from .scenes.projects import ProjectsScene
    from .scenes.report import ReportScene
    from .scenes.settings import SettingsScene
    from .scenes.targets import TargetsScene
    from .scenes.title import TitleScene
    from .scenes.year import YearScene
    from .settings import Settings

    app = App(Settings(classroom=classroom), size, frame_cap=False, persist_settings=False)
    app.crash_folder = Path(tempfile.mkdtemp(prefix="pyatiletka-shots-"))
    driver = Driver(app)
    written: list[Path] = []

    def shot(name: str, *scenes: Scene, prepare: Callable[[], None] | None = None) -> None:
        app.reset(*scenes)
        driver.settle(4)
        if prepare is not None:
            prepare()
            driver.settle(2)
        path = out / f"{prefix}{name}.png"
        driver.save(path)
        written.append(path)

    def new_game() -> GameContext:
        ctx = GameContext.start(scenario, SEED, "historical", app.settings, user_mods=False)
        app.ctx = ctx
        return ctx

    shot("01-title", TitleScene(app))
    shot("02-scenario-picker", TitleScene(app), PickerScene(app, selected=scenario, seed=SEED))
    shot("03-content-note", ContentNoteScene(app))
    ctx = new_game()
    first_card = ctx.pending_events()[0] if ctx.pending_events() else _event_from_deck_files(Event)
    shot("04-event-card", YearScene(app), EventCardScene(app, first_card),
         prepare=(lambda: _classroom_votes(driver)) if classroom else None)
    if first_card.history is not None and first_card.reveal == "immediately":
        shot("05-event-card-history", YearScene(app), EventCardScene(app, first_card),
             prepare=lambda: driver.key(pygame.K_h))
    advance(ctx, ctx.world.first_year)
    for event in ctx.pending_events():
        from ..events.engine import historical_choice

        ctx.session.choose(event.id, historical_choice(event).id)
    ctx.begin_draft()
    shot("06-plan-targets", YearScene(app), DirectivesScene(app), TargetsScene(app))
    advance(ctx, ctx.world.first_year + 3)
    _answer(ctx)
    shot("07-year", YearScene(app))
    ctx.begin_draft()
    shot("08-directives-forecast", YearScene(app), DirectivesScene(app))
    shot("09-projects", YearScene(app), DirectivesScene(app), ProjectsScene(app))
    saved_ctx = ctx
    full = GameContext.start("great_turn", SEED, "historical", app.settings, user_mods=False)  # every lever
    app.ctx = full
    advance(full, 1933)
    _answer(full)
    full.begin_draft()
    every_lever = DirectivesScene(app)
    every_lever.targets_shown = True  # the targets screen has its own picture
    shot("08b-directives-every-lever", YearScene(app), every_lever)
    shot("12b-plan-end", YearScene(app), PlanEndScene(app, "first_plan", 1932))
    app.ctx = ctx = saved_ctx
    last = len(ctx.session.records) - 1
    shot("10-year-end-report", YearScene(app), ReportScene(app, last, after_turn=True))
    shot("11-year-end-charts", YearScene(app), ReportScene(app, last, after_turn=True),
         prepare=lambda: driver.key(pygame.K_2))
    shot("12-menu", YearScene(app), MenuScene(app))
    advance(ctx, ctx.world.last_year + 1)
    shot("13-end-epilogue", EndScene(app))
    shot("14-end-record", EndScene(app), prepare=lambda: driver.key(pygame.K_3))
    shot("14b-end-scorecard", EndScene(app), prepare=lambda: driver.key(pygame.K_2))
    shot("14c-end-questions", EndScene(app), prepare=lambda: driver.key(pygame.K_6))
    shot("14d-end-perspectives", EndScene(app), prepare=lambda: driver.key(pygame.K_7))
    end = EndScene(app)

    def type_a_name() -> None:
        for char in "Team 3":
            driver.key(pygame.K_SPACE if char == " " else pygame.K_a, unicode=char, frames=1)

    shot("14e-end-export", end, ExportScene(app, end), prepare=type_a_name)
    shot("14f-end-exported", end, ExportScene(app, end), prepare=lambda: _export_into_temp(driver))
    shot("15-settings", TitleScene(app), SettingsScene(app))
    shot("16-credits", TitleScene(app), CreditsScene(app))
    app.ctx = new_game()
    advance(app.ctx, app.ctx.world.first_year + 1)
    app_log = logging.getLogger("game.ui.app")
    level, app_log.level = app_log.level, logging.CRITICAL  # the error below is the one we asked for
    try:
        shot("17-error", YearScene(app), prepare=lambda: _inject_failure(app))
    finally:
        app_log.setLevel(level)
    pygame.display.quit()
    return written


def _answer(ctx) -> None:
    from ..events.engine import historical_choice

    for event in ctx.pending_events():
        ctx.session.choose(event.id, historical_choice(event).id)


def _export_into_temp(driver) -> None:
    """Export into a throwaway data folder: screenshots never write into the user's."""
    import pygame

    from ..persist import paths

    previous = paths.portable_dir()
    paths.set_data_dir(tempfile.mkdtemp(prefix="pyatiletka-shots-data-"))
    try:
        driver.key(pygame.K_RETURN, frames=3)
    finally:
        paths.set_data_dir(previous)


def _classroom_votes(driver) -> None:
    import pygame

    for key in (pygame.K_a, pygame.K_1, pygame.K_2, pygame.K_b, pygame.K_9, pygame.K_c, pygame.K_4):
        driver.key(key, frames=1)


def _inject_failure(app) -> None:
    """A scene that fails as it paints: the error screen must take over."""
    from .scene import Scene

    class BrokenScene(Scene):
        title = "broken"

        def paint(self, canvas):
            raise RuntimeError("a deliberately broken screen (the screenshot of the error screen)")

    app.push(BrokenScene(app))


def _event_from_deck_files(event_type):
    """If no card is due, a real event from the deck's YAML files (never an invented one)."""
    import yaml

    from ..scenario import SCENARIO_DIR

    for path in sorted((SCENARIO_DIR / "common" / "events").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("events", []):
            return event_type.model_validate(raw)
    raise LookupError("the event deck is empty: no event card to show")


if __name__ == "__main__":  # pragma: no cover
    import sys

    for written in render_all(Path(sys.argv[1] if len(sys.argv) > 1 else os.getcwd())):
        print(written)
