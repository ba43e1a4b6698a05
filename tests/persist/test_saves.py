"""Saves: round trips at every year, exact replay, and mismatches reported, never hidden."""

from __future__ import annotations

import json
import random

import pytest

from game.persist import saves
from game.persist.playthrough import Playthrough, new_game
from game.persist.snapshot import dump_records, dump_state, normalised, restore_state
from game.scenario.policy import load_policy

from .conftest import (
    MOD_ID,
    answer_as_policy,
    historical_game,
    play_policy_year,
    playable,
    policy_directives,
)


def assert_same_game(loaded: Playthrough, original: Playthrough) -> None:
    assert loaded.year == original.year
    assert loaded.finished == original.finished
    assert loaded.records == original.records
    assert normalised(dump_state(loaded.game.state)) == normalised(dump_state(original.game.state))
    assert loaded.game.state == original.game.state
    assert normalised(loaded.commands) == normalised(original.commands)
    assert [e.as_json() for e in loaded.events] == [e.as_json() for e in original.events]
    assert [e.id for e in loaded.pending] == [e.id for e in original.pending]
    assert (loaded.seed, loaded.weather_mode, loaded.settings, loaded.mods) == \
        (original.seed, original.weather_mode, original.settings, original.mods)


@pytest.mark.parametrize("with_mod", [False, True], ids=["bundled", "test-events"])
def test_save_and_load_round_trip_at_every_year(tmp_path, historical, events_mod, with_mod):
    policy, path = historical
    session = historical_game(events_mod if with_mod else None)
    directives = policy_directives(session, policy, path)
    mods = [events_mod] if with_mod else None
    chosen = 0
    while True:
        file = saves.write_save(session, tmp_path / f"{session.year}.json")
        loaded = saves.load(file, mods)
        assert_same_game(loaded, session)
        # The loaded game's own save is the same save, but for the time it was made.
        assert saves.comparable(saves.save_json(loaded)) == saves.comparable(json.loads(file.read_bytes()))
        if session.finished:
            break
        play_policy_year(session, policy, directives)
        chosen = sum(c["command"] == "choose" for c in session.commands)
    assert session.finished and session.game.ending == "completed"
    assert chosen > 0  # the round trips carried event answers, not only directives
    if with_mod:
        assert MOD_ID in session.mods and any(e.id.startswith("pt_") for e in session.events)


def test_a_loaded_game_continues_exactly_as_the_uninterrupted_one(tmp_path, historical, events_mod):
    policy, path = historical
    straight = historical_game(events_mod, seed=3, weather="random")
    directives = policy_directives(straight, policy, path)
    interrupted = historical_game(events_mod, seed=3, weather="random")
    while not straight.finished:
        play_policy_year(straight, policy, directives)
        play_policy_year(interrupted, policy, directives)
        interrupted = saves.load(saves.write_save(interrupted, tmp_path / "game.json"), [events_mod])
    assert interrupted.records == straight.records
    assert interrupted.game.state == straight.game.state


def test_a_save_in_the_middle_of_january_keeps_the_cards_still_to_answer(tmp_path, historical, events_mod):
    policy, path = historical
    session = historical_game(events_mod)
    directives = policy_directives(session, policy, path)
    rng = random.Random(5)
    while len(session.begin_year()) < 2:
        answer_as_policy(session, policy)
        session.play_year(directives[session.year])
    first = session.begin_year()[0]
    session.choose(first.id, rng.choice(first.choices).id)
    loaded = saves.load(saves.write_save(session, tmp_path / "mid.json"), [events_mod])
    assert_same_game(loaded, session)
    assert loaded.pending and first.id not in [e.id for e in loaded.pending]


def test_the_snapshot_holds_the_whole_state(events_mod, historical):
    policy, path = historical
    session = historical_game(events_mod, seed=0)
    directives = policy_directives(session, policy, path)
    seen = {"modifiers": False, "flags": False, "scheduled": False, "fired": False}
    while not session.finished:
        rng = random.Random(session.year)
        while pending := session.begin_year():  # the rumour asks for a report next year: scheduled
            choice = "inquire" if pending[0].id == "pt_rumour" else rng.choice(pending[0].choices).id
            session.choose(pending[0].id, choice)
            check_restores(session.game.state, seen)
        session.play_year(playable(directives[session.year], session))
        check_restores(session.game.state, seen)
    assert all(seen.values()), seen  # every kind of event state was carried at least once
    assert json.loads(json.dumps(dump_records(session.records))) == session.records


