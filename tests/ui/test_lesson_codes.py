"""Lesson codes on the new-game screen: the field that opens a teacher's code, the code shown for
the game about to start, and the undo setting that new games (and their codes) carry."""

from __future__ import annotations

import pygame
import pytest

from game.errors import UserError
from game.persist import paths
from game.persist.lessons import decode, make_code, start_lesson
from game.persist.settings import GameSettings
from game.present.context import GameContext
from game.ui.driver import Driver, advance
from game.ui.scenes.picker import LESSON_FIELD, PickerScene
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings, from_json

from .conftest import make_app


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)  # autosaves and the like go here, not to the user's folder
    yield tmp_path
    paths.set_data_dir(None)


@pytest.fixture
def window(data_dir):
    """The title, with the content note already read (a first game shows it before the year)."""
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = data_dir / "crash-reports"
    app.push(TitleScene(app))
    driver = Driver(app)
    driver.settle()
    yield app, driver
    pygame.event.clear()


def open_picker(app, driver) -> PickerScene:
    driver.key(pygame.K_1)                      # the title's first entry: New game
    assert driver.scene() == "picker"
    return app.top


def tab_to_field(app, driver) -> None:
    for _ in range(len(app.top.items)):
        if app.top.focus_key == LESSON_FIELD:
            return
        driver.key(pygame.K_TAB, frames=1)
    assert app.top.focus_key == LESSON_FIELD, "the lesson code field is not reachable with Tab"


def type_text(driver, text: str) -> None:
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        driver.settle(1)
    driver.settle(1)


def first_record(ctx) -> dict:
    advance(ctx, ctx.world.first_year + 1)      # history's directives and answers, one year
    return ctx.session.records[0]


def test_a_typed_code_starts_exactly_the_lesson_game(window):
    app, driver = window
    code = make_code("great_turn", 77, "historical", GameSettings(content="detailed", allow_undo=False))
    picker = open_picker(app, driver)
    tab_to_field(app, driver)
    type_text(driver, code.lower().replace("-", " "))       # case and separators do not matter
    assert driver.scene() == "picker" and picker.selected == 0 and picker.seed != 7  # digits went to the field
    assert picker.lesson is not None and picker.lesson.code == code     # what it means, before starting
    driver.key(pygame.K_RETURN)
    assert driver.scene() in ("year", "event_card") and not app.crash_reports
    ctx = app.ctx
    assert (ctx.scenario.id, ctx.session.seed) == ("great_turn", 77)
    assert not ctx.session.settings.allow_undo and app.settings.content == "detailed"
    direct = GameContext.around(start_lesson(code))
    assert first_record(ctx) == first_record(direct)


def test_a_mistyped_code_is_explained_on_the_picker(window):
    app, driver = window
    code = make_code("first_plan", 1928)
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    picker = open_picker(app, driver)
    driver.click(LESSON_FIELD)                  # the mouse reaches the field too
    assert picker.focus_key == LESSON_FIELD
    type_text(driver, typo)
    driver.key(pygame.K_RETURN)
    assert driver.scene() == "picker" and app.top is picker and not app.crash_reports
    assert "mistyped" in picker.lesson_error and picker.lesson is None
    with pytest.raises(UserError) as expected:
        decode(typo)
    assert picker.lesson_error == expected.value.message
    driver.click("start")                       # Start with a code in the field: the same check
    assert driver.scene() == "picker" and picker.lesson_error
    driver.key(pygame.K_ESCAPE)                 # Esc clears the field first, then leaves
    assert picker.lesson_text == "" and not picker.lesson_error and driver.scene() == "picker"
    assert picker.entry.get_text() == ""
    driver.key(pygame.K_ESCAPE)
    assert driver.scene() == "title"


def test_the_picker_shows_the_code_of_the_game_about_to_start(window):
    app, driver = window
    app.change_settings(app.settings.with_(classroom=True, allow_undo=False), save=False)
    picker = open_picker(app, driver)
    driver.key(pygame.K_3)                      # the third scenario
    tab_to_field(app, driver)
    focus = [i.key for i in picker.items]
    assert focus.index(LESSON_FIELD) < focus.index("start")
    picker.focus("seed")
    driver.keys(pygame.K_4, pygame.K_2, pygame.K_1)
    lesson = decode(picker.current_lesson().code)
    assert (lesson.scenario, lesson.seed) == (picker.info.id, 421) == ("bukharin_alternative", 421)
    assert lesson.settings == GameSettings(classroom=True, content="sober", allow_undo=False)


def test_switching_undo_off_in_settings_makes_new_games_refuse_undo(window):
    app, driver = window
    driver.click("settings")
    driver.click("undo")
    assert app.settings.allow_undo is False
    driver.key(pygame.K_ESCAPE)
    picker = open_picker(app, driver)
    assert not decode(picker.current_lesson().code).settings.allow_undo
    driver.key(pygame.K_s)
    ctx = app.ctx
    assert ctx is not None and not ctx.session.settings.allow_undo
    advance(ctx, ctx.world.first_year + 1)
    assert not ctx.can_undo()
    with pytest.raises(UserError):
        ctx.undone()
    driver.key(pygame.K_ESCAPE)                 # the menu: no "Take back last year"
    assert driver.scene() == "menu" and "undo" not in [i.key for i in app.top.items]


def test_the_undo_setting_is_kept_in_the_settings_file():
    assert from_json({"allow_undo": False}).allow_undo is False
    assert from_json({}).allow_undo is True
    assert Settings(allow_undo=False).as_json()["allow_undo"] is False
