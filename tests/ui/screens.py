"""Every screen of the game, set up on a real first_plan game, for tests that visit them all."""

from __future__ import annotations

from collections.abc import Callable

from game.events.engine import historical_choice
from game.ui.app import App
from game.ui.context import GameContext
from game.ui.driver import advance
from game.ui.scene import Scene
from game.ui.scenes.content_note import ContentNoteScene
from game.ui.scenes.credits import CreditsScene
from game.ui.scenes.directives import DirectivesScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.event_card import EventCardScene
from game.ui.scenes.export import ExportScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.plan_end import PlanEndScene
from game.ui.scenes.projects import ProjectsScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.targets import TargetsScene
from game.ui.scenes.title import TitleScene
from game.ui.scenes.year import YearScene


def new_game(app: App, year: int | None = None) -> GameContext:
    ctx = GameContext.start("first_plan", 1928, "historical", app.settings, user_mods=False)
    app.ctx = ctx
    if year is not None:
        advance(ctx, year)
    return ctx


def answer(ctx: GameContext) -> None:
    for event in ctx.pending_events():
        ctx.session.choose(event.id, historical_choice(event).id)


def screens() -> dict[str, Callable[[App], list[Scene]]]:
    """Screen name -> a function that sets the game up and returns the stack to show."""

    def card(app):
        ctx = new_game(app)
        return [YearScene(app), EventCardScene(app, ctx.pending_events()[0])]

    def targets(app):
        answer(new_game(app))
        return [YearScene(app), DirectivesScene(app), TargetsScene(app)]

    def mid_game(*scenes):
        def build(app):
            ctx = new_game(app, 1930)
            answer(ctx)
            ctx.begin_draft()
            return [scene(app) for scene in scenes]
        return build

    def report(app):
        ctx = new_game(app, 1930)
        return [YearScene(app), ReportScene(app, len(ctx.session.records) - 1, after_turn=True)]

    def end(app):
        new_game(app, 1933)
        return [EndScene(app)]

    def export(app):
        new_game(app, 1933)
        end_scene = EndScene(app)
        return [end_scene, ExportScene(app, end_scene)]

    def plan_end(app):
        ctx = GameContext.start("great_turn", 1928, "historical", app.settings, user_mods=False)
        app.ctx = ctx
        advance(ctx, 1933)
        return [YearScene(app), PlanEndScene(app, "first_plan", 1932)]

    return {
        "title": lambda app: [TitleScene(app)],
        "picker": lambda app: [TitleScene(app), PickerScene(app, selected="first_plan", seed=7)],
        "content_note": lambda app: [TitleScene(app), ContentNoteScene(app)],
        "settings": lambda app: [TitleScene(app), SettingsScene(app)],
        "credits": lambda app: [TitleScene(app), CreditsScene(app)],
        "event_card": card,
        "targets": targets,
        "year": mid_game(YearScene),
        "directives": mid_game(YearScene, DirectivesScene),
        "projects": mid_game(YearScene, DirectivesScene, ProjectsScene),
        "menu": mid_game(YearScene, MenuScene),
        "report": report,
        "end": end,
        "export": export,
        "plan_end": plan_end,
    }
