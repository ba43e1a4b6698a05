"""The title and the Load screen with hostile files in the saves and mods folders (issue 15,
fault 14): nested 100,000 deep, a seed of 5,000 digits, a scenario source of 5,000 characters or
outside the game's folders, NaN, `settings.content: []`, a header the snapshot contradicts, a
mod.yaml nested 5,000 deep. Each is listed as damaged, none hides the good save: Continue and
Load still open it, and no error screen or crash report appears."""

from __future__ import annotations

import json

import pygame
import pytest

from game.persist import paths, saves
from game.persist.playthrough import new_game
from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene


def hostile_files(good: str) -> dict[str, str]:
    def edited(change) -> str:
        data = json.loads(good)
        change(data)
        return json.dumps(data, allow_nan=True)

    return {
        "deep.json": good[:-2] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "seed.json": good.replace('"seed": 7', '"seed": ' + "9" * 5000, 1),
        "long-source.json": edited(lambda d: d["scenario"].update(source="x" * 5000 + ".yaml")),
        "outside.json": edited(lambda d: d["scenario"].update(source="/somewhere/secret.yaml")),
        "nan.json": edited(lambda d: d["snapshot"]["state"].update(fear=float("nan"))),
        "content.json": edited(lambda d: d["settings"].update(content=[])),
        "finished.json": edited(lambda d: d.update(finished=True)),
    }


@pytest.fixture
def folders(tmp_path):
    paths.set_data_dir(tmp_path)
    session = new_game("first_plan", seed=7, user_mods=False)
    good = saves.save_slot(session, "good")
    for name, text in hostile_files(good.read_text(encoding="utf-8")).items():
        (paths.saves_dir() / name).write_text(text, encoding="utf-8")
    deep_mod = paths.mods_dir() / "deep"
    deep_mod.mkdir(parents=True)
    (deep_mod / "mod.yaml").write_text("id: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    yield good
    paths.set_data_dir(None)


def test_continue_opens_the_good_save_past_the_damaged_ones(app, folders):
    driver = Driver(app)
    app.reset(TitleScene(app))
    driver.settle()
    assert driver.scene() == "title" and not app.crash_reports
    assert app.top.newest is not None and app.top.newest.path == folders
    driver.click("continue")
    assert app.ctx is not None and app.ctx.session.seed == 7 and not app.crash_reports


def test_load_lists_every_damaged_save_as_damaged_and_still_loads_the_good_one(app, folders):
    driver = Driver(app)
    app.reset(TitleScene(app))
    driver.settle()
    driver.click("load")
    assert driver.scene() == "load" and not app.crash_reports
    entries = app.top.entries
    assert {e.path.name for e in entries} == {p.name for p in paths.saves_dir().glob("*.json")}
    assert len(entries) == 8
    damaged = [e for e in entries if not e.ok]
    assert len(damaged) == len(entries) - 1 and all(e.label.endswith(": damaged") for e in damaged)
    assert not any("secret" in e.error and "E100" in e.error for e in damaged)
    index = next(i for i, e in enumerate(entries) if not e.ok)
    driver.click(f"save:{index}")
    assert driver.scene() == "load" and app.top.problem and not app.crash_reports
    index = next(i for i, e in enumerate(entries) if e.ok)
    driver.click(f"save:{index}")
    assert app.ctx is not None and app.ctx.session.seed == 7 and driver.scene() != "error"
    pygame.event.clear()


def test_saving_from_the_menu_never_overwrites_another_games_save_of_that_name(app, tmp_path):
    """Issue 15, fault 20: the menu names a save by scenario, year and seed; another game of the
    same lesson (same seed) on the same machine keeps its save, and the player is told."""
    from game.ui.scenes.year import YearScene

    from .screens import new_game as window_game

    paths.set_data_dir(tmp_path)
    try:
        driver = Driver(app)
        ctx = window_game(app, 1928)
        name = f"{ctx.scenario.id}-{ctx.year}-seed{ctx.session.seed}"
        other = saves.save_slot(new_game("first_plan", seed=ctx.session.seed, user_mods=False), name)
        before = other.read_bytes()
        app.reset(YearScene(app))
        driver.settle()
        if driver.scene() != "menu":
            driver.key(pygame.K_ESCAPE)
        driver.click("save")
        assert app.top.saved == f"Saved as {name}-2: another save has its name"
        assert other.read_bytes() == before and (other.parent / f"{name}-2.json").is_file()
    finally:
        paths.set_data_dir(None)
        pygame.event.clear()
