"""Start-up: the title is on screen before the saves are read (and before the model is loaded),
Continue and Load keep their places while the list arrives, and the window asks SDL for a plain
software framebuffer on Linux."""

from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from game.persist import paths
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene

from .conftest import make_app
from .screens import new_game


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


def menu(app) -> list[tuple[str, bool, tuple[int, int, int, int]]]:
    return [(item.key, item.enabled, tuple(item.rect)) for item in app.top.items]


def test_the_title_is_drawn_first_then_continue_fills_in_without_moving_anything(app, data_dir):
    driver = Driver(app)
    new_game(app, 1930)  # autosaved each January
    from game.ui import saving

    saving.autosave(app.ctx)
    app.ctx = None
    app.reset(TitleScene(app))
    frames = app.frames_drawn
    app.step()
    assert app.frames_drawn == frames + 1  # the title is on screen...
    first = menu(app)
    assert [key for key, _, _ in first][:3] == ["new", "continue", "load"]
    assert [enabled for _, enabled, _ in first][:3] == [True, False, False]  # ...before the saves are read
    driver.settle(2)
    later = menu(app)
    assert [enabled for _, enabled, _ in later][:3] == [True, True, True]
    assert [(key, rect) for key, _, rect in later] == [(key, rect) for key, _, rect in first]  # nothing moved
    assert "1930" in next(i for i in app.top.items if i.key == "continue").element.text


def test_without_saves_continue_and_load_are_greyed_and_their_numbers_do_nothing(app, data_dir):
    driver = Driver(app)
    driver.settle()
    assert [(key, enabled) for key, enabled, _ in menu(app)] == [
        ("new", True), ("continue", False), ("load", False), ("settings", True), ("credits", True), ("quit", True)]
    driver.keys(pygame.K_2, pygame.K_3)
    assert driver.scene() == "title" and app.running
    driver.key(pygame.K_4)
    assert driver.scene() == "settings"


FIRST_FRAME_MODULES = """
import sys
from game.ui.app import App

render = App.render


def render_and_report(app):
    render(app)
    if app.frames_drawn == 1:  # the first frame is on screen: what has been imported by now?
        print(" ".join(sorted(m for m in sys.modules if m.startswith(("game.", "pydantic")))), flush=True)
        app.running = False


App.render = render_and_report
from game.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_the_first_frame_does_not_wait_for_the_model_or_the_saves(tmp_path):
    """The game as a player starts it, with a save present: at its first frame neither the model,
    nor the scenarios, nor the saves code has been imported (they load after it)."""
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "broken.json").write_text("{ not a save", encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    proc = subprocess.run([sys.executable, "-c", FIRST_FRAME_MODULES, "--data-dir", str(tmp_path)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    loaded = set(proc.stdout.split())
    assert "game.ui.scenes.title" in loaded and "game.cli" in loaded
    too_early = {m for m in loaded if m.startswith(("game.model", "game.scenario", "game.events", "game.session",
                                                    "game.persist.saves", "game.ui.saving", "pydantic"))}
    assert not too_early


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the setting is for SDL on Linux")
def test_the_window_asks_sdl_for_a_software_framebuffer_on_linux(monkeypatch):
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    make_app()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "0"


def test_a_framebuffer_setting_the_user_made_is_kept(monkeypatch):
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "opengl")
    make_app()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "opengl"
