"""An exception inside a scene shows the error screen, writes a report and keeps the game."""

from __future__ import annotations

import pygame

from game.ui.driver import Driver
from game.ui.scene import Scene
from game.ui.scenes.year import YearScene

from .screens import new_game


class FailingScene(Scene):
    title = "failing"
    fail_in = "paint"

    def paint(self, canvas):
        if self.fail_in == "paint":
            raise RuntimeError("boom while painting")

    def on_key(self, event):
        if event.key == pygame.K_x:
            raise ValueError("boom on a key")
        return False


def test_an_exception_shows_the_error_screen_and_writes_a_report(app):
    driver = Driver(app)
    ctx = new_game(app, 1930)
    app.reset(YearScene(app))
    driver.settle()
    commands = list(ctx.session.commands)
    app.push(FailingScene(app))
    driver.settle()
    assert driver.scene() == "error"
    [report] = app.crash_reports
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError: boom while painting" in text and "Traceback" in text
    assert "FailingScene" in text and "seed: 1928" in text and '"play_year"' in text
    assert report.parent == app.crash_folder
    assert app.ctx is ctx and ctx.session.commands == commands  # the game is kept
    driver.click("retry")                                        # fails again: a second report
    assert driver.scene() == "error" and len(app.crash_reports) == 2
    driver.click("year")
    assert driver.scene() in ("year", "event_card") and app.ctx is ctx


def test_an_exception_in_input_handling_is_caught_too(app):
    driver = Driver(app)
    scene = FailingScene(app)
    scene.fail_in = "never"
    app.push(scene)
    driver.settle()
    driver.key(pygame.K_x)
    assert driver.scene() == "error"
    assert "ValueError: boom on a key" in app.crash_reports[-1].read_text(encoding="utf-8")
    driver.key(pygame.K_ESCAPE)  # Esc on the error screen: the title
    assert driver.scene() == "title"


def test_the_default_report_folder_is_the_user_data_folder(app, tmp_path):
    from game.ui.paths import crash_reports_dir

    app.crash_folder = None
    app.push(FailingScene(app))
    Driver(app).settle()
    report = app.crash_reports[-1]
    assert report.parent == crash_reports_dir()
    assert "crash-reports" in str(report)
    report.unlink()