def check_restores(state, seen: dict[str, bool]) -> None:
    for name in seen:
        seen[name] |= bool(getattr(state, name))
    restored = restore_state(json.loads(json.dumps(dump_state(state), allow_nan=False)))
    assert restored == state
    assert dump_state(restored) == dump_state(state)


def test_two_saves_of_the_same_game_differ_only_in_their_time(tmp_path):
    session = new_game("first_plan", seed=4)
    a = json.loads(saves.write_save(session, tmp_path / "a.json").read_bytes())
    b = json.loads(saves.write_save(session, tmp_path / "b.json").read_bytes())
    assert "saved_at" in a and saves.comparable(a) == saves.comparable(b)


def test_the_save_records_what_the_format_promises(tmp_path):
    session = new_game("first_plan", seed=9, weather="random")
    data = json.loads(saves.write_save(session, tmp_path / "s.json").read_bytes())
    assert data["format"] == "pyatiletka-save" and data["format_version"] == saves.FORMAT_VERSION
    assert data["scenario"]["id"] == "first_plan" and data["scenario"]["content_hash"].startswith("sha256:")
    assert (data["seed"], data["weather"], data["year"], data["commands"]) == (9, "random", 1928, [])
    assert data["settings"] == {"classroom": False, "content": "sober", "allow_undo": True}
    assert {"state", "records"} <= data["snapshot"].keys()


def tampered(path, edit):
    data = json.loads(path.read_bytes())
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def played(tmp_path, years: int = 3):
    session = new_game("great_turn", seed=2)
    policy, path = load_policy("historical")
    directives = policy_directives(session, policy, path)
    for _ in range(years):
        play_policy_year(session, policy, directives)
    return session, saves.write_save(session, tmp_path / "game.json")


def test_a_snapshot_that_the_replay_does_not_reproduce_is_reported(tmp_path):
    session, file = played(tmp_path)

    def edit(data):
        data["snapshot"]["records"][1]["steel_mt"] += 0.001

    tampered(file, edit)
    with pytest.raises(saves.ReplayMismatch) as caught:
        saves.load(file)
    error = caught.value
    assert error.kind == "replay-mismatch" and str(file) in error.message
    assert "records[1].steel_mt" in error.message
    # The replayed game is handed over (a UI may offer it after telling the player), not hidden.
    assert error.session.records == session.records


def test_a_changed_directive_in_the_log_is_caught_by_the_snapshot(tmp_path):
    _, file = played(tmp_path)

    def edit(data):
        data["commands"][-1]["directives"]["grain_procurement_mt"] += 1.0

    tampered(file, edit)
    with pytest.raises(saves.ReplayMismatch, match="grain_procurement_mt|state"):
        saves.load(file)


def test_a_changed_state_in_the_snapshot_is_caught(tmp_path):
    _, file = played(tmp_path)
    tampered(file, lambda data: data["snapshot"]["state"].update(fear=9.0))
    with pytest.raises(saves.ReplayMismatch, match=r"state\.fear: saved 9\.0"):
        saves.load(file)


def test_a_command_the_game_refuses_names_the_command(tmp_path):
    _, file = played(tmp_path)

    def edit(data):
        data["commands"].insert(0, {"command": "choose", "year": 1928, "event": "no_such_event", "choice": "x"})

    tampered(file, edit)
    with pytest.raises(saves.ReplayFailed, match=r"command 1 of \d+: .*no_such_event"):
        saves.load(file)


def test_an_older_format_is_upgraded_step_by_step(tmp_path):
    """Format 0 had neither weather nor settings: it loads as a historical-weather game."""
    session, file = played(tmp_path)

    def to_format_0(data):
        data["format_version"] = 0
        del data["weather"], data["settings"]

    tampered(file, to_format_0)
    loaded = saves.load(file)
    assert loaded.weather_mode == "historical" and loaded.records == session.records
    assert saves.save_json(loaded)["format_version"] == saves.FORMAT_VERSION
    assert set(saves.UPGRADES) == set(range(saves.FORMAT_VERSION))  # a chain with no gap


def test_loading_never_writes(tmp_path):
    _, file = played(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    saves.load(file)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_plain_session_cannot_be_saved_by_mistake(tmp_path):
    from game.errors import UserError
    from game.session import Session

    session = Session(new_game("first_plan").world)
    with pytest.raises(UserError, match="cannot be saved"):
        saves.write_save(session, tmp_path / "x.json")
