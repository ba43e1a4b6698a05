"""Assessment mode: a game played with undo switched off (a lesson code made with --no-undo, or
the Settings screen) only goes forward. A locked lesson is played to its end through the window,
and every way back is tried: the title (Return to the game, Continue), the Load screen (every
save it offers), the menu (no "take back"), a restart of the game, a named save made on the way,
and quitting at a report or after a card. None reaches an earlier year."""

from __future__ import annotations

import json

import pygame
import pytest

from game.persist import paths, saves
from game.persist.lessons import make_lesson
from game.persist.settings import GameSettings
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene
from game.ui.settings import Settings

from .conftest import make_app


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


def start_app(data_dir):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = data_dir / "crash-reports"
    app.push(TitleScene(app))
    driver = Driver(app)
    driver.settle(4)  # the title looks at the saves after its first frame
    return app, driver


def step(app, driver) -> str:
    """One move of a student who plays on: answer the card, set the directives, play, read on."""
    scene = driver.scene()
    if scene == "event_card":
        driver.key(pygame.K_1)
    elif scene == "year":
        driver.key(pygame.K_d)
    elif scene == "targets":
        driver.key(pygame.K_ESCAPE)
    elif scene == "directives":
        driver.key(pygame.K_p)
    elif scene in ("report", "plan_end"):
        driver.key(pygame.K_RETURN)
    else:
        raise AssertionError(f"unexpected screen {scene!r}")
    return driver.scene()


def play_until(app, driver, done) -> None:
    for _ in range(200):
        if done():
            return
        step(app, driver)
    raise AssertionError("the game did not get there")


def progress(app) -> tuple[int, int]:
    session = app.ctx.session
    return len(session.commands), session.year


def the_games_saves(game_id: str) -> list:
    return [e for e in saves.list_saves() if e.ok and e.game_id == game_id]


def test_a_locked_lesson_played_to_its_end_cannot_reach_an_earlier_year(data_dir):
    lesson = make_lesson("first_plan", 7, "historical", GameSettings(allow_undo=False))
    app, driver = start_app(data_dir)
    app.top.start_lesson(lesson)
    driver.settle(2)
    game_id = app.ctx.session.game_id
    assert app.ctx.session.locked

    # 1929: a card answered, then the window is closed before anything else happens.
    play_until(app, driver, lambda: app.ctx.year == 1929 and driver.scene() == "event_card")
    step(app, driver)
    answered = progress(app)
    app, driver = start_app(data_dir)                     # a restart: Continue opens the card answered
    assert [i.key for i in app.top.items][1] == "continue"
    driver.click("continue")
    assert progress(app) == answered

    # 1930: a named save from the menu, the year played, and the window closed at its report.
    play_until(app, driver, lambda: app.ctx.year == 1930 and driver.scene() == "year")
    driver.key(pygame.K_ESCAPE)
    driver.click("save")
    assert "undo" not in [i.key for i in app.top.items]   # no taking back, ever
    driver.key(pygame.K_ESCAPE)
    play_until(app, driver, lambda: driver.scene() == "report" and app.ctx.year == 1931)
    after_1930 = progress(app)
    app, driver = start_app(data_dir)
    driver.click("continue")
    assert progress(app) >= after_1930 and app.ctx.year == 1931, "Continue reopened January 1930"

    # To the end of the lesson.
    play_until(app, driver, lambda: app.ctx.finished and driver.scene() == "end")
    final = progress(app)
    end = app.top

    # The menu over the end: no way to take a year back; to the title; Return to the game.
    driver.key(pygame.K_ESCAPE)
    assert driver.scene() == "menu" and "undo" not in [i.key for i in app.top.items]
    driver.click("title")
    assert driver.scene() == "title"
    driver.settle(3)
    driver.key(pygame.K_2)                                # Continue: the end, not a January
    assert app.ctx.finished and progress(app) == final and driver.scene() == "end"
    assert app.top is not end

    # A restart: Continue opens the end; the Load screen offers this game only at its end.
    app, driver = start_app(data_dir)
    continue_button = next(i for i in app.top.items if i.key == "continue")
    assert "the end" in continue_button.element.text
    driver.click("continue")
    driver.settle(2)
    assert app.ctx.finished and progress(app) == final and driver.scene() == "end"
    app, driver = start_app(data_dir)
    driver.click("load")
    offered = [e for e in app.top.entries if e.ok and e.game_id == game_id]
    assert len(offered) == 1 and offered[0].finished, [e.label for e in offered]
    for index, entry in enumerate(app.top.entries):       # load every save offered: none is earlier
        app.top.focus(f"save:{index}") if any(i.key == f"save:{index}" for i in app.top.items) else None
        if not entry.ok or entry.game_id != game_id:
            continue
        app.top.load(entry)
        driver.settle(3)
        assert app.ctx.finished and progress(app) == final
        app, driver = start_app(data_dir)
        driver.click("load")

    # The files themselves: the named save of 1930 is still on disc, but not offered.
    named = [p for p in (data_dir / "saves").glob("*.json")]
    assert named and all(json.loads(p.read_text())["year"] == 1930 for p in named)
    assert all(e.path not in named for e in the_games_saves(game_id))
    assert not app.crash_reports


def test_an_unlocked_game_still_offers_its_earlier_years(data_dir):
    """The lock is for locked games only: a game that allows undo keeps its yearly autosaves."""
    app, driver = start_app(data_dir)
    lesson = make_lesson("first_plan", 7, "historical", GameSettings(allow_undo=True))
    app.top.start_lesson(lesson)
    driver.settle(2)
    game_id = app.ctx.session.game_id
    play_until(app, driver, lambda: app.ctx.year == 1931 and driver.scene() == "year")
    years = sorted({e.year for e in the_games_saves(game_id)})
    assert len(years) >= 3 and years[0] <= 1929


def test_the_listing_keeps_only_the_furthest_state_of_a_locked_game(data_dir):
    from game.persist.playthrough import new_game
    from game.present.context import GameContext
    from game.ui.driver import advance

    session = new_game("first_plan", 3, settings=GameSettings(allow_undo=False), user_mods=False)
    ctx = GameContext.around(session)
    advance(ctx, 1930)
    saves.save_slot(session, "early")
    advance(ctx, 1932)
    saves.autosave(session)
    listed = the_games_saves(session.game_id)
    assert [e.year for e in listed] == [1932]
    assert (data_dir / "saves" / "early.json").is_file()
    unlocked = new_game("first_plan", 3, settings=GameSettings(allow_undo=True), user_mods=False)
    GameContext.around(unlocked)
    saves.save_slot(unlocked, "free")
    saves.autosave(unlocked)
    assert len(the_games_saves(unlocked.game_id)) == 2
