"""The window and the saves: an autosave each January, Continue and Load on the title, a save
from the menu, a lesson code opening its game."""

from __future__ import annotations

import pygame
import pytest

from game.persist import paths
from game.persist.lessons import make_lesson
from game.persist.settings import GameSettings
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene
from game.ui.scenes.year import YearScene

from .screens import answer, new_game


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


def test_autosave_each_january_then_continue_from_the_title(app, data_dir):
    driver = Driver(app)
    ctx = new_game(app, 1930)
    app.reset(YearScene(app))
    driver.settle()
    assert list((data_dir / "saves" / "autosave").glob("*.json"))
    answer(ctx)
    app.ctx = None
    app.reset(TitleScene(app))
    driver.settle()
    assert [i.key for i in app.top.items][:3] == ["new", "continue", "load"]
    driver.click("continue")
    assert app.ctx is not None and app.ctx is not ctx
    assert app.ctx.year == 1930 and len(app.ctx.session.records) == 2
    assert driver.scene() in ("year", "event_card")


def test_load_screen_lists_saves_and_loads_one(app, data_dir):
    driver = Driver(app)
    new_game(app, 1929)
    app.reset(YearScene(app))
    driver.settle()
    if driver.scene() in ("year", "event_card"):
        driver.key(pygame.K_ESCAPE)  # the menu, over the year or over a card
    assert driver.scene() == "menu"
    driver.click("save")
    assert list((data_dir / "saves").glob("first_plan-1929*.json"))
    app.ctx = None
    app.reset(TitleScene(app))
    driver.settle()
    driver.click("load")
    assert driver.scene() == "load" and len(app.top.entries) >= 2
    driver.key(pygame.K_RETURN)
    assert app.ctx is not None and app.ctx.year == 1929


def test_a_damaged_save_is_listed_and_refused_without_a_crash(app, data_dir):
    driver = Driver(app)
    (data_dir / "saves").mkdir(parents=True)
    (data_dir / "saves" / "broken.json").write_text("{ not a save", encoding="utf-8")
    app.reset(TitleScene(app))
    driver.settle()
    driver.click("load")
    [entry] = app.top.entries
    assert entry.error
    driver.key(pygame.K_RETURN)
    assert driver.scene() == "load" and app.top.problem and not app.crash_reports


def test_a_lesson_code_opens_its_game(app, data_dir):
    lesson = make_lesson("first_plan", 42, "historical", GameSettings(classroom=True, content="detailed"))
    app.top.start_lesson(lesson)
    Driver(app).settle()
    assert app.ctx.session.seed == 42 and app.ctx.scenario.id == "first_plan"
    assert app.settings.classroom and app.settings.content == "detailed"


def test_the_menu_takes_back_last_year(app, data_dir):
    driver = Driver(app)
    ctx = new_game(app, 1930)
    answer(ctx)
    app.reset(YearScene(app))
    driver.settle()
    driver.key(pygame.K_ESCAPE)
    driver.click("undo")
    assert driver.scene() == "confirm" and app.ctx is ctx     # a destructive action asks first
    driver.key(pygame.K_RETURN)                              # Enter alone is the safe answer
    assert driver.scene() == "menu" and app.ctx is ctx and app.ctx.year == 1930
    driver.click("undo")
    driver.click("yes")
    assert app.ctx is not ctx and app.ctx.year == 1929 and len(app.ctx.session.records) == 1
    assert driver.scene() in ("year", "event_card")


def test_no_sound_device_is_opened(app):
    assert not pygame.mixer.get_init()
