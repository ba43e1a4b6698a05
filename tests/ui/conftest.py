"""The window under test: SDL's dummy drivers (set in tests/conftest.py), no frame cap, settings
never written to the user's folder. Input is synthetic: events posted to pygame's queue."""

from __future__ import annotations

import pygame
import pytest

from game.present.context import GameContext
from game.ui.app import App
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings


def make_app(settings: Settings | None = None, size=(1280, 720)) -> App:
    app = App(settings or Settings(content_note_seen=False), size, frame_cap=False, persist_settings=False)
    pygame.event.clear()
    return app


@pytest.fixture
def app(tmp_path):
    app = make_app()
    app.crash_folder = tmp_path / "crash-reports"
    app.push(TitleScene(app))
    yield app
    pygame.event.clear()


@pytest.fixture
def driver(app) -> Driver:
    driver = Driver(app)
    driver.settle()
    return driver


@pytest.fixture
def game(app) -> GameContext:
    """A first_plan game at its first January, started through the context (not the window)."""
    ctx = GameContext.start("first_plan", 1928, "historical", app.settings, user_mods=False)
    app.ctx = ctx
    return ctx
