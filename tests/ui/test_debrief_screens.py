"""The debrief in the window: the end screen's scorecard, questions and historians; exporting the
printable page and the results file; and the short debrief at the end of a plan."""

from __future__ import annotations

import json

import pygame
import pytest

from game.debrief import debrief_of, fmt
from game.headless.baseline import historical_game as HISTORY
from game.persist import paths
from game.present.context import GameContext
from game.ui.driver import Driver, advance
from game.ui.scenes.end import PAGES, EndScene
from game.ui.scenes.year import YearScene

from .screens import answer, new_game


@pytest.fixture
def data_dir(tmp_path):
    previous = paths.portable_dir()
    folder = tmp_path / "data"
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(previous)


def end_screen(app) -> Driver:
    driver = Driver(app)
    new_game(app, 1933)
    app.reset(EndScene(app))
    driver.settle()
    return driver


def test_the_scorecard_shows_six_axes_with_the_debriefs_numbers(app):
    driver = end_screen(app)
    driver.key(pygame.K_1 + PAGES.index("scorecard"))
    scene = app.top
    assert PAGES[scene.page] == "scorecard"
    expected = debrief_of(app.ctx.session, scenario=app.ctx.scenario, history=HISTORY()).scorecard
    drawn = scene.drawn_axes
    assert len(drawn) == len(expected) == 6
    for shown, axis in zip(drawn, expected, strict=True):
        assert (shown.id, shown.name) == (axis.id, axis.name)
        assert shown.value == axis.value and shown.history == axis.history
        assert shown.yours == fmt.num(axis.value, axis.decimals)
        assert shown.theirs == fmt.num(axis.history, axis.decimals)
        assert 0 <= axis.value <= shown.scale and 0 <= axis.history <= shown.scale  # one shared scale
    # the formula of the focused axis is on screen: every axis is a control, with its formula as help
    keys = [i.key for i in scene.items if i.key.startswith("axis:")]
    assert len(keys) == 6
    scene.focus(keys[-1])
    driver.settle(1)
    assert scene.axis_index == 5
    assert next(i for i in scene.items if i.key == keys[-1]).help_text == expected[-1].formula
    assert not app.crash_reports


def test_number_keys_reach_every_page_of_the_end_screen(app):
    driver = end_screen(app)
    for number in range(1, len(PAGES) + 1):
        driver.key(pygame.K_0 + number)
        assert PAGES[app.top.page] == PAGES[number - 1]
        driver.key(pygame.K_PAGEDOWN)
    questions = app.top.debrief.questions
    assert len(questions) == 3
    assert not app.crash_reports


def test_export_writes_the_page_and_the_results_under_the_data_dir(app, data_dir):
    driver = end_screen(app)
    driver.key(pygame.K_e)
    assert driver.scene() == "export"
    for char in "Team 3":
        driver.key(pygame.K_SPACE if char == " " else pygame.K_a, unicode=char, frames=1)
    assert app.top.name == "Team 3"
    driver.key(pygame.K_RETURN)
    export = app.top
    assert export.done and not export.error, export.error
    handout, html, results = export.paths        # by default both printable pages, and the results
    assert handout.parent == html.parent == results.parent == data_dir / "debriefs"
    assert handout.name.startswith("first_plan-seed1928-") and handout.name.endswith("-handout.html")
    assert 'id="page-2"' in handout.read_text(encoding="utf-8")
    assert html.name.startswith("first_plan-seed1928-") and html.suffix == ".html"
    assert results.name.startswith("first_plan-seed1928-") and results.name.endswith("-Team-3.results.json")
    assert "<html" in html.read_text(encoding="utf-8").lower()
    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["player"] == "Team 3" and data["seed"] == 1928 and len(data["scorecard"]) == 6
    driver.key(pygame.K_RETURN)                              # Close
    assert driver.scene() == "end"
    assert str(handout) in app.top.export_message
    assert not app.crash_reports


def test_an_export_that_fails_is_a_message_not_a_crash(app, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    previous = paths.portable_dir()
    paths._portable = blocked  # as if the folder had become a file after start-up
    try:
        driver = end_screen(app)
        driver.key(pygame.K_e)
        driver.key(pygame.K_RETURN)                          # no name: export without one
        assert app.top.done and app.top.error
        driver.key(pygame.K_RETURN)
    finally:
        paths.set_data_dir(previous)
    assert driver.scene() == "end" and "not exported" in app.top.export_message
    assert not app.crash_reports


def test_the_plan_ends_after_1932_and_enter_continues_to_1933(app):
    driver = Driver(app)
    ctx = GameContext.start("great_turn", 1928, "historical", app.settings, user_mods=False)
    app.ctx = ctx
    advance(ctx, 1932)
    app.reset(YearScene(app))
    driver.settle()
    for _ in range(30):                                      # play 1932 through the window
        scene = driver.scene()
        if scene == "plan_end":
            break
        if scene == "event_card":
            driver.key(pygame.K_1)
        elif scene == "year":
            driver.key(pygame.K_d)
        elif scene == "directives":
            driver.key(pygame.K_p)
        elif scene == "report":
            assert app.top.year == 1932
            driver.key(pygame.K_RETURN)
        else:
            raise AssertionError(f"unexpected screen {scene!r}")
    assert driver.scene() == "plan_end"
    plan_scene = app.top
    assert plan_scene.table is not None and plan_scene.table.id == "first_plan" and plan_scene.table.complete
    seen = {a.id for a in plan_scene.drawn_axes}
    for _ in range(plan_scene.count):                        # the scorecard's axes, on its pages
        driver.key(pygame.K_PAGEDOWN)
        seen |= {a.id for a in plan_scene.drawn_axes}
    assert len(seen) == 6 and len(plan_scene.debrief.questions) >= 1
    driver.key(pygame.K_RETURN)
    assert ctx.year == 1933 and not ctx.finished
    assert driver.scene() in ("year", "event_card")
    assert not app.crash_reports


def test_no_plan_debrief_after_an_ordinary_year_or_the_last_one(app):
    from game.present.end import plan_ending

    ctx = new_game(app, 1931)
    answer(ctx)
    assert plan_ending(ctx, 1930) is None                    # not a plan's last year
    advance(ctx, 1933)
    assert ctx.finished and plan_ending(ctx, 1932) is None   # first_plan ends: the end screen covers it
