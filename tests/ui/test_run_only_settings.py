"""Command-line flags, lesson codes and F11 are for that run: only a choice on a settings screen
is written into settings.json. (One --classroom launch once left every later plain launch in
classroom mode.)"""

from __future__ import annotations

import json

import pygame
import pytest

from game.persist import paths
from game.persist.lessons import make_lesson
from game.persist.settings import GameSettings
from game.ui import app as app_module
from game.ui.driver import Driver
from game.ui.settings import Settings, load_settings


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


def saved(data_dir) -> dict:
    file = paths.settings_file()
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


def launched(monkeypatch, **options):
    """`python main.py` with these options, its window kept instead of run."""
    from game import ui

    apps = []
    monkeypatch.setattr(app_module.App, "run", lambda self: apps.append(self) or 0)
    assert ui.play(**options) == 0
    return apps[0]


def test_classroom_from_the_command_line_is_for_that_run_only(data_dir, monkeypatch):
    app = launched(monkeypatch, classroom=True)
    assert app.settings.classroom and app.style.high_contrast
    driver = Driver(app)
    driver.settle(3)
    driver.key(pygame.K_F11)                    # full screen, for this run too
    driver.key(pygame.K_F11)
    app.top.new_game()                          # New game: the content note, read and accepted
    driver.settle(2)
    assert app.top.title == "picker"
    app.top.start()
    driver.settle(2)
    assert app.top.title == "content_note"
    driver.key(pygame.K_RETURN)
    data = saved(data_dir)
    assert data.get("content_note_seen") is True          # a choice made on a settings screen: kept
    assert data.get("classroom", False) is False and data.get("fullscreen", False) is False
    later = launched(monkeypatch)               # the next plain launch is not in classroom mode
    assert not later.settings.classroom


def test_a_lesson_codes_settings_are_not_saved(data_dir, monkeypatch):
    lesson = make_lesson("first_plan", 3, "historical", GameSettings(classroom=True, content="detailed"))
    app = launched(monkeypatch, lesson=lesson)
    assert app.settings.classroom and app.settings.content == "detailed"
    assert saved(data_dir).get("classroom", False) is False
    assert load_settings()[0].content == "sober"


def test_the_settings_screen_saves_what_is_chosen_there_and_nothing_else(data_dir, monkeypatch):
    app = launched(monkeypatch, classroom=True)
    driver = Driver(app)
    driver.settle(3)
    driver.click("settings")
    assert "this run only" in app.top.items[0].help_text
    app.top.focus("scale")
    driver.key(pygame.K_RIGHT)                  # text size 1.25, chosen on the Settings screen
    data = saved(data_dir)
    assert data["text_scale"] == 1.25 and data.get("classroom", False) is False
    app.top.focus("classroom")
    driver.key(pygame.K_LEFT)                   # classroom off, then on again: now it is a choice
    app.top.focus("classroom")
    driver.key(pygame.K_RIGHT)
    assert saved(data_dir)["classroom"] is True and app.settings.classroom


def test_a_change_made_for_one_run_is_gone_at_the_next(data_dir, monkeypatch):
    app = launched(monkeypatch)
    app.change_settings(app.settings.with_(text_scale=2.0))  # not from a settings screen
    assert app.settings.text_scale == 2.0
    assert launched(monkeypatch).settings == Settings()
