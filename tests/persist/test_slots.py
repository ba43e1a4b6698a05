"""Autosave, named slots, the load screen's list, and undo."""

from __future__ import annotations

import json
import os
import time

import pytest

from game.persist import saves
from game.persist.paths import autosave_dir, saves_dir
from game.persist.playthrough import UndoError, new_game, undo_last_year
from game.persist.settings import GameSettings

from .conftest import answer_as_policy, historical_game, play_policy_year, policy_directives


def test_autosave_at_the_start_of_every_year_keeps_the_last_five(historical):
    policy, path = historical
    session = historical_game(seed=1)
    directives = policy_directives(session, policy, path)
    written = []
    while not session.finished:
        written.append(saves.autosave(session))
        play_policy_year(session, policy, directives)
    written.append(saves.autosave(session))
    kept = sorted(autosave_dir().glob("*.json"))
    assert len(written) == 15 and len(set(written)) == 15
    assert kept == written[-5:]
    years = sorted(json.loads(p.read_bytes())["year"] for p in kept)
    assert years == [1938, 1939, 1940, 1941, 1942]
    assert saves.load(written[-1]).records == session.records


def test_autosaving_the_same_moment_twice_writes_one_file():
    session = new_game("first_plan", seed=1)
    first = saves.autosave(session)
    assert saves.autosave(session) == first
    assert len(list(autosave_dir().glob("*.json"))) == 1


def test_autosave_clears_temporary_files_left_by_a_killed_write_but_not_young_ones():
    folder = autosave_dir()
    folder.mkdir(parents=True)
    old, young = folder / ".autosave-000001.json.abc.tmp", folder / ".autosave-000002.json.def.tmp"
    for stray in (old, young):
        stray.write_bytes(b"half a sa")
    hour_ago = time.time() - 7200
    os.utime(old, (hour_ago, hour_ago))
    saves.autosave(new_game("first_plan"))
    assert not old.exists() and young.exists()
    assert [e.path.name for e in saves.list_saves()] == ["autosave-000001.json"]


def test_named_slots_keep_the_previous_save_as_bak(historical):
    policy, path = historical
    session = historical_game(seed=1)
    directives = policy_directives(session, policy, path)
    file = saves.save_slot(session, "Мой план 1")  # any alphabet
    assert file == saves_dir() / "Мой план 1.json"
    first = file.read_bytes()
    play_policy_year(session, policy, directives)
    assert saves.save_slot(session, "Мой план 1") == file
    assert file.with_name(file.name + ".bak").read_bytes() == first
    assert saves.load(file).year == 1929


@pytest.mark.parametrize("name, file", [("a/b\\c:d", "a_b_c_d.json"), ("  spaced  ", "spaced.json"),
                                        ("con", "con_.json"), ("x" * 100, "x" * 64 + ".json")])
def test_slot_names_become_safe_file_names(name, file):
    assert saves.slot_path(name).name == file


@pytest.mark.parametrize("name", ["", "   ", "...", "autosave-000001"])
def test_unusable_slot_names_are_refused(name):
    with pytest.raises(saves.UserError, match="save name"):
        saves.slot_path(name)


def test_the_load_screen_lists_scenario_year_and_date_newest_first(historical):
    policy, path = historical
    lesson = new_game("first_plan", seed=2)
    saves.save_slot(lesson, "lesson")
    time.sleep(0.01)  # saved_at has milliseconds
    session = historical_game(seed=1)
    directives = policy_directives(session, policy, path)
    play_policy_year(session, policy, directives)
    saves.autosave(session)
    entries = saves.list_saves()
    assert [(e.kind, e.name, e.scenario_id, e.year) for e in entries] == [
        ("autosave", "autosave 1", "great_turn", 1929),
        ("slot", "lesson", "first_plan", 1928),
    ]
    assert entries[1].scenario_name == lesson.scenario.name
    assert all(e.ok and e.saved_at is not None for e in entries)
    assert "1929" in entries[0].label and session.scenario.name in entries[0].label


def test_undo_takes_back_the_last_year_with_its_january(historical, events_mod):
    policy, path = historical
    session = historical_game(events_mod, seed=1)
    directives = policy_directives(session, policy, path)
    for _ in range(4):
        play_policy_year(session, policy, directives)
    before_last = historical_game(events_mod, seed=1)
    for _ in range(3):
        play_policy_year(before_last, policy, directives)
    before_last.begin_year()  # January 1931's cards drawn, as after an undo
    answer_as_policy(session, policy)  # the current January's cards too: they go with the year
    undone = undo_last_year(session)
    assert undone.year == 1931 and undone.records == before_last.records
    assert undone.game.state == before_last.game.state
    assert [e.id for e in undone.pending] == [e.id for e in before_last.pending]
    assert undone.commands == before_last.commands and undone.undos == 1
    assert session.year == 1932 and len(session.records) == 4  # the old game is untouched
    # Play the year differently after undoing, and save: the save carries the undo count.
    answer_as_policy(undone, policy)
    undone.play_year(directives[1931].model_copy(update={"grain_procurement_mt": 15.0}))
    loaded = saves.load(saves.save_slot(undone, "after undo"), [events_mod])
    assert loaded.undos == 1 and loaded.records[-1]["year"] == 1931
    assert undo_last_year(undo_last_year(loaded)).year == 1930


def test_nothing_to_undo_before_the_first_year_is_played():
    session = new_game("first_plan")
    with pytest.raises(UndoError, match="nothing to undo"):
        undo_last_year(session)


def test_a_teacher_can_switch_undo_off(historical):
    policy, path = historical
    session = new_game("great_turn", settings=GameSettings(allow_undo=False))
    play_policy_year(session, policy, policy_directives(session, policy, path))
    with pytest.raises(UndoError, match="switched off"):
        undo_last_year(session)
    # ... and it stays off after a save and a load.
    loaded = saves.load(saves.save_slot(session, "exam"))
    with pytest.raises(UndoError, match="switched off"):
        undo_last_year(loaded)
