"""Characters that draw nothing, typed into the lesson-code field, and errors inside pygame_gui:
the window goes on (issue 15, fault 19). Typed first, U+200B, U+202E or U+FEFF gave pygame_gui
a text of zero width, `pygame.error: Text has zero width` escaped App.step and the game died."""

from __future__ import annotations

import pygame
import pytest

from game.persist import paths
from game.persist.lessons import make_code
from game.persist.settings import GameSettings
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings

from .conftest import make_app
from .test_lesson_codes import open_picker, tab_to_field, type_text


@pytest.fixture
def window(tmp_path):
    paths.set_data_dir(tmp_path)
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path / "crash-reports"
    app.push(TitleScene(app))
    driver = Driver(app)
    driver.settle()
    yield app, driver
    pygame.event.clear()
    paths.set_data_dir(None)


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e", "\ufeff", "\u0301", "\x07"])
def test_an_invisible_character_typed_first_is_refused_and_the_window_goes_on(window, invisible):
    app, driver = window
    picker = open_picker(app, driver)
    tab_to_field(app, driver)
    type_text(driver, invisible)
    assert driver.scene() == "picker" and not app.crash_reports
    assert picker.entry.get_text() == ""
    code = make_code("great_turn", 5, "historical", GameSettings())
    type_text(driver, invisible + code + invisible)  # between visible characters too
    assert picker.entry.get_text() == code and picker.lesson is not None and picker.lesson.code == code


@pytest.mark.parametrize("where", ["process_events", "update"])
def test_an_error_inside_pygame_gui_shows_the_error_screen_instead_of_escaping(window, monkeypatch, where):
    app, driver = window

    def broken(*_):
        raise pygame.error("Text has zero width")

    monkeypatch.setattr(app.manager, where, broken)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="a"))
    app.step()  # must not raise
    monkeypatch.undo()
    assert app.running and driver.scene() == "error" and len(app.crash_reports) == 1
